import { describe, expect, it } from 'vitest';
import { echoesIdNumber } from './echoes-id-number';
import { SAMPLE_ID } from '../test-support/tokens';

describe('echoesIdNumber', () => {
  it('compares digits only', () => {
    expect(echoesIdNumber(SAMPLE_ID, SAMPLE_ID)).toBe(true);
    expect(echoesIdNumber(`u${SAMPLE_ID}`, SAMPLE_ID)).toBe(true);
    expect(echoesIdNumber(`${SAMPLE_ID.slice(0, 1)}-${SAMPLE_ID.slice(1, 5)}-${SAMPLE_ID.slice(5)}`, SAMPLE_ID)).toBe(
      true,
    );
    expect(echoesIdNumber(Number(SAMPLE_ID), SAMPLE_ID)).toBe(true);
  });

  it('a different value, or no ID number to compare with, is no echo', () => {
    expect(echoesIdNumber('somchai.t', SAMPLE_ID)).toBe(false);
    expect(echoesIdNumber(`${SAMPLE_ID}9`, SAMPLE_ID)).toBe(false);
    expect(echoesIdNumber('abc', 'xyz')).toBe(false);
    expect(echoesIdNumber('', undefined)).toBe(false);
    expect(echoesIdNumber(['1'], ['1'])).toBe(false);
  });
});
