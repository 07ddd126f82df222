/**
 * Forget captured tokens: this tab's, or all. They live only in storage.session anyway; this
 * is for a help-desk PC that moves on to the next caller.
 */
import { useStrings } from '../ui/strings';
import { POPUP_STRINGS } from './popup-strings';

interface ClearActionsProps {
  /** null when the popup has no tab (nothing to clear "on this tab"). */
  onClearTab: (() => Promise<number>) | null;
  onClearAll: () => Promise<number>;
  /** How many the last clear removed; kept by the page, as this list may move or vanish. */
  cleared: number | null;
}

export function ClearActions({ onClearTab, onClearAll, cleared }: ClearActionsProps) {
  const { t } = useStrings(POPUP_STRINGS);
  return (
    <div class="clear">
      {onClearTab && (
        <button type="button" class="button button--quiet" onClick={() => void onClearTab()}>
          {t('clear.tab')}
        </button>
      )}
      <button type="button" class="button button--quiet" onClick={() => void onClearAll()}>
        {t('clear.all')}
      </button>
      <span role="status" aria-live="polite" class="muted small">
        {cleared === null ? '' : t('clear.done', { n: cleared })}
      </span>
    </div>
  );
}
