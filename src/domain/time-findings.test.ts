import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readTokenTimes } from './time';
import { timeFindings } from './time-findings';
import { formatIsoUtc, formatThaiDateTime } from './time-format';

const NBF = 1_795_000_000; // 2026-11-18T11:06:40Z
const EXP = NBF + 65 * 60;
const codes = (findings: { code: string }[]) => findings.map((f) => f.code);

describe('timeFindings', () => {
  it('says nothing for a standard token within its life', () => {
    expect(timeFindings(readTokenTimes({ exp: EXP, nbf: NBF }, NBF * 1000 + 1))).toEqual([]);
  });

  it('says since when a token expired and tells to log in again', () => {
    const [finding] = timeFindings(readTokenTimes({ exp: EXP, nbf: NBF }, (EXP + 300) * 1000));
    expect(finding?.code).toBe('token-expired');
    expect(finding?.severity).toBe('error');
    expect(finding?.detail.en).toContain(formatIsoUtc(EXP * 1000));
    expect(finding?.detail.en).toContain('5 min ago');
    expect(finding?.detail.th).toContain(formatThaiDateTime(EXP * 1000));
    expect(finding?.nextStep.en).toMatch(/log in again/);
  });

  it('says until when a token is not yet valid and points at the clock', () => {
    const [finding] = timeFindings(readTokenTimes({ exp: EXP, nbf: NBF }, (NBF - 120) * 1000));
    expect(finding?.code).toBe('token-not-yet-valid');
    expect(finding?.detail.en).toContain('in 2 min');
    expect(finding?.nextStep.en).toMatch(/clock/);
  });

  it('reports a lifetime other than 65 minutes, and one that is negative', () => {
    expect(codes(timeFindings(readTokenTimes({ exp: NBF + 3600, nbf: NBF }, NBF * 1000)))).toEqual([
      'lifetime-not-manual',
    ]);
    expect(codes(timeFindings(readTokenTimes({ exp: NBF + 65 * 60 + 1, nbf: NBF }, NBF * 1000)))).toEqual([]);
    expect(codes(timeFindings(readTokenTimes({ exp: NBF - 1, nbf: NBF }, 0)))).toContain('lifetime-negative');
  });

  it('reports non-standard forms and missing or unreadable claims', () => {
    expect(codes(timeFindings(readTokenTimes({ exp: EXP * 1000, nbf: String(NBF) }, NBF * 1000)))).toEqual([
      'exp-nonstandard-form',
      'nbf-nonstandard-form',
    ]);
    expect(codes(timeFindings(readTokenTimes({}, 0)))).toEqual(['exp-missing', 'nbf-missing']);
    expect(codes(timeFindings(readTokenTimes({ exp: 'soon', nbf: NBF, iat: 'x' }, NBF * 1000)))).toEqual([
      'exp-unreadable',
      'iat-unreadable',
    ]);
  });

  it('never throws and every finding is worded in both languages', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.integer({ min: -1e13, max: 1e13 }), (exp, nbf, now) => {
        for (const f of timeFindings(readTokenTimes({ exp, nbf }, now))) {
          for (const text of [f.title, f.detail, f.nextStep])
            expect(text.th.length * text.en.length).toBeGreaterThan(0);
        }
      }),
    );
  });
});

describe('timeFindings: the raw value in a message', () => {
  it('is short and shows hidden characters, so a finding cannot be spoofed either', () => {
    const findings = timeFindings(readTokenTimes({ exp: '\u202E2026', nbf: 1_795_000_000 }, 1_795_000_000_000));
    const unreadable = findings.find((f) => f.code === 'exp-unreadable')!;
    expect(unreadable.detail.en).toContain('⟨U+202E⟩2026');
    expect(unreadable.detail.en).not.toContain('\u202E');
  });
});
