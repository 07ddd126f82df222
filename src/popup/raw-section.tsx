/**
 * The decoded header and payload as pretty JSON, for integrators. Personal claims (the national
 * ID number) stay masked here too unless the person revealed them above, so a screenshot or a
 * copy of this section does not leak the number by accident. The signature is not shown: it
 * means nothing to read and only makes the token replayable.
 */
import type { DecodedInspection } from './claim-value';
import { maskIdNumbersInPayload } from '../domain/id-card';
import { translator, type Language } from '../ui/i18n';
import { CopyButton, type WriteText } from '../ui/copy-button';

interface RawSectionProps {
  inspection: DecodedInspection;
  language: Language;
  revealId: boolean;
  writeText: WriteText;
}

/** The payload as shown: the ID number masked unless revealed, wherever it sits (report.ts does the same). */
export function displayedPayload(inspection: DecodedInspection, revealId: boolean): Record<string, unknown> {
  return revealId ? inspection.token.payload : maskIdNumbersInPayload(inspection.token.payload);
}

export function RawSection({ inspection, language, revealId, writeText }: RawSectionProps) {
  const t = translator(language);
  const header = JSON.stringify(inspection.token.header, null, 2);
  const payload = JSON.stringify(displayedPayload(inspection, revealId), null, 2);
  const hasPersonal = inspection.claims.some((reading) => reading.definition.personal && reading.present);
  return (
    <section class="card" aria-labelledby="raw-heading">
      <details class="raw">
        <summary>
          <h2 id="raw-heading">{t('raw.heading')}</h2>
        </summary>
        <div class="raw__actions">
          <CopyButton label={t('raw.copy')} language={language} writeText={writeText} text={() => `${header}\n${payload}`} />
        </div>
        {hasPersonal && !revealId && <p class="muted small">{t('raw.masked')}</p>}
        <h3>{t('raw.header')}</h3>
        <pre class="json" tabIndex={0} aria-label={t('raw.header')}>
          {header}
        </pre>
        <h3>{t('raw.payload')}</h3>
        <pre class="json" tabIndex={0} aria-label={t('raw.payload')} data-testid="raw-payload">
          {payload}
        </pre>
      </details>
    </section>
  );
}
