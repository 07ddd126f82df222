import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeFinding } from './decode-finding';
import { inspectToken } from './read-token';
import { deepArrayJson, deepObjectJson, makeRawToken, objectJson } from '../test-support/hostile-tokens';
import { sortFindings } from './sort-findings';
import { MANUAL_CLAIMS } from './claims';
import { EXP_SECONDS, NBF_SECONDS, SAMPLE_ID, makeToken, samplePayload } from '../test-support/tokens';
import type { Finding } from './finding';

const DURING = (NBF_SECONDS + 600) * 1000;
const codes = (findings: Finding[]) => findings.map((f) => f.code);

describe('inspectToken', () => {
  it('reads a good Industry SSO token as valid, with no findings', () => {
    const inspection = inspectToken(makeToken(samplePayload()), DURING);
    expect(inspection.kind).toBe('decoded');
    if (inspection.kind !== 'decoded') return;
    expect(inspection.verdict).toBe('valid');
    expect(inspection.findings).toEqual([]);
    expect(inspection.claims.map((c) => c.present)).toEqual(Array(10).fill(true));
    expect(inspection.times.remainingMs).toBe(55 * 60 * 1000);
    expect(inspection.org?.provinceName).toBe('นครปฐม');
    expect(inspection.idCard).toMatchObject({ wellFormed: true, checksumValid: true });
    expect(JSON.stringify(inspection.findings)).not.toContain(SAMPLE_ID);
  });

  it('says expired, and not yet valid, from the times', () => {
    const expired = inspectToken(makeToken(samplePayload()), (EXP_SECONDS + 60) * 1000);
    expect(expired.verdict).toBe('expired');
    expect(codes(expired.findings)).toEqual(['token-expired']);
    expect(expired.findings[0]?.nextStep.en).toMatch(/log in again.*1 h 5 min/);
    expect(inspectToken(makeToken(samplePayload()), (NBF_SECONDS - 60) * 1000).verdict).toBe('not-yet-valid');
  });

  it('gives an unreadable expiry its own verdict, neither valid nor expired, and says why', () => {
    const { exp: _exp, ...noExp } = samplePayload();
    const inspection = inspectToken(makeToken(noExp), DURING);
    expect(inspection.verdict).toBe('expiry-unknown');
    expect(codes(inspection.findings)).toEqual(['expiry-unknown', 'claims-missing', 'exp-missing']);
    expect(inspection.findings[1]?.detail.en).toContain('exp (Expires)');
  });

  it('collects org and ID findings and sorts them most serious first', () => {
    const wrongCheck = `${SAMPLE_ID.slice(0, 12)}${(Number(SAMPLE_ID[12]) + 1) % 10}`;
    const inspection = inspectToken(
      makeToken(samplePayload({ org: '9/59/74', idcard: wrongCheck, exp: EXP_SECONDS * 1000 })),
      (EXP_SECONDS + 10) * 1000,
    );
    expect(inspection.verdict).toBe('expired');
    expect(codes(inspection.findings)).toEqual([
      'token-expired',
      'exp-nonstandard-form',
      'org-province-mismatch',
      'idcard-bad-checksum',
    ]);
    expect(JSON.stringify(inspection.findings)).not.toContain(wrongCheck);
  });

  it('reports manual text claims that are not text', () => {
    const inspection = inspectToken(makeToken(samplePayload({ username: 42, email: null })), DURING);
    expect(codes(inspection.findings)).toEqual(['claims-not-text']);
    expect(inspection.findings[0]?.detail.en).toContain('username, email');
  });

  it('marks a decodable foreign token not-sso', () => {
    const inspection = inspectToken(
      makeToken({ sub: '42', iss: 'elsewhere', exp: EXP_SECONDS }),
      (EXP_SECONDS + 1) * 1000,
    );
    expect(inspection.verdict).toBe('not-sso');
    expect(codes(inspection.findings)).toEqual(['token-expired', 'not-industry-sso']);
  });

  it('explains an unreadable token with a next step', () => {
    const inspection = inspectToken('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0', DURING);
    expect(inspection).toMatchObject({
      kind: 'unreadable',
      verdict: 'unreadable',
      failure: { code: 'wrong-part-count' },
    });
    expect(codes(inspection.findings)).toEqual(['decode-wrong-part-count']);
    expect(inspection.findings[0]?.nextStep.en).toMatch(/Copy the whole token again/);
  });

  it('never throws, and always gives a verdict and findings worded in both languages', () => {
    const payloads = fc.oneof(
      fc.dictionary(
        // The manual's ten claims, plus one it does not list and one nobody would send.
        fc.constantFrom(...MANUAL_CLAIMS.map((c) => c.name), 'iat', 'x'),
        fc.anything(),
      ),
      fc
        .record({ idcard: fc.anything(), org: fc.anything(), exp: fc.anything(), nbf: fc.anything() })
        .map((p) => samplePayload(p)),
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          payloads.map((p) => makeToken(p)),
        ),
        fc.integer({ min: 0, max: 4e12 }),
        (text, now) => {
          const inspection = inspectToken(text, now);
          expect(['valid', 'expired', 'not-yet-valid', 'expiry-unknown', 'not-sso', 'unreadable']).toContain(
            inspection.verdict,
          );
          const ranks = inspection.findings.map((f) => ['error', 'warning', 'info'].indexOf(f.severity));
          expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
          for (const f of inspection.findings) {
            for (const text of [f.title, f.detail, f.nextStep])
              expect(text.th.length * text.en.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('sortFindings', () => {
  it('puts errors before warnings before info, keeping order among equals', () => {
    const f = (code: Finding['code'], severity: Finding['severity']): Finding => ({
      code,
      severity,
      title: { th: code, en: code },
      detail: { th: '', en: '' },
      nextStep: { th: '', en: '' },
    });
    const sorted = sortFindings([
      f('clock-skew', 'info'),
      f('token-expired', 'error'),
      f('org-cycle', 'warning'),
      f('org-unparseable', 'error'),
    ]);
    expect(codes(sorted)).toEqual(['token-expired', 'org-unparseable', 'org-cycle', 'clock-skew']);
  });
});

describe('inspectToken: hostile nesting', () => {
  it('a 13.7 KB token whose exp is an array nested 5,000 deep is read, not thrown on', () => {
    const token = makeRawToken(
      '{"alg":"HS256"}',
      objectJson({ ...samplePayload(), exp: undefined }, `"exp":${deepArrayJson(5000)}`),
    );
    expect(token.length).toBeGreaterThan(13_000);
    const inspection = inspectToken(token, DURING);
    expect(inspection.kind).toBe('decoded');
    expect(inspection.verdict).toBe('expiry-unknown');
    expect(codes(inspection.findings)).toContain('token-absurd-nesting');
    expect(codes(inspection.findings)).toContain('exp-unreadable');
  });

  it('an org claim nested 5,000 deep is read, not thrown on', () => {
    const inspection = inspectToken(
      makeRawToken('{"alg":"HS256"}', objectJson(samplePayload(), `"org":${deepArrayJson(5000)}`)),
      DURING,
    );
    expect(inspection.kind).toBe('decoded');
    if (inspection.kind !== 'decoded') return;
    expect(inspection.org?.raw.length).toBeLessThan(110);
  });

  it('says which part nests absurdly deep, with a next step in both languages', () => {
    const inspection = inspectToken(
      makeRawToken(`{"alg":"HS256","x":${deepObjectJson(1000)}}`, JSON.stringify(samplePayload())),
      DURING,
    );
    const finding = inspection.findings.find((f) => f.code === 'token-absurd-nesting')!;
    expect(finding.severity).toBe('warning');
    expect(finding.detail.en).toContain('header');
    expect(finding.detail.en).not.toContain('payload');
    expect(finding.nextStep.th.length).toBeGreaterThan(20);
    expect(finding.nextStep.en).toContain('DiwLoginChk');
  });

  it('ordinary nesting (a few levels) is no finding', () => {
    const inspection = inspectToken(makeToken(samplePayload({ roles: [{ name: 'a', scopes: ['x', ['y']] }] })), DURING);
    expect(codes(inspection.findings)).not.toContain('token-absurd-nesting');
  });
});

describe('decodeFinding', () => {
  it('every decode failure carries a next step in both languages', () => {
    for (const text of [
      '',
      'abc',
      'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0',
      'eyJhbGciOiJSU0EtT0FFUCJ9.a.b.c.d',
      'eyJhbGciOiJIUzI1NiJ9.@@@.x',
    ]) {
      const inspection = inspectToken(text, DURING);
      expect(inspection.kind).toBe('unreadable');
      if (inspection.kind !== 'unreadable') continue;
      expect(decodeFinding(inspection.failure)).toEqual(inspection.findings[0]);
      expect(inspection.findings[0]!.nextStep.th).not.toBe('');
      expect(inspection.findings[0]!.nextStep.en).not.toBe('');
    }
  });
});
