/**
 * The redacted report a help-desk person pastes into a ticket: everything the inspector found,
 * and nothing that would let someone reuse the token or identify the person beyond what the
 * ticket needs. The national ID is masked (manual claim 3 is personal data), the signature is
 * dropped and the compact token never appears, so the report cannot be replayed as a login.
 *
 * Every text that came from outside (the token's claims and header, the page, the service's
 * answer, findings that quote any of those) passes through the one redactor (redact.ts) as it
 * is written; the whole report then passes a last check for this token and this person's ID.
 */
import { MANUAL_LIFETIME_MS } from './time';
import { formatDuration, formatIsoUtc, formatThaiDateTime } from './time-format';
import { digitRunsIn, looksLikeIdNumber, maskIdCard, maskIdNumbersInText } from './id-card';
import { maskIdNumbersIn, maskIdNumbersInPayload } from './mask-claims';
import { formatOfficePath } from './org';
import { replaceJwtRuns, stripTokensFromUrl } from './find-tokens';
import { redactText, type RedactionSecrets } from './redact';
import { overallVerdict } from './overall-verdict';
import type { Finding, Localized } from './finding';
import { LABELS, MANUAL_CASE_WORDS, SEVERITY_WORDS, VERDICT_WORDS } from './report-words';
import { ReportWriter } from './report-writer';
import type { TokenInspection } from './inspect';
import type { VerificationResult } from './soap/answer';
import type { TimeReading } from './time';
import { hygieneFindings, type TokenHygiene } from './token-hygiene';

export interface TicketReportInput {
  inspection: TokenInspection;
  capture?: {
    source: string;
    parameter: string | null;
    pageOrigin: string;
    pagePath: string;
    capturedAt: number;
    hygiene?: TokenHygiene;
  };
  verification?: VerificationResult | null;
  nowMs: number;
  language: 'th' | 'en';
  format: 'text' | 'markdown';
  /** What else to take out of every text, such as the ClientID when the caller knows it. */
  secrets?: RedactionSecrets;
}

type Language = TicketReportInput['language'];

/**
 * The last line of defence: whatever was written above, the token, its signature, anything
 * JWT-shaped and this person's ID number (in any grouping, in Thai digits) do not leave in the
 * report. Runs over the whole report, so it only looks for what it knows: a run of digits is
 * masked here only when it holds one of `idNumbers`, never because it is merely long (the
 * payload's millisecond times are 13 digits too).
 */
function scrub(
  text: string,
  secrets: { compact: string | null; signature: string | null; idNumbers: string[] },
): string {
  let out = text;
  if (secrets.compact) out = out.split(secrets.compact).join('[token]');
  if (secrets.signature && secrets.signature.length >= 8)
    out = out.split(secrets.signature).join('[signature removed]');
  out = replaceJwtRuns(out, '[token]');
  const known = secrets.idNumbers;
  if (known.length > 0) out = maskIdNumbersInText(out, maskIdCard, (digits) => known.some((id) => digits.includes(id)));
  return out;
}

/** An ID value holds one number; more runs than this are junk, and each costs a search of the report. */
const MAX_KNOWN_IDS = 4;

/** The runs of digits in an ID value long enough to be one (shorter ones could match inside times). */
function idDigits(value: unknown): string[] {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0)
    return String(value).length >= 10 ? [String(value)] : [];
  return typeof value === 'string'
    ? digitRunsIn(value)
        .filter((digits) => digits.length >= 10)
        .slice(0, MAX_KNOWN_IDS)
    : [];
}

/** A JSON value with every string and key redacted (ID numbers were masked before, by key). */
function redactJson(value: unknown, redact: (text: string) => string): unknown {
  if (typeof value === 'string') return redact(value);
  if (Array.isArray(value)) return value.map((item) => redactJson(item, redact));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [redact(key), redactJson(item, redact)]));
  return value;
}

