/**
 * Test-only (never imported by product code): the harness of the domain's fuzz targets
 * (the `*.fuzz.test.ts` files under src/). Each target is a fast-check property: it never throws, its output
 * stays bounded, and the report never holds the token or an unmasked ID number.
 *
 * In the unit run each target runs FUZZ_RUNS times (a few thousand by default) and fails with a
 * shrunk counterexample. `npm run fuzz` (scripts/fuzz.mjs) sets FUZZ_MODE, runs 100,000 cases per
 * target, and instead of failing counts the throws and broken properties and keeps the slowest
 * input's time, appending one JSON line per target to FUZZ_REPORT for the script to print.
 */
import fc from 'fast-check';
import { appendFileSync } from 'node:fs';

const FUZZ_MODE = process.env.FUZZ_MODE === '1';
export const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
export const TIMEOUT = Math.max(120_000, RUNS * 20);
/**
 * Long runs and sibling counts are a quarter as long in the unit run, so a few thousand cases per
 * target stay quick; nesting keeps its thousands of levels. `npm run fuzz` uses the full sizes.
 */
const SCALE = FUZZ_MODE ? 1 : 0.25;
export const upTo = (max: number) => Math.round(max * SCALE);
interface Summary {
  target: string;
  runs: number;
  throws: number;
  broken: number;
  slowestMs: number;
  slowestInput: string;
  firstProblem: string | null;
}

/** A few words about an input, never the whole of it (it may be 60 KB). */
function describeInput(input: unknown): string {
  const text =
    typeof input === 'string'
      ? input
      : (JSON.stringify(input, (_key, value) =>
          typeof value === 'string' && value.length > 60 ? `${value.slice(0, 60)}… (${value.length} chars)` : value,
        ) ?? String(input));
  return text.length > 300 ? `${text.slice(0, 300)}… (${text.length} chars)` : text;
}

/**
 * Runs `check` on `runs` generated inputs. It returns a problem in words, or null. Outside
 * FUZZ_MODE, a throw or a problem fails the test with fast-check's shrunk counterexample.
 */
export function fuzz<T>(target: string, input: fc.Arbitrary<T>, check: (value: T) => string | null, runs = RUNS): void {
  const summary: Summary = {
    target,
    runs: 0,
    throws: 0,
    broken: 0,
    slowestMs: 0,
    slowestInput: '',
    firstProblem: null,
  };
  fc.assert(
    fc.property(input, (value) => {
      summary.runs += 1;
      const started = performance.now();
      let problem: string | null;
      try {
        problem = check(value);
      } catch (error) {
        if (!FUZZ_MODE) throw error;
        summary.throws += 1;
        summary.firstProblem ??= `throws ${error instanceof Error ? `${error.name}: ${error.message.slice(0, 120)}` : String(error)} on ${describeInput(value)}`;
        return true;
      }
      const elapsed = performance.now() - started;
      if (elapsed > summary.slowestMs) {
        summary.slowestMs = elapsed;
        summary.slowestInput = describeInput(value);
      }
      if (problem !== null) {
        if (!FUZZ_MODE) throw new Error(problem);
        summary.broken += 1;
        summary.firstProblem ??= `${problem} on ${describeInput(value)}`;
      }
      return true;
    }),
    { numRuns: runs, endOnFailure: true },
  );
  if (FUZZ_MODE && process.env.FUZZ_REPORT) appendFileSync(process.env.FUZZ_REPORT, `${JSON.stringify(summary)}\n`);
}
