/**
 * The decoded header and payload as pretty JSON, for integrators. Personal claims (the national
 * ID number) stay masked here too unless the person revealed them above, so a screenshot or a
 * copy of this section does not leak the number by accident. The signature is not shown: it
 * means nothing to read and only makes the token replayable.
 *
 * The JSON is printed by the domain's bounded printer, never `JSON.stringify`: a hostile token
 * nested thousands deep would overflow the stack, and one nested a thousand deep would print
 * millions of characters. Hidden characters in keys and strings are shown as `⟨U+202E⟩`.
 */
import { idRepeatingClaims, type DecodedInspection } from './claim-value';
import { maskIdNumbersIn, maskIdNumbersInPayload } from '../domain/mask-claims';
import { boundedJson } from '../domain/bounded-json';
import { revealHiddenCharacters } from '../domain/reveal-hidden-characters';
import { useStrings } from '../ui/strings';
import { POPUP_STRINGS } from './popup-strings';
import { CopyButton, type WriteText } from '../ui/copy-button';

interface RawSectionProps {
  inspection: DecodedInspection;
  revealId: boolean;
  writeText: WriteText;
}

/**
 * The payload as shown: the ID number masked unless revealed, wherever it sits (report.ts does
 * the same), and in `username` or `sid` too when they repeat it (as the person section does).
 */
export function displayedPayload(inspection: DecodedInspection, revealId: boolean): Record<string, unknown> {
  if (revealId) return inspection.token.payload;
  return { ...maskIdNumbersInPayload(inspection.token.payload), ...Object.fromEntries(idRepeatingClaims(inspection)) };
}

/** Pretty JSON for the screen, and how much of it was left out. */
function shownJson(value: unknown) {
  return boundedJson(value, { mapString: revealHiddenCharacters });
}

export function RawSection({ inspection, revealId, writeText }: RawSectionProps) {
  const { t } = useStrings(POPUP_STRINGS);
  // An ID number can hide in the header too; masked there as the report masks it.
  const header = shownJson(revealId ? inspection.token.header : maskIdNumbersIn(inspection.token.header));
  const payload = shownJson(displayedPayload(inspection, revealId));
  const moreText = (omitted: number) =>
    omitted > 0 ? t('text.moreCharacters', { n: omitted.toLocaleString('en-US') }) : null;
  const more = (omitted: number) => omitted > 0 && <p class="muted small">{moreText(omitted)}</p>;
  // The copy says where it was cut, as the screen does, so a pasted copy is not taken for all of it.
  const copied = () =>
    [header.text, moreText(header.omittedCharacters), payload.text, moreText(payload.omittedCharacters)]
      .filter((part) => part !== null)
      .join('\n');
  const hasPersonal = inspection.claims.some((reading) => reading.definition.personal && reading.present);
  return (
    <section class="card" aria-labelledby="raw-heading">
      <details class="raw">
        <summary>
          <h2 id="raw-heading">{t('raw.heading')}</h2>
        </summary>
        <div class="raw__actions">
          <CopyButton label={t('raw.copy')} writeText={writeText} text={copied} />
        </div>
        {hasPersonal && !revealId && <p class="muted small">{t('raw.masked')}</p>}
        <h3>{t('raw.header')}</h3>
        <pre class="json" tabIndex={0} aria-label={t('raw.header')}>
          {header.text}
        </pre>
        {more(header.omittedCharacters)}
        <h3>{t('raw.payload')}</h3>
        <pre class="json" tabIndex={0} aria-label={t('raw.payload')} data-testid="raw-payload">
          {payload.text}
        </pre>
        {more(payload.omittedCharacters)}
      </details>
    </section>
  );
}
