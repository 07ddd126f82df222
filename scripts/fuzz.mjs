// `npm run fuzz`: the domain's fuzz targets (src/**/*.fuzz.test.ts) at 100,000 cases each,
// with full-size inputs. Instead of stopping at the first failure, each target counts the
// inputs that threw or broke its property, and keeps the slowest input's time; this prints one
// line per target and exits non-zero if anything threw or broke. The unit run (`npm test`)
// runs the same targets with a few thousand cases and smaller inputs.
//
//   npm run fuzz                      100,000 cases per target
//   npm run fuzz -- --runs 5000       fewer (or more) cases
//   npm run fuzz -- --target org      only the targets whose test name matches
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * @template {string | null} F
 * @param {string} name
 * @param {F} fallback
 * @returns {string | F}
 */
function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? process.argv[at + 1] : undefined;
  return value !== undefined ? value : fallback;
}

const runs = Number(option('runs', '100000'));
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`--runs wants a whole number, not ${option('runs', '')}`);
  process.exit(2);
}
const target = option('target', null);
const dir = mkdtempSync(join(tmpdir(), 'fuzz-'));
const reportFile = join(dir, 'summary.jsonl');

console.log(
  `Fuzzing the domain: ${runs.toLocaleString('en-US')} cases per target${target ? `, targets matching "${target}"` : ''}.`,
);
const args = [
  'vitest',
  'run',
  '--project',
  'unit',
  // Every fuzz file: vitest keeps the test files whose path holds this text.
  '.fuzz.test.',
  '-t',
  target ? `fuzz .*${target}` : '^fuzz ',
];
const started = Date.now();
const result = spawnSync('npx', args, {
  stdio: ['ignore', 'inherit', 'inherit'],
  env: { ...process.env, FUZZ_MODE: '1', FUZZ_RUNS: String(runs), FUZZ_REPORT: reportFile },
});

const summaries = existsSync(reportFile)
  ? readFileSync(reportFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line))
  : [];
rmSync(dir, { recursive: true, force: true });

console.log(`\nFuzz results (${Math.round((Date.now() - started) / 1000)} s):`);
console.table(
  summaries.map((s) => ({
    target: s.target,
    cases: s.runs,
    throws: s.throws,
    'broken property': s.broken,
    'slowest (ms)': Number(s.slowestMs.toFixed(1)),
  })),
);
let bad = false;
for (const s of summaries) {
  console.log(`\n${s.target}\n  slowest input (${s.slowestMs.toFixed(1)} ms): ${s.slowestInput}`);
  if (s.firstProblem) {
    bad = true;
    console.log(`  first problem: ${s.firstProblem}`);
  }
}
if (summaries.length === 0) {
  console.error('No target reported: see the vitest output above.');
  process.exit(1);
}
process.exit(bad || result.status !== 0 ? 1 : 0);
