import { describe, it } from 'vitest';
import fc from 'fast-check';
import { resolveOrg } from './org';
import { fuzz, TIMEOUT, upTo } from '../test-support/fuzz';
import { nested, run } from '../test-support/fuzz-arbitraries';

// The org claim's parser under hostile values (harness: src/test-support/fuzz.ts).
describe('fuzz', () => {
  it('the org parser: never throws, bounded, whatever the claim holds', { timeout: TIMEOUT }, () => {
    const org = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.stringMatching(/^[0-9/ .-]{0,40}$/),
      run(upTo(70_000)),
      fc.jsonValue({ maxDepth: 4 }),
      fc.array(fc.integer(), { maxLength: upTo(20_000) }),
      // Deep values travel as JSON text and are parsed in the check: fast-check's own printing of
      // a value recurses, and would overflow on them before the parser is even reached.
      nested(fc.integer({ min: 1, max: 900 }), [['[', ']']], fc.constant('1')).map((json) => ({ json })),
      nested(fc.integer({ min: 1, max: 6_000 }), [['{"a":', '}']], fc.constant('"9/59/73"')).map((json) => ({ json })),
    );
    fuzz('org (resolveOrg)', org, (value) => {
      const isDeep =
        typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        Object.keys(value).length === 1 &&
        typeof (value as { json?: unknown }).json === 'string';
      const resolution = resolveOrg(isDeep ? (JSON.parse((value as { json: string }).json) as unknown) : value);
      if (resolution.raw.length > 200) return `raw is ${resolution.raw.length} characters`;
      if (JSON.stringify(resolution).length > 64 * 1024) return 'the resolution is not bounded';
      return null;
    });
  });
});