function timeLine(reading: TimeReading, t: (l: Localized) => string, redact: (text: string) => string): string {
  if (reading.form === 'missing') return t(LABELS.missing);
  if (reading.epochMs === null)
    return `${t(LABELS.unreadable)} (${redact(JSON.stringify(maskIdNumbersIn(reading.raw)) ?? String(reading.raw))})`;
  return `${formatThaiDateTime(reading.epochMs)} | ${formatIsoUtc(reading.epochMs)} | ${t(LABELS.form)}: ${reading.form}`;
}

/** Findings quote what they saw (an org value, a Message), so each of their texts is redacted. */
function writeFindings(
  w: ReportWriter,
  findings: readonly Finding[],
  t: (l: Localized) => string,
  redact: (text: string) => string,
): void {
  if (findings.length === 0) {
    w.paragraph(t(LABELS.none));
    return;
  }
  findings.forEach((finding, index) => {
    w.paragraph(
      `${index + 1}. ${w.strong(`[${t(SEVERITY_WORDS[finding.severity])}] ${redact(t(finding.title))}`)} (${redact(finding.code)})`,
    );
    w.paragraph(`   ${redact(t(finding.detail))}`);
    w.paragraph(`   ${t(LABELS.nextStep)}: ${redact(t(finding.nextStep))}`);
  });
}

function writeVerification(
  w: ReportWriter,
  verification: VerificationResult | null | undefined,
  language: Language,
  t: (l: Localized) => string,
  redact: (text: string) => string,
): void {
  w.section(t(LABELS.verification));
  if (!verification) {
    w.paragraph(t(LABELS.notVerified));
    w.end();
    return;
  }
  w.field(
    t(LABELS.checkedAt),
    `${formatThaiDateTime(verification.checkedAt)} | ${formatIsoUtc(verification.checkedAt)}`,
  );
  w.field(t(LABELS.endpoint), redact(stripTokensFromUrl(verification.endpoint).display || verification.endpoint));
  const { outcome } = verification;
  if (outcome.kind === 'answered') {
    const { answer } = outcome;
    w.field('Status', redact(String(answer.status)));
    w.field('Message', answer.message === null ? '—' : redact(answer.message));
    w.field(
      t(LABELS.manualCase),
      answer.manualCase === null ? t(LABELS.unrecognised) : t(MANUAL_CASE_WORDS[answer.manualCase]),
    );
    w.field(
      'Username',
      answer.username === null
        ? '—'
        : looksLikeIdNumber(answer.username)
          ? maskIdCard(answer.username)
          : redact(answer.username),
    );
    w.field('IDCard', answer.idCard === null ? '—' : maskIdCard(answer.idCard));
  } else {
    w.field(t(LABELS.failed), redact(outcome.code));
    w.field('Detail', redact(outcome.detail));
    if (outcome.httpStatus !== undefined) w.field('HTTP', String(outcome.httpStatus));
    if (outcome.faultCode !== undefined) w.field('faultcode', redact(outcome.faultCode));
    if (outcome.faultString !== undefined) w.field('faultstring', redact(outcome.faultString));
  }
  if (verification.roundTripMs !== null) w.field(t(LABELS.roundTrip), `${Math.round(verification.roundTripMs)} ms`);
  if (verification.clockSkewMs !== null)
    w.field(t(LABELS.clockSkew), formatDuration(verification.clockSkewMs, language));
  w.end();
  if (verification.findings.length > 0) writeFindings(w, verification.findings, t, redact);
  w.end();
}

