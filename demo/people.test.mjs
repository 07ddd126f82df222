import { describe, expect, it } from 'vitest';
import { DEMO_PEOPLE, isValidThaiId } from './people.mjs';
import { thaiIdCheckDigit } from './token-kit.mjs';

describe('demo people', () => {
  it('have national IDs that pass the check digit, written out by hand here', () => {
    for (const { idcard } of DEMO_PEOPLE) {
      expect(idcard).toMatch(/^\d{13}$/);
      let sum = 0;
      for (let i = 0; i < 12; i += 1) sum += Number(idcard[i]) * (13 - i);
      expect(Number(idcard[12])).toBe((11 - (sum % 11)) % 10);
    }
  });

  it('check digit helper agrees with a known valid ID and rejects a one-digit change', () => {
    // 1-1007-00000-01-9: the first person's ID, computed by hand: sum = 1·13 + 1·12 + 7·9 + 1·2 = 90,
    // 90 mod 11 = 2, (11 − 2) mod 10 = 9.
    expect(thaiIdCheckDigit('110070000001')).toBe(9);
    expect(isValidThaiId('1100700000019')).toBe(true);
    expect(isValidThaiId('1100700000018')).toBe(false);
    expect(isValidThaiId('110070000001')).toBe(false);
  });

  it('cover the office kinds help-desk staff meet, each person in a different office', () => {
    const orgs = DEMO_PEOPLE.map((p) => p.org);
    expect(new Set(orgs).size).toBe(orgs.length);
    expect(orgs).toContain('9/59/73'); // provincial office (the manual's example)
    expect(orgs).toContain('9/60/73'); // a group inside it
    expect(orgs.some((org) => /^\d+\/\d+\/$/.test(org))).toBe(true); // central unit, no province
    expect(orgs).toContain('9/281/94'); // Pattani, parent missing from the table
  });

  it('use only example.com e-mails and unique keys', () => {
    for (const person of DEMO_PEOPLE) expect(person.email).toMatch(/@example\.com$/);
    expect(new Set(DEMO_PEOPLE.map((p) => p.key)).size).toBe(DEMO_PEOPLE.length);
  });
});
