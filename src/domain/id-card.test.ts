import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkIdCard, isValidThaiIdChecksum, looksLikeIdNumber, maskIdCard, maskIdNumbersInText } from './id-card';
import { maskIdNumbersIn, maskIdNumbersInPayload } from './mask-claims';
import { withCheckDigit } from '../test-support/tokens';

const valid = withCheckDigit('310060012345');
const wrongCheck = `${valid.slice(0, 12)}${(Number(valid[12]) + 1) % 10}`;

describe('isValidThaiIdChecksum', () => {
  it('accepts a right check digit and rejects every wrong one', () => {
    expect(isValidThaiIdChecksum(valid)).toBe(true);
    for (let d = 0; d < 10; d += 1) {
      if (String(d) !== valid[12]) expect(isValidThaiIdChecksum(`${valid.slice(0, 12)}${d}`)).toBe(false);
    }
  });

  it('computes the check digit by the published rule (worked example)', () => {
    // 1-1017-00123-45-?: sum = 1·13+1·12+0·11+1·10+7·9+0·8+0·7+1·6+2·5+3·4+4·3+5·2 = 148; 148 mod 11 = 5; 11−5 = 6.
    expect(isValidThaiIdChecksum('1101700123456')).toBe(true);
    expect(isValidThaiIdChecksum('1101700123455')).toBe(false);
  });

  it('rejects what is not 13 digits', () => {
    for (const bad of ['', '123', `${valid}0`, valid.slice(1), `${valid.slice(0, 12)}a`, ' '.repeat(13)])
      expect(isValidThaiIdChecksum(bad)).toBe(false);
  });

  it('holds for every generated valid ID', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{12}$/), (first12) => {
        expect(isValidThaiIdChecksum(withCheckDigit(first12))).toBe(true);
      }),
    );
  });
});

describe('maskIdCard', () => {
  it('shows only the last three digits, in the usual grouping', () => {
    expect(maskIdCard('1101700123456')).toBe('x-xxxx-xxxxx-45-6');
    expect(maskIdCard('1-1017-00123-45-6')).toBe('x-xxxx-xxxxx-45-6');
    expect(maskIdCard(1101700123456)).toBe('x-xxxx-xxxxx-45-6');
    expect(maskIdCard('12345678901')).toBe('xxxxxxxx901');
    expect(maskIdCard('12345')).toBe('xxxxx');
    expect(maskIdCard(undefined)).toBe('—');
    expect(maskIdCard({ id: '1101700123456' })).toBe('—');
  });

  it('never reveals more than the last three digits of anything', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.stringMatching(/^[\d -]{0,30}$/), fc.string(), fc.anything(), fc.integer({ min: 0 })),
        (value) => {
          const masked = maskIdCard(value);
          const shownDigits = masked.replace(/\D/g, '');
          expect(shownDigits.length).toBeLessThanOrEqual(3);
          if (shownDigits.length > 0) {
            const digits = typeof value === 'number' ? String(value) : String(value).replace(/\D/g, '');
            expect(digits.endsWith(shownDigits)).toBe(true);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('checkIdCard', () => {
  it('passes a well-formed ID with a right check digit', () => {
    expect(checkIdCard(valid)).toEqual({
      masked: maskIdCard(valid),
      wellFormed: true,
      checksumValid: true,
      findings: [],
    });
  });

  it('reports a wrong check digit without showing the number', () => {
    const check = checkIdCard(wrongCheck);
    expect(check).toMatchObject({ wellFormed: true, checksumValid: false });
    expect(check.findings.map((f) => f.code)).toEqual(['idcard-bad-checksum']);
    expect(JSON.stringify(check)).not.toContain(wrongCheck);
  });

  it('reports malformed values, whatever they are', () => {
    for (const value of ['12345', 'abc', null, undefined, ['1'], `${valid}1`]) {
      const check = checkIdCard(value);
      expect(check.wellFormed).toBe(false);
      expect(check.checksumValid).toBe(false);
      expect(check.findings[0]?.code).toBe('idcard-malformed');
    }
    expect(checkIdCard(Number(valid)).findings.map((f) => f.code)).toEqual(['idcard-not-string']);
  });

  it('never throws, and no finding ever contains a 13-digit run', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.anything(), fc.stringMatching(/^\d{13}$/), fc.stringMatching(/^[\d-]{10,17}$/)),
        (value) => {
          const check = checkIdCard(value);
          expect(check.masked.length).toBeGreaterThan(0);
          for (const f of check.findings) expect(JSON.stringify(f)).not.toMatch(/\d{13}/);
        },
      ),
    );
  });
});

