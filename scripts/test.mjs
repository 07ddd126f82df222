// `npm test`: everything that proves the product, in the order that fails fastest.
//   1. the typecheck (strict TypeScript over src and test, and over the JavaScript of demo and
//      scripts through their JSDoc types), then lint (eslint with the house rules, and prettier),
//      with zero warnings;
//   2. both browser builds (the real-browser suite loads dist/chrome and dist/firefox);
//   3. web-ext lint of dist/firefox (0 errors required);
//   4. vitest: the unit project and the real-browser (e2e) project in one run.
// It ends with one plain summary line, "Tests: N passed, N failed, N skipped", so a run that
// executed no test is visible at a glance and to CI.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';

/**
 * @param {string[]} args
 * @param {import('node:child_process').SpawnSyncOptions} [options]
 */
const npx = (args, options = {}) => spawnSync('npx', args, { stdio: 'inherit', ...options });

/**
 * Runs one step (an npx tool, or `node` itself when args start with it); stops at the first failure.
 * @param {string} name
 * @param {string[]} args
 */
function step(name, args) {
  console.log(`\n── ${name}`);
  const result = args[0] === 'node' ? spawnSync(process.execPath, args.slice(1), { stdio: 'inherit' }) : npx(args);
  if (result.status !== 0) {
    console.error(`\n${name} failed.`);
    console.log('Tests: 0 passed, 1 failed');
    process.exit(result.status ?? 1);
  }
}

// The native TypeScript 7 compiler checks types; eslint's TypeScript support needs the JS API
// of TypeScript 6, which is the project's `typescript` for that reason.
step('typecheck', ['node', 'node_modules/typescript-native/bin/tsc', '--noEmit', '-p', 'tsconfig.json']);
step('lint', ['eslint', '--max-warnings', '0', '.']);
step('format check', ['prettier', '--check', '.']);
step('build (chrome)', ['vite', 'build', '--mode', 'chrome', '--logLevel', 'warn']);
step('build (firefox)', ['vite', 'build', '--mode', 'firefox', '--logLevel', 'warn']);
step('web-ext lint (firefox)', [
  'web-ext',
  'lint',
  '--source-dir',
  'dist/firefox',
  '--self-hosted',
  '--output',
  'text',
]);

console.log('\n── vitest (unit + real-browser)');
mkdirSync('artifacts', { recursive: true });
const reportFile = 'artifacts/vitest-report.json';
const vitest = npx([
  'vitest',
  'run',
  '--project',
  'unit',
  '--project',
  'e2e',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${reportFile}`,
  ...process.argv.slice(2),
]);

let summary = 'Tests: 0 passed, 1 failed';
try {
  const report = JSON.parse(readFileSync(reportFile, 'utf8'));
  const skipped = report.numPendingTests + report.numTodoTests;
  summary = `Tests: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${skipped} skipped`;
  if (report.numTotalTests === 0) summary = 'Tests: 0 passed, 1 failed (no test ran)';
} catch {
  // No report means vitest did not get as far as running; the line above says it failed.
}
console.log(`\n${summary}`);
process.exit(vitest.status === 0 && !summary.includes('no test ran') ? 0 : vitest.status || 1);
