import { describe, expect, it } from 'vitest';
import type { VerificationResult } from '../domain/soap/answer';
import { describeTestResult } from './describe-test-result';
import type { MessageText } from './status-report';
import { translator } from '../ui/strings';
import { OPTIONS_STRINGS } from './options-strings';

const t = translator(OPTIONS_STRINGS, 'en');
const en = { text: (message: MessageText) => t(message.key, message.values) };

function answered(
  manualCase: 1 | 2 | 3 | 4 | null,
  message: string,
  status: boolean | null = false,
): VerificationResult {
  return {
    checkedAt: 0,
    roundTripMs: 41.6,
    clockSkewMs: null,
    endpoint: 'http://127.0.0.1:8088/DiwAppChk/DiwAppChk',
    outcome: { kind: 'answered', answer: { manualCase, status, message, username: null, idCard: null } },
    findings: [],
  };
}

function headline(result: VerificationResult): string {
  const report = describeTestResult({ ok: true, value: result });
  if ('raw' in report.headline) throw new Error('expected a table text');
  return en.text(report.headline);
}

describe('describeTestResult', () => {
  it('reads case 3 to a dummy token as proof that the path works end to end', () => {
    const report = describeTestResult({ ok: true, value: answered(3, 'Mismatch data in received token') });
    expect(report.tone).toBe('success');
    expect(headline(answered(3, 'Mismatch data in received token'))).toBe(
      'Service reachable; it answered case 3 “Mismatch data in received token” — expected for a dummy token, so the path works end to end.',
    );
    expect(report.lines.map(en.text)).toEqual([
      'Called: http://127.0.0.1:8088/DiwAppChk/DiwAppChk',
      'Round trip 42 ms.',
    ]);
  });

  it('reads case 4 as a refused ClientID, and cases 1 and 2 as a service that should be checked', () => {
    expect(describeTestResult({ ok: true, value: answered(4, 'Unable to Authenticate Please Try Again') }).tone).toBe(
      'warning',
    );
    expect(headline(answered(4, 'Unable to Authenticate Please Try Again'))).toContain('does not accept this ClientID');
    expect(headline(answered(1, 'Token is valid', true))).toContain('case 1');
    expect(describeTestResult({ ok: true, value: answered(2, 'Token is expired') }).tone).toBe('warning');
  });

  it('shows an unrecognised answer raw', () => {
    expect(headline(answered(null, 'OK!!', true))).toBe(
      "Service reachable, but its answer is none of the manual's four cases (Status: true, Message: OK!!).",
    );
  });

  it('gives a failure its own message, HTTP status, fault and findings', () => {
    const finding = {
      code: 'verify-soap-fault' as const,
      severity: 'error' as const,
      title: { th: 'บริการตอบ SOAP Fault', en: 'The service answered a SOAP Fault' },
      detail: { th: 'x', en: 'x' },
      nextStep: { th: 'y', en: 'y' },
    };
    const report = describeTestResult({
      ok: true,
      value: {
        ...answered(null, ''),
        outcome: {
          kind: 'failed',
          code: 'soap-fault',
          detail: 'soap:Server — no such operation',
          httpStatus: 500,
          faultCode: 'soap:Server',
          faultString: 'no such operation',
        },
        findings: [finding],
      },
    });
    expect(report.tone).toBe('error');
    // Something at the address answered, so the network path is not what to look at.
    expect('raw' in report.headline ? '' : en.text(report.headline)).toBe(
      "The service's address answered, but not with a DiwLoginChk answer: soap:Server — no such operation",
    );
    expect(report.lines.map(en.text)).toEqual([
      'SOAP Fault soap:Server: no such operation',
      'HTTP 500',
      'Called: http://127.0.0.1:8088/DiwAppChk/DiwAppChk',
      'Round trip 42 ms.',
    ]);
    expect(report.findings).toEqual([finding]);
  });

  it('says "no answer" only when nothing answered (refused, timeout, DNS)', () => {
    const failedWith = (code: 'timeout' | 'network' | 'not-xml', detail: string): VerificationResult => ({
      ...answered(null, ''),
      outcome: { kind: 'failed', code, detail },
    });
    expect(headline(failedWith('timeout', 'no answer within 10 s'))).toBe(
      'The test got no answer from the service: no answer within 10 s',
    );
    expect(headline(failedWith('network', 'could not connect'))).toBe(
      'The test got no answer from the service: could not connect',
    );
    expect(headline(failedWith('not-xml', 'an HTML page'))).toBe(
      "The service's address answered, but not with a DiwLoginChk answer: an HTML page",
    );
  });

  it('passes on the background’s own words when it could not test at all', () => {
    const report = describeTestResult({ ok: false, error: { th: 'ยังไม่มี ClientID', en: 'No ClientID is set' } });
    expect(report).toMatchObject({ tone: 'error', headline: { raw: { en: 'No ClientID is set' } } });
  });
});
