/**
 * Everything the domain found about the token and, once verified, about the verification, most
 * serious first, each with its next step: the list a help-desk person reads out on the phone.
 */
import type { Finding } from '../domain/finding';
import { useStrings } from '../ui/strings';
import { POPUP_STRINGS } from './popup-strings';
import { FindingsList } from '../ui/findings-list';

interface FindingsSectionProps {
  findings: readonly Finding[];
}

export function FindingsSection({ findings }: FindingsSectionProps) {
  const { t } = useStrings(POPUP_STRINGS);
  return (
    <section class="card" aria-labelledby="findings-heading" data-testid="findings">
      <h2 id="findings-heading">
        {t('findings.heading')} {findings.length > 0 && <span class="count">({findings.length})</span>}
      </h2>
      {findings.length === 0 ? <p class="muted">{t('findings.none')}</p> : <FindingsList findings={findings} />}
    </section>
  );
}