/** The report as text or Markdown, in one language. Never contains the token or a full ID. */
export function buildTicketReport(input: TicketReportInput): string {
  const { inspection, capture, verification, nowMs, language, format } = input;
  const t = (text: Localized): string => (language === 'en' ? text.en : text.th);
  const redact = (text: string): string => redactText(text, input.secrets);
  const w = new ReportWriter(format);

  w.title(t(LABELS.title));
  w.field(t(LABELS.verdict), w.strong(t(VERDICT_WORDS[overallVerdict(inspection, verification)])));
  w.field(t(LABELS.reportMade), `${formatThaiDateTime(nowMs)} | ${formatIsoUtc(nowMs)}`);
  w.end();

  if (capture) {
    const page = stripTokensFromUrl(`${capture.pageOrigin}${capture.pagePath}`);
    w.section(t(LABELS.capture));
    w.field(t(LABELS.source), redact(capture.source));
    if (capture.parameter !== null) w.field(t(LABELS.parameter), redact(capture.parameter));
    w.field(t(LABELS.page), redact(page.display) || '—');
    w.field(t(LABELS.capturedAt), `${formatThaiDateTime(capture.capturedAt)} | ${formatIsoUtc(capture.capturedAt)}`);
    w.end();
  }

  const secrets = { compact: null as string | null, signature: null as string | null, idNumbers: [] as string[] };
  if (verification?.outcome.kind === 'answered')
    secrets.idNumbers = secrets.idNumbers.concat(idDigits(verification.outcome.answer.idCard));

  if (inspection.kind === 'unreadable') {
    w.section(t(LABELS.decodeFailure));
    w.paragraph(redact(t(inspection.failure.message)));
    w.end();
    w.section(t(LABELS.findings));
    writeFindings(w, inspection.findings, t, redact);
    w.end();
    writeVerification(w, verification, language, t, redact);
    return scrub(w.toString(), secrets);
  }

  const { token, times, org } = inspection;
  secrets.compact = token.compact;
  secrets.signature = token.compact.split('.')[2] ?? null;
  secrets.idNumbers = secrets.idNumbers.concat(idDigits(token.payload.idcard));

  w.section(t(LABELS.times));
  w.field('exp', timeLine(times.exp, t, redact));
  w.field('nbf', timeLine(times.nbf, t, redact));
  if (times.iat.form !== 'missing') w.field('iat', timeLine(times.iat, t, redact));
  // Remaining is counted from the report's own clock: the inspection may be minutes old.
  if (times.exp.epochMs === null) {
    w.field(t(LABELS.remaining), t(LABELS.unknown));
  } else {
    const remaining = times.exp.epochMs - nowMs;
    w.field(
      t(LABELS.remaining),
      remaining > 0
        ? formatDuration(remaining, language)
        : `${t(LABELS.expiredAgo)} ${formatDuration(-remaining, language)} ${t(LABELS.ago)}`.trim(),
    );
  }
  w.field(
    t(LABELS.lifetime),
    `${times.lifetimeMs === null ? t(LABELS.unknown) : formatDuration(times.lifetimeMs, language)} (${t(LABELS.manual)}: ${formatDuration(MANUAL_LIFETIME_MS, language)})`,
  );
  w.end();

  if (org) {
    w.section(t(LABELS.office));
    w.field('org', redact(JSON.stringify(maskIdNumbersIn(org.raw)) ?? ''));
    w.field(t(LABELS.path), org.path.length > 0 ? formatOfficePath(org.path) : t(LABELS.notInDirectory));
    if (org.code?.provinceId != null)
      w.field(t(LABELS.province), `${org.provinceName ?? t(LABELS.unknown)} (${org.code.provinceId})`);
    if (org.code) w.field(t(LABELS.organisation), org.orgName ? t(org.orgName) : `OrgID ${org.code.orgId}`);
    w.end();
  }

  w.section(t(LABELS.findings));
  writeFindings(w, inspection.findings, t, redact);
  w.end();

  writeVerification(w, verification, language, t, redact);

  const handling = hygieneFindings(capture?.hygiene, verification);
  if (handling.length > 0) {
    w.section(t(LABELS.hygiene));
    writeFindings(w, handling, t, redact);
    w.end();
  }

  w.section(t(LABELS.header));
  w.json(redactJson(maskIdNumbersIn(token.header), redact));
  w.end();
  w.section(t(LABELS.payload));
  w.json(redactJson(maskIdNumbersInPayload(token.payload), redact));
  w.paragraph(t(LABELS.signatureDropped));
  return scrub(w.toString(), secrets);
}
