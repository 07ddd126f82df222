/**
 * Findings as a list a help-desk person can act on: severity, what was seen, and what to do
 * next. Used by the popup (token and verification findings) and usable by the options page.
 * Findings quote claims and the service's answer (e.g. "returned Username …"), so their texts
 * get the same treatment as claims on screen: hidden characters made visible.
 */
import type { Finding } from '../domain/finding';
import { sortFindings } from '../domain/sort-findings';
import { revealHiddenCharacters } from '../domain/reveal-hidden-characters';
import { useStrings } from './strings';
import { UI_STRINGS } from './ui-strings';

interface FindingsListProps {
  /** Shown most serious first, whatever order they come in. */
  findings: readonly Finding[];
  /** Whether to show each finding's next step (a compact list may leave it to another section). */
  withNextStep?: boolean;
}

export function FindingsList({ findings, withNextStep = true }: FindingsListProps) {
  const { t, language } = useStrings(UI_STRINGS);
  return (
    <ul class="findings">
      {sortFindings(findings).map((finding, index) => (
        <li key={`${finding.code}-${index}`} class={`finding finding--${finding.severity}`} data-code={finding.code}>
          <p class="finding__title">
            <span class={`badge tone--${finding.severity}`}>{t(`severity.${finding.severity}`)}</span>{' '}
            {revealHiddenCharacters(finding.title[language])}
          </p>
          <p class="finding__detail">{revealHiddenCharacters(finding.detail[language])}</p>
          {withNextStep && (
            <p class="finding__next">
              <strong>{t('findings.nextStep')}:</strong> {revealHiddenCharacters(finding.nextStep[language])}
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
