import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clockSkewFinding, explainTestConnection, explainVerification, type VerificationOutcome } from './explain';
import type { Finding } from '../finding';
import type { ManualCase, VerificationAnswer, VerificationFailureCode } from './answer';
import { SAMPLE_ID, withCheckDigit } from '../../test-support/tokens';

const OTHER_ID = withCheckDigit('310050009876');
const claims = { username: 'somchai.t', idcard: SAMPLE_ID };

const answer = (overrides: Partial<VerificationAnswer>): VerificationOutcome => ({
  kind: 'answered',
  answer: {
    manualCase: 1,
    status: true,
    message: 'Token is valid',
    username: 'somchai.t',
    idCard: SAMPLE_ID,
    ...overrides,
  },
});

const codes = (findings: Finding[]) => findings.map((f) => f.code);
const allText = (findings: Finding[]) =>
  findings.flatMap((f) => [f.title, f.detail, f.nextStep].flatMap((t) => [t.th, t.en])).join('\n');

function expectBilingual(findings: Finding[]): void {
  for (const f of findings) {
    for (const text of [f.title, f.detail, f.nextStep]) {
      expect(text.th).toMatch(/[\u0E00-\u0E7F]/);
      expect(text.en).toMatch(/[A-Za-z]/);
    }
  }
}

describe('explainVerification: the manual’s four cases (§4.2)', () => {
  it('case 1: valid, nothing to do, and no comparison finding when Username and IDCard match', () => {
    const findings = explainVerification(answer({}), claims);
    expect(codes(findings)).toEqual(['verify-valid']);
    expect(findings[0]!.severity).toBe('info');
    expectBilingual(findings);
  });

  it('case 2: expired → log in again', () => {
    const [first] = explainVerification(answer({ manualCase: 2, status: false, message: 'Token is expired' }), claims);
    expect(first).toMatchObject({ code: 'verify-expired', severity: 'error' });
    expect(first!.nextStep.en).toMatch(/log in again/i);
  });

  it('case 3: not genuine → official SSO, check the callback', () => {
    const [first] = explainVerification(
      answer({ manualCase: 3, status: false, message: '3', username: null, idCard: null }),
      claims,
    );
    expect(first).toMatchObject({ code: 'verify-not-genuine', severity: 'error' });
    expect(first!.detail.en).toMatch(/altered/);
    expect(first!.nextStep.en).toMatch(/official Industry SSO/);
    expect(first!.nextStep.en).toMatch(/callback/);
  });

  it('case 4: wrong ClientID → ask the DIW administrator, check the options page', () => {
    const [first] = explainVerification(
      answer({
        manualCase: 4,
        status: false,
        message: 'Unable to Authenticate Please Try Again',
        username: null,
        idCard: null,
      }),
      claims,
    );
    expect(first).toMatchObject({ code: 'verify-wrong-client-id' });
    expect(first!.nextStep.en).toMatch(/DIW administrator/);
    expect(first!.nextStep.en).toMatch(/options page/);
    expect(first!.nextStep.th).toContain('ClientID');
  });

  it('an unrecognised message is shown as it came, redacted', () => {
    const findings = explainVerification(
      answer({ manualCase: null, status: null, message: 'OK for eyJhbGciOi.eyJzdWIiOiIx.c2lnbmF0dXJl' }),
      claims,
    );
    expect(findings[0]).toMatchObject({ code: 'verify-unrecognised', severity: 'warning' });
    expect(findings[0]!.detail.en).toContain('OK for [token]');
  });

  it('a Status that contradicts the Message is pointed out', () => {
    expect(codes(explainVerification(answer({ status: false }), claims))).toContain('verify-status-contradicts');
    expect(codes(explainVerification(answer({ manualCase: 2, status: true, message: '2' }), claims))).toContain(
      'verify-status-contradicts',
    );
    expect(codes(explainVerification(answer({ manualCase: 2, status: null, message: '2' }), claims))).not.toContain(
      'verify-status-contradicts',
    );
  });
});

describe('explainVerification: comparing with the token’s claims', () => {
  it('a different Username is an error; letter case alone is not', () => {
    const findings = explainVerification(answer({ username: 'somsri.k' }), claims);
    expect(codes(findings)).toEqual(['verify-username-differs', 'verify-valid']);
    expect(findings[0]!.detail.en).toContain('"somsri.k"');
    expect(codes(explainVerification(answer({ username: 'SomChai.T' }), claims))).toEqual(['verify-valid']);
  });

  it('a different IDCard is an error, and neither number appears unmasked', () => {
    const findings = explainVerification(answer({ idCard: OTHER_ID }), claims);
    expect(codes(findings)).toContain('verify-idcard-differs');
    const text = allText(findings);
    expect(text).not.toContain(SAMPLE_ID);
    expect(text).not.toContain(OTHER_ID);
    expect(text).toContain(`${OTHER_ID.slice(10, 12)}-${OTHER_ID.slice(12)}`);
  });

  it('says so when two IDs differ only in the digits the mask hides', () => {
    const sameTail = `9${SAMPLE_ID.slice(1)}`;
    const [first] = explainVerification(answer({ idCard: sameTail }), claims);
    expect(first!.detail.en).toContain('hidden digits');
  });

  it('dashes and spaces in an ID do not count as a difference; missing values are not compared', () => {
    const dashed = `${SAMPLE_ID.slice(0, 1)}-${SAMPLE_ID.slice(1, 5)}-${SAMPLE_ID.slice(5, 10)}-${SAMPLE_ID.slice(10, 12)}-${SAMPLE_ID.slice(12)}`;
    expect(codes(explainVerification(answer({ idCard: dashed }), claims))).toEqual(['verify-valid']);
    expect(codes(explainVerification(answer({ idCard: null, username: null }), claims))).toEqual(['verify-valid']);
    expect(codes(explainVerification(answer({ idCard: OTHER_ID }), null))).toEqual(['verify-valid']);
  });

  it('property: no finding ever carries an unmasked 13-digit ID', () => {
    const id = fc.stringMatching(/^[0-9]{13}$/);
    fc.assert(
      fc.property(id, id, fc.constantFrom<ManualCase | null>(1, 2, 3, 4, null), (returned, inToken, manualCase) => {
        const text = allText(
          explainVerification(answer({ manualCase, idCard: returned, message: `x ${returned}` }), {
            username: 'u',
            idcard: inToken,
          }),
        );
        expect(text).not.toContain(returned);
        expect(text).not.toContain(inToken);
      }),
    );
  });
});

