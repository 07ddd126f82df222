/**
 * What the popup says when this tab has no token: where capture works (the manifest's default
 * sites plus any a person added), and a way to add a site. The sites are read from the
 * manifest, so this line can never drift from what the extension actually watches.
 */
import { DEFAULT_CAPTURE_SITES } from '../shared/capture-sites';
import { useStrings } from '../ui/strings';
import { POPUP_STRINGS } from './popup-strings';

interface EmptyStateProps {
  addedSites: readonly string[];
  /**
   * Capture sites this browser has not granted (Firefox MV3 leaves host access to the person):
   * capture silently cannot work there, so the empty state says so instead of "no token yet".
   */
  notAllowedSites: readonly string[];
  /** True when other tabs have captures: then the heading says "not on this tab". */
  hasCapturesElsewhere: boolean;
  onOpenOptions: () => void;
}

export function EmptyState({ addedSites, notAllowedSites, hasCapturesElsewhere, onOpenOptions }: EmptyStateProps) {
  const { t } = useStrings(POPUP_STRINGS);
  return (
    <section class="card empty" aria-labelledby="empty-heading" data-testid="empty-state">
      <h2 id="empty-heading">{hasCapturesElsewhere ? t('picker.noneOnTab') : t('empty.heading')}</h2>
      {hasCapturesElsewhere && <p>{t('picker.pickHint')}</p>}
      <p>{t('empty.where', { sites: DEFAULT_CAPTURE_SITES.map((site) => site.label).join(', ') })}</p>
      {addedSites.length > 0 && <p>{t('empty.added', { sites: addedSites.join(', ') })}</p>}
      {notAllowedSites.length > 0 && (
        <p class="empty__warning" role="alert" data-testid="sites-not-allowed">
          {t('empty.notAllowed', { sites: notAllowedSites.join(', ') })}
        </p>
      )}
      <button type="button" class="button button--link" onClick={onOpenOptions}>
        {t('empty.addSite')}
      </button>
    </section>
  );
}