describe('masking ID numbers in values and text', () => {
  const masked = `x-xxxx-xxxxx-${valid.slice(10, 12)}-${valid[12]}`;
  const thai = valid.replace(/[0-9]/g, (d) => '๐๑๒๓๔๕๖๗๘๙'[Number(d)]!);

  it('one separator rule: any of space, dot, dash, underscore, slash, or none; ASCII or Thai digits', () => {
    for (const written of [
      valid,
      `${valid.slice(0, 1)}.${valid.slice(1, 5)}.${valid.slice(5)}`,
      `${valid.slice(0, 6)}_${valid.slice(6)}`,
      `${valid.slice(0, 6)}/${valid.slice(6)}`,
      thai,
    ]) {
      expect(looksLikeIdNumber(written)).toBe(true);
      expect(maskIdNumbersIn(written)).toBe(masked);
      expect(maskIdNumbersInText(`mail ${written}@example.go.th`)).toBe(`mail ${masked}@example.go.th`);
    }
    expect(checkIdCard(thai)).toMatchObject({ wellFormed: true, checksumValid: true });
    expect(looksLikeIdNumber(`${valid} and more`)).toBe(false);
    expect(looksLikeIdNumber('1234-5678')).toBe(false);
  });

  it('masks an ID inside a string, a key, and a 13-digit number under a key when the check digit is right', () => {
    expect(
      maskIdNumbersIn({ kid: `key-${valid}`, [valid]: 1, pid: Number(valid), nested: [{ ref: Number(valid) }] }),
    ).toEqual({ kid: `key-${masked}`, [masked]: 1, pid: masked, nested: [{ ref: masked }] });
    expect(maskIdNumbersInPayload({ other: Number(valid), idcard: Number(valid) })).toEqual({
      other: masked,
      idcard: masked,
    });
  });

  it('reads `%20` both ways: a space between groups, and two digits of an ID written whole after a `%`', () => {
    const id = '2092719082593'; // redact.fuzz.test.ts's counterexample: `5%` then this ID
    expect(maskIdNumbersInText(`5%${id}`)).toBe('xxxxxxxxxx593');
    expect(maskIdNumbersInText(`${id[0]}%20${id.slice(1)}`)).toBe('x-xxxx-xxxxx-59-3');
    // The report's scrubber masks only runs that hold a known ID: it must see this one too.
    expect(maskIdNumbersInText(`at 5%${id} x`, maskIdCard, (digits) => digits.includes(id))).toBe('at xxxxxxxxxx593 x');
    expect(maskIdNumbersInText('5%20123', maskIdCard, (digits) => digits.includes(id))).toBe('5%20123');
  });

  it('leaves times, wrong check digits and a number shown alone', () => {
    let ms = 1_795_000_000_000;
    while (!isValidThaiIdChecksum(String(ms))) ms += 1;
    expect(maskIdNumbersIn({ exp: ms, iat: ms, updated_at: ms, createdAt: ms, auth_time: ms })).toEqual({
      exp: ms,
      iat: ms,
      updated_at: ms,
      createdAt: ms,
      auth_time: ms,
    });
    expect(maskIdNumbersIn({ n: Number(wrongCheck) })).toEqual({ n: Number(wrongCheck) });
    expect(maskIdNumbersIn(Number(valid))).toBe(Number(valid));
    expect(maskIdNumbersIn(Number(valid), 0, 'pid')).toBe(masked);
    expect(maskIdNumbersIn(ms, 0, 'exp')).toBe(ms);
  });
});
