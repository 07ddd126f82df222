/**
 * "Test connection" sends a dummy token, so the answer that proves the path works is
 * the manual's case 3, "Mismatch data in received token" (§4.2). This turns what came back into
 * plain words for the status area: a tone, one headline, and the lines under it.
 */
import type { ActionResult } from '../shared/messages';
import type { VerificationFailureCode, VerificationResult } from '../domain/soap/answer';
import type { MessageText, StatusReport, Tone } from './status-report';

const CASE_KEYS = { 1: 'test.case1', 2: 'test.case2', 3: 'test.case3', 4: 'test.case4' } as const;

/**
 * Failures where something at the address did answer (an error status, a Fault, an HTML page,
 * XML without the fields): the network path works, so "no answer" would send an integrator
 * looking in the wrong place.
 */
const SOMETHING_ANSWERED: ReadonlySet<VerificationFailureCode> = new Set([
  'http-status',
  'soap-fault',
  'not-xml',
  'missing-fields',
  'too-large',
]);

export function describeTestResult(result: ActionResult<VerificationResult>): StatusReport {
  if (!result.ok) return { tone: 'error', headline: { raw: result.error }, lines: [], findings: [] };
  const verification = result.value;
  const lines: MessageText[] = [{ key: 'test.endpoint', values: { endpoint: verification.endpoint } }];
  if (verification.roundTripMs !== null)
    lines.push({ key: 'test.roundTrip', values: { ms: Math.round(verification.roundTripMs) } });

  const { outcome } = verification;
  if (outcome.kind === 'failed') {
    if (outcome.httpStatus !== undefined)
      lines.unshift({ key: 'test.httpStatus', values: { status: outcome.httpStatus } });
    if (outcome.faultCode !== undefined || outcome.faultString !== undefined) {
      lines.unshift({ key: 'test.fault', values: { code: outcome.faultCode ?? '', text: outcome.faultString ?? '' } });
    }
    const key = SOMETHING_ANSWERED.has(outcome.code) ? 'test.answeredBadly' : 'test.failed';
    return {
      tone: 'error',
      headline: { key, values: { detail: outcome.detail } },
      lines,
      findings: verification.findings,
    };
  }

  const { answer } = outcome;
  const message = answer.message ?? '';
  if (answer.manualCase === null) {
    return {
      tone: 'warning',
      headline: {
        key: 'test.unrecognised',
        values: { status: answer.status === null ? '—' : String(answer.status), message: message || '—' },
      },
      lines,
      findings: verification.findings,
    };
  }
  // Case 3 is the expected answer to a dummy token; case 4 means the ClientID is refused; cases
  // 1 and 2 would mean the service accepted a token it never issued.
  const tone: Tone = answer.manualCase === 3 ? 'success' : 'warning';
  return {
    tone,
    headline: { key: CASE_KEYS[answer.manualCase], values: { message } },
    lines,
    findings: verification.findings,
  };
}
