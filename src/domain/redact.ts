/**
 * The one redactor for text that leaves this extension's hands: what a service or a site sent
 * back (a SOAP Message, a faultstring, an error page), what the popup shows of it, and every
 * free-text field of the ticket report. Servers and proxies echo requests, so such text can
 * carry the token, the ClientID that authenticates this office to DiwLoginChk, or a national ID
 * number (personal data). All three are taken out here, and only here.
 *
 * Every step is a single pass over text that is first cut to a few KB: the text comes from
 * outside, and a backtracking pattern over a long run of letters once took seconds per KB.
 */
import type { Finding, Localized } from './finding';
import type { VerificationResult } from './soap/answer';
import { replaceJwtRuns } from './find-tokens';
import { looksLikeIdNumber, maskIdCard, maskIdNumbersInText } from './id-card';

export interface RedactionSecrets {
  clientId?: string | null;
}

/** What is kept of one text: a Message or a faultstring says what it has to in far less. */
export const MAX_REDACTED_LENGTH = 4 * 1024;

/**
 * Shorter ClientIDs are not removed: one or two characters would blot out every occurrence of
 * them in ordinary words. A real ClientID is far longer; one this short protects nothing anyway.
 */
export const MIN_CLIENT_ID_LENGTH = 4;

export const TOKEN_MARK = '[token]';
export const CLIENT_ID_MARK = '[ClientID]';
export const ID_NUMBER_MARK = '[ID number]';

/**
 * How far past the cut the text is still read before redacting, so that a secret that straddles
 * the cut is recognised whole and removed, not left half-shown: longer than an ID number with
 * three percent-encoded separators between each digit, and than any plausible ClientID.
 */
const READ_PAST_CUT = 512;

/** Characters a cut-off token, ID number or ClientID may end in: dropped back to the last other one. */
const WORD_CHARACTER = /[A-Za-z0-9_.\-%+/\u0E50-\u0E59]/;

/** The forms a ClientID takes in text: as is, in either letter case (a GUID), and URL-encoded. */
function clientIdForms(clientId: string): string[] {
  const forms = new Set<string>();
  for (const form of [clientId, clientId.toUpperCase(), clientId.toLowerCase()]) {
    forms.add(form);
    const encoded = encodeURIComponent(form);
    forms.add(encoded);
    // Percent-escapes are case-insensitive (RFC 3986 §2.1), and form encoding writes a space as `+`.
    forms.add(encoded.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()));
    forms.add(encoded.replace(/%20/g, '+'));
  }
  // Longest first, so that an encoded form is not left half-replaced by a shorter one inside it.
  return [...forms].filter((form) => form.length >= MIN_CLIENT_ID_LENGTH).sort((a, b) => b.length - a.length);
}

/** The three removals, in an order where none can hide another: tokens, then the ClientID, then ID numbers. */
function redactWhole(text: string, secrets: RedactionSecrets | undefined): string {
  let out = replaceJwtRuns(text, TOKEN_MARK);
  const clientId = typeof secrets?.clientId === 'string' ? secrets.clientId.trim() : '';
  if (clientId.length >= MIN_CLIENT_ID_LENGTH) {
    for (const form of clientIdForms(clientId)) if (out.includes(form)) out = out.split(form).join(CLIENT_ID_MARK);
  }
  return maskIdNumbersInText(out, () => ID_NUMBER_MARK);
}

/**
 * Removes the configured ClientID wherever it appears (also URL-encoded), replaces JWT-shaped
 * runs by [token], masks 13-digit national-ID runs written with any separator (space, dot, dash,
 * underscore, slash) or none, and in Thai digits (๐-๙). Linear time; caps input: text longer
 * than MAX_REDACTED_LENGTH is cut there, at the start of the word the cut falls in, and ends in `…`.
 */
export function redactText(text: string, secrets?: RedactionSecrets): string {
  if (typeof text !== 'string') return '';
  if (text.length <= MAX_REDACTED_LENGTH) {
    const whole = redactWhole(text, secrets);
    if (whole.length <= MAX_REDACTED_LENGTH) return whole;
  }
  let out = redactWhole(text.slice(0, MAX_REDACTED_LENGTH + READ_PAST_CUT), secrets).slice(0, MAX_REDACTED_LENGTH);
  // The cut may fall inside a token, an ID number or a mark: drop that word rather than show part of it.
  let end = out.length;
  while (end > 0 && WORD_CHARACTER.test(out[end - 1]!)) end -= 1;
  // Nor leave half of a surrogate pair.
  if (end > 0 && /[\uD800-\uDBFF]/.test(out[end - 1]!)) end -= 1;
  out = out.slice(0, end);
  return `${out}…`;
}

function redactLocalized(text: Localized, secrets: RedactionSecrets | undefined): Localized {
  return { th: redactText(text.th, secrets), en: redactText(text.en, secrets) };
}

function redactFinding(finding: Finding, secrets: RedactionSecrets | undefined): Finding {
  return {
    ...finding,
    title: redactLocalized(finding.title, secrets),
    detail: redactLocalized(finding.detail, secrets),
    nextStep: redactLocalized(finding.nextStep, secrets),
  };
}

/**
 * Applies redactText to every free-text field of a VerificationResult: the endpoint, the
 * outcome's detail, faultcode and faultstring, the answer's Message, and each finding's title,
 * detail and next step in both languages. The Username is kept (it is compared with the token's
 * and a person needs it), unless it is an ID number, which is masked. The IDCard is kept: it is
 * compared with the token's, and the UI masks it.
 */
export function redactVerificationResult(result: VerificationResult, secrets?: RedactionSecrets): VerificationResult {
  const { outcome } = result;
  let redacted: VerificationResult['outcome'];
  if (outcome.kind === 'answered') {
    const { answer } = outcome;
    const username =
      answer.username === null
        ? null
        : looksLikeIdNumber(answer.username)
          ? maskIdCard(answer.username)
          : redactText(answer.username, secrets);
    redacted = {
      kind: 'answered',
      answer: { ...answer, message: answer.message === null ? null : redactText(answer.message, secrets), username },
    };
  } else {
    redacted = {
      ...outcome,
      detail: redactText(outcome.detail, secrets),
      ...(outcome.faultCode !== undefined ? { faultCode: redactText(outcome.faultCode, secrets) } : {}),
      ...(outcome.faultString !== undefined ? { faultString: redactText(outcome.faultString, secrets) } : {}),
    };
  }
  return {
    ...result,
    endpoint: redactText(result.endpoint, secrets),
    outcome: redacted,
    findings: result.findings.map((finding) => redactFinding(finding, secrets)),
  };
}
