import { describe, expect, it } from 'vitest';
import { bilingualTableProblems } from '../test-support/bilingual-table-checks';
import { inBothLanguages, translator, type Bilingual } from './strings';
import { UI_STRINGS } from './ui-strings';

const table = {
  th: { added: 'เพิ่ม {origin} แล้ว', reason: 'ไม่ได้: {reason}' },
  en: { added: '{origin} added.', reason: 'Failed: {reason}' },
} satisfies Bilingual<'added' | 'reason'>;

describe('translator', () => {
  it('fills placeholders and leaves an unknown one visible', () => {
    const t = translator(table, 'en');
    expect(t('added', { origin: 'http://10.1.2.3:8080' })).toBe('http://10.1.2.3:8080 added.');
    expect(t('added')).toBe('{origin} added.');
  });

  it('takes a value written in both languages in the language shown', () => {
    const reason = { th: 'หมดเวลา', en: 'timed out' };
    expect(translator(table, 'th')('reason', { reason })).toBe('ไม่ได้: หมดเวลา');
    expect(translator(table, 'en')('reason', { reason })).toBe('Failed: timed out');
  });

  it('keeps a text in both languages', () => {
    expect(inBothLanguages(table, 'added', { origin: 'x' })).toEqual({ th: 'เพิ่ม x แล้ว', en: 'x added.' });
  });
});

describe('shared component strings', () => {
  it('are a sound bilingual table', () => {
    expect(bilingualTableProblems(UI_STRINGS)).toEqual([]);
  });
});
