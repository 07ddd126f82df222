import { describe, it } from 'vitest';
import fc from 'fast-check';
import { findTokenInText, findTokensInForm, isJwtShaped } from './find-tokens';
import { fuzz, TIMEOUT, upTo } from '../test-support/fuzz';
import { nested, run } from '../test-support/fuzz-arbitraries';
import { makeToken, samplePayload } from '../test-support/tokens';

// The readers of a request's body and form fields (harness: src/test-support/fuzz.ts).
describe('fuzz', () => {
  it('the request-body token reader: never throws, finds only JWT-shaped values', { timeout: TIMEOUT }, () => {
    const token = makeToken(samplePayload());
    const body = fc.oneof(
      run(upTo(300_000)),
      fc
        .tuple(run(upTo(30_000)), fc.constantFrom(token, `"${token}"`, `Bearer ${token}`, ''), run(upTo(30_000)))
        .map(([a, t, b]) => `${a} ${t} ${b}`),
      fc.string({ maxLength: 200 }),
      nested(
        fc.integer({ min: 1, max: 6_000 }),
        [
          ['{"a":', '}'],
          ['[', ']'],
        ],
        fc.constant(JSON.stringify(token)),
      ),
    );
    fuzz('findTokenInText', body, (text) => {
      const found = findTokenInText(text);
      if (found !== null && !isJwtShaped(found.value)) return 'found a value that is not JWT-shaped';
      return null;
    });
    const form = fc.dictionary(
      fc.string({ maxLength: 20 }),
      fc.array(fc.oneof(body, fc.constant(token)), { maxLength: 3 }),
      { maxKeys: 20 },
    );
    const wide = fc
      .integer({ min: 1, max: upTo(20_000) })
      .map((count) =>
        Object.fromEntries(Array.from({ length: count }, (_, i) => [`f${i}`, [i % 2 ? token : `x${i}`]])),
      );
    fuzz('findTokensInForm', fc.oneof(form, wide), (fields) => {
      const found = findTokensInForm(fields);
      const values = Object.values(fields).reduce((sum, list) => sum + list.length, 0);
      if (found.length > values) return 'more candidates than values';
      if (found.some((candidate) => !isJwtShaped(candidate.value))) return 'a candidate that is not JWT-shaped';
      return null;
    });
  });
});
