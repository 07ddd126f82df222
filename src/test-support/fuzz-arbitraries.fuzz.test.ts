import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { upTo } from './fuzz';
import { jsonDeep, manySiblings, run } from './fuzz-arbitraries';

describe('fuzz generators reach the shapes they promise', () => {
  it('nesting thousands deep, long runs, many siblings', () => {
    const samples = fc.sample(fc.tuple(jsonDeep(900), run(upTo(60_000)), manySiblings), { numRuns: 300, seed: 7 });
    // Depth in levels (each level is at least two characters), length in characters.
    expect(Math.max(...samples.map(([deep]) => deep.length))).toBeGreaterThan(2 * 3_000);
    expect(Math.max(...samples.map(([, long]) => long.length))).toBeGreaterThan(upTo(60_000) / 2);
    expect(Math.max(...samples.map(([, , siblings]) => siblings.length))).toBeGreaterThan(upTo(20_000) * 2);
  });
});
