import { describe, expect, it } from 'vitest';
import { compare, describeBudget, median, p90, percentile, verdict } from './stats.mjs';

describe('bench statistics', () => {
  it('takes the nearest-rank median and 90th percentile', () => {
    const samples = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(median(samples)).toBe(5);
    expect(p90(samples)).toBe(9);
    expect(percentile([42], 0.9)).toBe(42);
    expect(median([])).toBeNaN();
  });

  it('compares each subject run with the baseline run beside it', () => {
    const pairs = { subject: [20, 30, 40], baseline: [10, 10, 20] };
    expect(compare(pairs, 'ratio')).toEqual({ median: 2, p90: 3, runs: 3 });
    expect(compare(pairs, 'difference')).toEqual({ median: 20, p90: 20, runs: 3 });
  });

  it('says within or over for each kind of budget, and nothing without one', () => {
    expect(verdict(1.1, { kind: 'ratio', max: 1.15 })).toBe('within');
    expect(verdict(1.2, { kind: 'ratio', max: 1.15 })).toBe('over');
    expect(verdict(0.92, { kind: 'ratio-within', tolerance: 0.1 })).toBe('within');
    expect(verdict(0.85, { kind: 'ratio-within', tolerance: 0.1 })).toBe('over');
    expect(verdict(6, { kind: 'difference', max: 5 })).toBe('over');
    expect(verdict(3, { kind: 'none', note: 'keep' })).toBeNull();
    expect(verdict(Number.NaN, { kind: 'absolute', max: 1, unit: 'KB' })).toBeNull();
    expect(describeBudget({ kind: 'ratio', max: 1.15 })).toBe('≤ ×1.15');
    expect(describeBudget({ kind: 'ratio-within', tolerance: 0.1 })).toBe('×1.00 ± 10 %');
  });
});
