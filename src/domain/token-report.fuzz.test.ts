import { describe, it } from 'vitest';
import fc from 'fast-check';
import { decodeToken } from './decode-token';
import { inspectReading } from './inspect';
import { inspectToken, isAbsurdlyNested, readToken } from './read-token';
import { buildTicketReport } from './report';
import { fuzz, RUNS, TIMEOUT, upTo } from '../test-support/fuzz';
import { claimName, digitsOf, hostileToken, nested, run, TIME_AND_ORG } from '../test-support/fuzz-arbitraries';
import { base64url, samplePayload, NBF_SECONDS } from '../test-support/tokens';

// Fuzz targets of the token's way from text to ticket report (harness: src/test-support/fuzz.ts).
const NOW = (NBF_SECONDS + 600) * 1000;

function reportProblems({ id, compact, signature }: { id: string; compact: string; signature: string }): string | null {
  const inspection = inspectToken(compact, NOW);
  // One format per case, chosen by the token's length: both are covered across the runs.
  for (const format of [compact.length % 2 === 0 ? 'text' : 'markdown'] as const) {
    const report = buildTicketReport({ inspection, nowMs: NOW, language: format === 'text' ? 'th' : 'en', format });
    if (report.includes(compact)) return 'the report holds the token';
    if (signature.length >= 8 && report.includes(signature)) return 'the report holds the signature';
    if (compact.length > 40 && report.includes(compact.split('.')[1]!.slice(0, 40)))
      return 'the report holds the encoded payload';
    if (digitsOf(report).includes(id)) return 'the report holds the ID number';
    // Bounded: the payload shown is at most the token's, pretty-printed and with its texts cut.
    if (report.length > 8 * compact.length + 64 * 1024)
      return `the report is ${report.length} characters for a ${compact.length}-character token`;
  }
  return null;
}

describe('fuzz', () => {
  it(
    'decode → inspect → report: never throws, bounded, never the token nor an unmasked ID',
    { timeout: TIMEOUT },
    () => {
      const names = claimName.filter((name) => !TIME_AND_ORG.includes(name));
      fuzz('decode→inspect→report', hostileToken(names, 6_000), reportProblems);
    },
  );

  it('decode → inspect → report, with time and org claims nested thousands deep', { timeout: TIMEOUT }, () => {
    fuzz('decode→inspect→report (exp/nbf/iat/org)', hostileToken(claimName, 6_000), reportProblems);
    // Each time and org claim alone as an array 5,000 to 20,000 deep: the shapes that once made
    // the popup's readers overflow the stack.
    const deep = nested(fc.integer({ min: 5_000, max: 20_000 }), [['[', ']']], fc.constant('1'));
    fuzz(
      'decode→inspect→report (exp/nbf/iat/org arrays ≥ 5,000 deep)',
      fc.tuple(fc.constantFrom(...TIME_AND_ORG), deep).map(([claim, value]) => {
        const compact = `${base64url('{"alg":"HS256"}')}.${base64url(`${JSON.stringify(samplePayload()).slice(0, -1)},"${claim}":${value}}`)}.c2ln`;
        return { id: String(samplePayload().idcard), compact, signature: 'c2ln' };
      }),
      reportProblems,
      // Each case is a 20 KB parse and walk; a few hundred cover the four claims and the depths.
      Math.min(RUNS, 300),
    );
  });

  it(
    'a reading kept beside its token is plain data: copied as storage copies it, it inspects the same',
    { timeout: TIMEOUT },
    () => {
      fuzz('readToken → copy → inspectReading', hostileToken(claimName, 6_000), ({ compact }) => {
        const reading = readToken(compact);
        // The background keeps no reading of a token nested deeper than the raw view prints.
        if (isAbsurdlyNested(reading)) return null;
        const expected = JSON.stringify(inspectToken(compact, NOW));
        // Chrome keeps storage.session as JSON values; Firefox as structured clones.
        for (const copy of [JSON.parse(JSON.stringify(reading)), structuredClone(reading)]) {
          if (JSON.stringify(inspectReading(copy, NOW)) !== expected) return 'the copied reading inspects differently';
        }
        return null;
      });
    },
  );

  it('decodeToken: never throws, on any text', { timeout: TIMEOUT }, () => {
    const text = fc.oneof(
      fc.string({ maxLength: 200 }),
      run(upTo(300_000)),
      hostileToken(claimName, 6_000).map((t) => t.compact),
      fc.tuple(run(upTo(2_000)), fc.constantFrom('Bearer ', '"', '“', ' ')).map(([r, p]) => `${p}eyJ${r}${p}`),
    );
    fuzz('decodeToken', text, (value) => {
      const result = decodeToken(value);
      if (!result.ok && JSON.stringify(result.failure).length > 2_000) return 'the failure message is not bounded';
      return null;
    });
  });
});
