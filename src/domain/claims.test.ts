import { describe, expect, it } from 'vitest';
import { MANUAL_CLAIMS, isIndustrySsoPayload, readClaims } from './claims';
import { samplePayload } from '../test-support/tokens';

describe('MANUAL_CLAIMS', () => {
  it('lists the ten claims in the manual’s table order with its Thai descriptions', () => {
    expect(MANUAL_CLAIMS.map((c) => c.name)).toEqual([
      'sid',
      'username',
      'idcard',
      'firstname',
      'lastname',
      'email',
      'iss',
      'org',
      'exp',
      'nbf',
    ]);
    expect(MANUAL_CLAIMS.map((c) => c.manualRow)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(MANUAL_CLAIMS.find((c) => c.name === 'idcard')?.label.th).toBe('รหัสประจำตัวประชาชน');
    expect(MANUAL_CLAIMS.find((c) => c.name === 'nbf')?.label.th).toBe('วันที่สร้าง Token');
    expect(MANUAL_CLAIMS.filter((c) => c.personal).map((c) => c.name)).toEqual(['idcard']);
    for (const c of MANUAL_CLAIMS) expect(c.label.en && c.meaning.th && c.meaning.en).toBeTruthy();
  });
});

describe('readClaims', () => {
  it('reads present and missing claims and keeps unknown ones as they are', () => {
    const { sid: _sid, ...withoutSid } = samplePayload();
    const { claims, extraClaims } = readClaims({ ...withoutSid, department: { id: 3 }, iat: 5 });
    expect(claims).toHaveLength(10);
    expect(claims[0]).toMatchObject({ present: false, value: undefined });
    expect(claims.find((c) => c.definition.name === 'org')).toMatchObject({ present: true, value: '9/59/73' });
    expect(extraClaims).toEqual([
      ['department', { id: 3 }],
      ['iat', 5],
    ]);
  });

  it('counts a claim whose value is null as present (its value is then reported as wrong, not missing)', () => {
    expect(readClaims({ email: null }).claims.find((c) => c.definition.name === 'email')).toMatchObject({
      present: true,
      value: null,
    });
  });
});

describe('isIndustrySsoPayload (idcard and org, and at least 7 of the ten)', () => {
  it('accepts the full claim set and one missing a few claims', () => {
    expect(isIndustrySsoPayload(samplePayload())).toBe(true);
    const { sid: _a, email: _b, iss: _c, ...seven } = samplePayload();
    expect(isIndustrySsoPayload(seven)).toBe(true);
  });

  it('rejects general JWTs, too few claims, and non-objects', () => {
    expect(isIndustrySsoPayload({ sub: '1', iss: 'x', exp: 1, nbf: 0, email: 'a@b' })).toBe(false);
    const { org: _org, ...noOrg } = samplePayload();
    expect(isIndustrySsoPayload(noOrg)).toBe(false);
    const { sid: _a, email: _b, iss: _c, username: _d, ...six } = samplePayload();
    expect(isIndustrySsoPayload(six)).toBe(false);
    expect(isIndustrySsoPayload(null)).toBe(false);
    expect(isIndustrySsoPayload([samplePayload()])).toBe(false);
    expect(isIndustrySsoPayload('x')).toBe(false);
  });
});
