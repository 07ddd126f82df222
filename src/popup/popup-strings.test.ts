import { describe, expect, it } from 'vitest';
import { bilingualTableProblems } from '../test-support/bilingual-table-checks';
import { POPUP_STRINGS } from './popup-strings';

describe('popup strings', () => {
  it('has the same keys, no empty text and the same placeholders in Thai and English', () => {
    // The popup's Thai shows technical names as they are (Token, Header, Payload, Status: true).
    const problems = bilingualTableProblems(POPUP_STRINGS).filter(
      (problem) => !problem.endsWith('Thai text without Thai letters'),
    );
    expect(problems).toEqual([]);
  });
});
