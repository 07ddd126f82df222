/**
 * The first thing a help-desk person reads: is this token good, how long it has left, and what
 * DiwLoginChk said about it (manual §4). The countdown re-renders every second from the popup's
 * clock; the bar is measured against the manual's lifetime (1 h 05 min), not the token's own,
 * so a token issued with a different lifetime shows it at a glance. Once DiwLoginChk has called
 * the token not genuine (manual case 3), its times are the forger's, so no countdown is shown.
 */
import { Fragment } from 'preact';
import type { Localized } from '../domain/finding';
import type { TokenInspection } from '../domain/inspect';
import type { VerificationAnswer, VerificationResult } from '../domain/soap/answer';
import { echoesIdNumber } from '../domain/echoes-id-number';
import { revealHiddenCharacters } from '../domain/reveal-hidden-characters';
import { MANUAL_LIFETIME_MS } from '../domain/time';
import { formatDuration, formatIsoUtc, formatThaiDateTime } from '../domain/time-format';
import { maskIdCard } from '../domain/id-card';
import { overallVerdict } from '../domain/overall-verdict';
import { useStrings, type Language } from '../ui/strings';
import { POPUP_STRINGS } from './popup-strings';
import { displayValue } from './claim-value';

export interface VerifyState {
  running: boolean;
  /** The background's message when it could not verify at all, in both languages (a switch re-words it). */
  error: Localized | null;
}

export interface VerdictSectionProps extends Omit<VerificationBlockProps, 'plainHttp'> {
  inspection: TokenInspection;
  nowMs: number;
  /** The verification service is plain HTTP to a host that is not loopback (see endpointSecurity). */
  plainHttp?: boolean;
}

const VERDICT_TONE = {
  valid: 'good',
  expired: 'bad',
  'not-yet-valid': 'warn',
  'expiry-unknown': 'warn',
  'not-genuine': 'bad',
  'not-sso': 'warn',
  unreadable: 'bad',
} as const;

export function VerdictSection(props: VerdictSectionProps) {
  const { inspection, nowMs, verification } = props;
  const { t, language } = useStrings(POPUP_STRINGS);
  // The headline follows DiwLoginChk where it says worse than the token's own reading.
  const verdict = overallVerdict(inspection, verification);
  return (
    <section class={`verdict verdict--${VERDICT_TONE[verdict]}`} aria-labelledby="verdict-heading">
      <h2 id="verdict-heading" class="verdict__line" data-verdict={verdict}>
        <span class="verdict__icon" aria-hidden="true">
          {VERDICT_TONE[verdict] === 'good' ? '✓' : VERDICT_TONE[verdict] === 'bad' ? '✕' : '!'}
        </span>
        {t(`verdict.${verdict}`)}
      </h2>
      {inspection.kind === 'unreadable' ? (
        <p class="verdict__failure" role="alert">
          {inspection.failure.message[language]}
        </p>
      ) : (
        <>
          {verdict === 'not-sso' && <p class="muted">{t('verdict.notSsoHint')}</p>}
          {/* A token DiwLoginChk calls not genuine has only the times its forger wrote: no bar, no countdown. */}
          {verdict === 'not-genuine' ? (
            <p class="countdown__claimed" data-testid="countdown">
              {t('countdown.notGenuine')}
            </p>
          ) : (
            <Countdown inspection={inspection} nowMs={nowMs} />
          )}
          <AlsoCheck inspection={inspection} />
        </>
      )}
      {inspection.kind === 'decoded' && <VerificationBlock {...props} plainHttp={props.plainHttp ?? false} />}
    </section>
  );
}

/** Findings the headline already says (times, not an SSO token): not repeated under it. */
const SAID_BY_VERDICT = new Set(['token-expired', 'token-not-yet-valid', 'expiry-unknown', 'not-industry-sso']);

/**
 * A valid token can still be why someone is refused (an office that does not match, a bad ID
 * number). The headline stays about validity, and this line points at the most serious other
 * problem, so it is seen in the first screen, not only after scrolling to the findings.
 */
function AlsoCheck({ inspection }: { inspection: Extract<TokenInspection, { kind: 'decoded' }> }) {
  const { t, language } = useStrings(POPUP_STRINGS);
  const problems = inspection.findings.filter(
    (finding) => finding.severity !== 'info' && !SAID_BY_VERDICT.has(finding.code),
  );
  const [first] = problems;
  if (!first) return null;
  return (
    <p class={`verdict__also tone--${first.severity}`} data-testid="also-check">
      <a href="#findings-heading">
        {t('verdict.alsoCheck', {
          count: String(problems.length),
          title: revealHiddenCharacters(first.title[language]),
        })}
      </a>
    </p>
  );
}