describe('explainVerification: failures', () => {
  const FAILURE_CODES: VerificationFailureCode[] = [
    'no-client-id',
    'no-endpoint',
    'no-permission',
    'connection-refused',
    'dns',
    'timeout',
    'network',
    'http-status',
    'soap-fault',
    'not-xml',
    'missing-fields',
    'too-large',
  ];

  it.each(FAILURE_CODES)('%s has its own bilingual explanation', (code) => {
    const findings = explainVerification({ kind: 'failed', code, detail: 'something specific' }, claims);
    expect(codes(findings)).toEqual([`verify-${code}`]);
    expectBilingual(findings);
    expect(findings[0]!.detail.en).toContain('something specific');
  });

  it('every failure reads differently', () => {
    const titles = FAILURE_CODES.map(
      (code) => explainVerification({ kind: 'failed', code, detail: '' }, null)[0]!.title.en,
    );
    expect(new Set(titles).size).toBe(FAILURE_CODES.length);
  });

  it('the specific next steps the help desk needs', () => {
    const step = (code: VerificationFailureCode) =>
      explainVerification({ kind: 'failed', code, detail: '' }, null)[0]!.nextStep.en;
    expect(step('no-client-id')).toMatch(/options page/);
    expect(step('no-permission')).toMatch(/host permission/);
    expect(explainVerification({ kind: 'failed', code: 'network', detail: '' }, null)[0]!.title.en).toBe(
      'Could not connect (refused, DNS or offline)',
    );
  });

  it('a fault shows its code and text, an HTTP error its status', () => {
    const [fault] = explainVerification(
      {
        kind: 'failed',
        code: 'soap-fault',
        detail: 'd',
        faultCode: 'S:Client',
        faultString: 'Cannot find dispatch method',
        httpStatus: 500,
      },
      null,
    );
    expect(fault!.detail.en).toContain('faultcode S:Client');
    expect(fault!.detail.en).toContain('Cannot find dispatch method');
    expect(fault!.detail.th).toContain('HTTP 500');
  });
});

describe('clock skew', () => {
  it('within a minute says nothing', () => {
    expect(clockSkewFinding(59_000)).toBeNull();
    expect(clockSkewFinding(-60_000)).toBeNull();
    expect(clockSkewFinding(null)).toBeNull();
    expect(clockSkewFinding(Number.NaN)).toBeNull();
  });

  it('PC behind the server: the lifetime shown is too long', () => {
    const finding = clockSkewFinding(5 * 60_000 + 30_000)!;
    expect(finding.code).toBe('clock-skew');
    expect(finding.detail.en).toContain('5 min 30 s behind');
    expect(finding.detail.en).toContain('longer than it really is');
    expect(finding.detail.th).toContain('5 นาที 30 วินาที');
  });

  it('PC ahead of the server: the lifetime shown is too short', () => {
    const finding = clockSkewFinding(-(2 * 3600_000))!;
    expect(finding.detail.en).toContain('2 h ahead');
    expect(finding.detail.en).toContain('shorter than it really is');
  });

  it('comes with the other findings, after the errors', () => {
    const findings = explainVerification(answer({ manualCase: 2, status: false, message: '2' }), claims, {
      clockSkewMs: 120_000,
    });
    expect(codes(findings)).toEqual(['verify-expired', 'clock-skew']);
  });
});

describe('explainTestConnection (a dummy token no one issued)', () => {
  const dummyAnswer = (manualCase: ManualCase | null, message: string): VerificationOutcome => ({
    kind: 'answered',
    answer: { manualCase, status: manualCase === 1, message, username: null, idCard: null },
  });

  it('case 3 is the expected answer: reachable, and the ClientID was accepted', () => {
    const findings = explainTestConnection(dummyAnswer(3, 'Mismatch data in received token'));
    expect(codes(findings)).toEqual(['test-connection-ok']);
    expect(findings[0]!.detail.en).toContain('accepted the ClientID');
    expectBilingual(findings);
  });

  it('case 4: reachable, but the ClientID is refused', () => {
    expect(codes(explainTestConnection(dummyAnswer(4, '4')))).toEqual([
      'verify-wrong-client-id',
      'test-connection-reachable',
    ]);
  });

  it('case 1 or 2 for a dummy token is suspicious', () => {
    expect(codes(explainTestConnection(dummyAnswer(1, '1')))).toEqual([
      'test-connection-dummy-accepted',
      'test-connection-reachable',
    ]);
  });

  it('an unrecognised answer, a failure, and clock skew', () => {
    expect(codes(explainTestConnection(dummyAnswer(null, 'pong')))).toEqual([
      'verify-unrecognised',
      'test-connection-reachable',
    ]);
    expect(codes(explainTestConnection({ kind: 'failed', code: 'timeout', detail: '' }))).toEqual(['verify-timeout']);
    expect(codes(explainTestConnection(dummyAnswer(3, '3'), { clockSkewMs: -90_000 }))).toEqual([
      'clock-skew',
      'test-connection-ok',
    ]);
  });
});
