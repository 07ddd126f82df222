/**
 * The token's own facts: who issued it (`iss`), when it starts and ends, how long it lives
 * against the manual's 1 h 05 min, and in what form its times were written. RFC 7519 §2 says
 * NumericDate seconds; the manual does not say, so milliseconds or date strings are shown as
 * what they are. Times are Thai Buddhist-era date-time in Asia/Bangkok, with ISO 8601 UTC
 * visible beside them for integrators who read logs in UTC. Once DiwLoginChk has said the token
 * is not genuine (manual case 3), its times are only what the forger wrote: they are greyed and
 * labelled so, never shown as a lifetime that matches the manual.
 */
import { Fragment } from 'preact';
import type { TimeReading } from '../domain/time';
import type { Capture } from '../shared/capture';
import { MANUAL_LIFETIME_MS } from '../domain/time';
import { formatDuration, formatIsoUtc, formatThaiDateTime } from '../domain/time-format';
import { useStrings } from '../ui/strings';
import { POPUP_STRINGS } from './popup-strings';
import { claimReading, claimText, displayValue, type DecodedInspection } from './claim-value';
import { maskIdNumbersIn } from '../domain/mask-claims';

interface TokenSectionProps {
  inspection: DecodedInspection;
  capture: Capture | null;
  /** An ID number can hide in an extra claim too: masked there unless revealed above. */
  revealId: boolean;
  /** DiwLoginChk said the token is not genuine: its times are the token's claims, not facts. */
  timesClaimedOnly?: boolean;
}

/** Claims the manual does not list, shown before "and N more": a real token has a handful. */
const MAX_EXTRA_CLAIMS_SHOWN = 50;

export function TokenSection({ inspection, capture, revealId, timesClaimedOnly = false }: TokenSectionProps) {
  const { t, language } = useStrings(POPUP_STRINGS);
  const { times, token } = inspection;
  const label = (name: string) => claimReading(inspection, name)?.definition.label[language] ?? name;
  const lifetime = times.lifetimeMs;
  const nonStandard = [times.nbf, times.exp, times.iat].filter(
    (reading) => reading.form !== 'numeric-seconds' && reading.form !== 'missing',
  );
  const alg = displayValue(token.header.alg, language);
  const extraShown = inspection.extraClaims.slice(0, MAX_EXTRA_CLAIMS_SHOWN);
  const extraNotShown = inspection.extraClaims.length - extraShown.length;
  const claimedNote = timesClaimedOnly && <span class="claimed-note"> ({t('token.claimedOnly')})</span>;
  return (
    <section class="card" aria-labelledby="token-heading">
      <h2 id="token-heading">{t('token.heading')}</h2>
      <dl class="facts">
        <dt>
          {label('iss')} <code class="claim-name">iss</code>
        </dt>
        <dd class="break" data-testid="iss">
          {claimText(inspection, 'iss', language) ?? <span class="muted">{t('claim.missing')}</span>}
        </dd>
        {/* The two times the token claims for itself, shown alike. */}
        {(['nbf', 'exp'] as const).map((name) => (
          <Fragment key={name}>
            <dt>
              {label(name)} <code class="claim-name">{name}</code>
            </dt>
            <dd data-testid={name} class={timesClaimedOnly ? 'claimed' : undefined}>
              <TimeValue reading={times[name]} />
              {claimedNote}
            </dd>
          </Fragment>
        ))}
        <dt>{t('token.lifetime')}</dt>
        <dd data-testid="lifetime" class={timesClaimedOnly ? 'claimed' : undefined}>
          {lifetime === null ? (
            <span class="muted">{t('token.lifetimeUnknown')}</span>
          ) : timesClaimedOnly ? (
            <span>
              {formatDuration(lifetime, language)}
              {claimedNote}
            </span>
          ) : lifetime === MANUAL_LIFETIME_MS ? (
            <span class="check check--good">
              {t('token.lifetimeMatches', { time: formatDuration(lifetime, language) })}
            </span>
          ) : (
            <span class="check check--bad">
              {t('token.lifetimeDiffers', {
                time: formatDuration(lifetime, language),
                manual: formatDuration(MANUAL_LIFETIME_MS, language),
              })}
            </span>
          )}
        </dd>
        <dt>{t('token.alg')}</dt>
        <dd>
          <code>{alg}</code>
        </dd>
        {capture && (
          <>
            <dt>{t('token.source')}</dt>
            <dd class="break" data-testid="source">
              {t(`source.${capture.source}`)}
              {capture.parameter ? ` (${capture.parameter})` : ''}
              {capture.pageOrigin ? ` · ${capture.pageOrigin}${capture.pagePath}` : ''}
              {capture.inPage === true && (
                <span class="source__in-page" data-testid="source-in-page">
                  {' '}
                  {t('source.inPage')}
                </span>
              )}
            </dd>
          </>
        )}
      </dl>
      {nonStandard.length > 0 && (
        <ul class="notes" data-testid="time-forms">
          {nonStandard.map((reading) => (
            <li key={reading.claim}>{t('token.form', { claim: reading.claim, form: t(`form.${reading.form}`) })}</li>
          ))}
        </ul>
      )}
      {inspection.extraClaims.length > 0 && (
        <details class="extra">
          <summary>
            {t('token.extraClaims')} ({inspection.extraClaims.length})
          </summary>
          <dl class="facts">
            {extraShown.map(([name, value]) => (
              <Fragment key={name}>
                <dt class="break">
                  <code>{displayValue(name, language)}</code>
                </dt>
                <dd class="break">{displayValue(revealId ? value : maskIdNumbersIn(value), language)}</dd>
              </Fragment>
            ))}
          </dl>
          {extraNotShown > 0 && (
            <p class="muted small" data-testid="extra-claims-more">
              {t('token.moreClaims', { n: extraNotShown.toLocaleString('en-US') })}
            </p>
          )}
        </details>
      )}
    </section>
  );
}

function TimeValue({ reading }: { reading: TimeReading }) {
  const { t, language } = useStrings(POPUP_STRINGS);
  if (reading.epochMs === null) {
    return (
      <span class="check check--bad">
        {reading.form === 'missing'
          ? t('claim.missing')
          : `${t('token.unreadableTime')}: ${displayValue(reading.raw, language)}`}
      </span>
    );
  }
  const iso = formatIsoUtc(reading.epochMs);
  return (
    <span class="time">
      <span class="time__thai" title={t('token.bangkokTime')}>
        {formatThaiDateTime(reading.epochMs)}
      </span>{' '}
      <span class="time__iso mono small" title="ISO 8601 UTC">
        {iso}
      </span>
    </span>
  );
}