function Countdown({
  inspection,
  nowMs,
}: {
  inspection: Extract<TokenInspection, { kind: 'decoded' }>;
  nowMs: number;
}) {
  const { t, language } = useStrings(POPUP_STRINGS);
  const { times } = inspection;
  const remaining = times.remainingMs;
  let text: string;
  /** The span the ticking clock shows: time left, time until valid, or time since expiry. */
  let span: number | null = null;
  if (remaining === null) text = t('countdown.unknown');
  else if (times.state === 'not-yet-valid' && times.nbf.epochMs !== null) {
    span = times.nbf.epochMs - nowMs;
    text = t('countdown.startsIn', { time: formatDuration(span, language) });
  } else if (remaining <= 0) {
    span = -remaining;
    text = t('countdown.expiredAgo', { time: formatDuration(span, language) });
  } else {
    span = remaining;
    text = t('countdown.remaining', { time: formatDuration(remaining, language) });
  }

  const fraction = remaining === null ? 0 : Math.min(1, Math.max(0, remaining / MANUAL_LIFETIME_MS));
  const percent = Math.round(fraction * 100);
  // Amber under 5 minutes, as the toolbar badge is.
  const tone =
    remaining === null || remaining <= 0
      ? 'bad'
      : times.state === 'not-yet-valid' || remaining < 5 * 60_000
        ? 'warn'
        : 'good';
  const barLabel = t('countdown.barLabel', { lifetime: formatDuration(MANUAL_LIFETIME_MS, language) });
  return (
    <div class="countdown">
      <p class="countdown__text" data-testid="countdown">
        {text}
        {span !== null && (
          <span class="countdown__clock" data-testid="countdown-clock">
            {formatDuration(span, language, 'clock')}
          </span>
        )}
      </p>
      <div
        class={`bar bar--${tone}`}
        role="meter"
        aria-label={barLabel}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={text}
        title={barLabel}
      >
        <div class="bar__fill" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}

interface VerificationBlockProps {
  verification: VerificationResult | null;
  /** null when there is no capture to verify (nothing to ask the background about). */
  onVerify: ((force: boolean) => void) | null;
  verifyState: VerifyState;
  plainHttp: boolean;
}

function VerificationBlock({ verification, onVerify, verifyState, plainHttp }: VerificationBlockProps) {
  const { t, language } = useStrings(POPUP_STRINGS);
  const button = onVerify && (
    <button type="button" class="button" onClick={() => onVerify(verification !== null)} disabled={verifyState.running}>
      {verifyState.running ? t('verify.running') : verification ? t('verify.again') : t('verify.button')}
    </button>
  );
  return (
    <div class="verification" aria-label={t('verify.heading')} role="group">
      {verification ? (
        <VerificationSummary result={verification} />
      ) : (
        <p class="verification__none">{t('verify.notYet')}</p>
      )}
      {button}
      {plainHttp && (
        <p class="verification__plain-http" data-testid="plain-http">
          {t('verify.plainHttp')}
        </p>
      )}
      {verifyState.error && (
        <p class="verification__error" role="alert">
          {verifyState.error[language]}
        </p>
      )}
    </div>
  );
}

/** The Username the service returned; masked like the ID when it is the ID number (as in the person section). */
function returnedUsername(answer: VerificationAnswer, language: Language): string | null {
  if (answer.username === null) return null;
  return echoesIdNumber(answer.username, answer.idCard)
    ? maskIdCard(answer.username)
    : displayValue(answer.username, language);
}

function VerificationSummary({ result }: { result: VerificationResult }) {
  const { t, language } = useStrings(POPUP_STRINGS);
  const { outcome } = result;
  /** Shown as separate pieces, so a line breaks between them and never inside one. */
  let headline: string[];
  let tone: 'good' | 'bad' | 'warn';
  if (outcome.kind === 'answered') {
    const { answer } = outcome;
    headline = [
      'DiwLoginChk:',
      answer.status === null ? null : answer.status ? t('verify.statusTrue') : t('verify.statusFalse'),
      answer.message === null ? null : displayValue(answer.message, language),
      answer.manualCase === null ? t('verify.unrecognised') : t('verify.case', { n: answer.manualCase }),
    ].filter((part): part is string => Boolean(part));
    tone = answer.manualCase === 1 ? 'good' : answer.manualCase === null ? 'warn' : 'bad';
  } else {
    headline = [
      t('verify.failed', { code: outcome.httpStatus ? `${outcome.code} ${outcome.httpStatus}` : outcome.code }),
    ];
    tone = 'bad';
  }
  const returned =
    outcome.kind === 'answered' && (outcome.answer.username || outcome.answer.idCard)
      ? [returnedUsername(outcome.answer, language), outcome.answer.idCard ? maskIdCard(outcome.answer.idCard) : null]
          .filter(Boolean)
          .join(' · ')
      : null;
  const facts = [
    // Thai readers get Bangkok time in the Buddhist era; English readers the ISO UTC instant.
    t('verify.checkedAt', {
      time: language === 'th' ? formatThaiDateTime(result.checkedAt) : formatIsoUtc(result.checkedAt),
    }),
    result.roundTripMs === null ? null : t('verify.roundTrip', { ms: Math.round(result.roundTripMs) }),
    result.clockSkewMs === null || Math.abs(result.clockSkewMs) < 1000
      ? null
      : t('verify.skew', {
          time: `${result.clockSkewMs > 0 ? '+' : '−'}${formatDuration(Math.abs(result.clockSkewMs), language)}`,
        }),
  ].filter((fact): fact is string => fact !== null);
  return (
    <div class={`verification__result verification__result--${tone}`} data-testid="verification">
      <p class="verification__headline">
        {headline.map((part, index) => (
          <Fragment key={index}>
            {index > 1 ? ' · ' : index === 1 ? ' ' : ''}
            <span class="nowrap">{part}</span>
          </Fragment>
        ))}
      </p>
      {returned && <p class="verification__returned">{returned}</p>}
      {result.findings.length > 0 && (
        <ul class="verification__findings">
          {result.findings.map((finding, index) => (
            <li key={`${finding.code}-${index}`}>{revealHiddenCharacters(finding.title[language])}</li>
          ))}
        </ul>
      )}
      <p class="muted small">{facts.join(' · ')}</p>
    </div>
  );
}
