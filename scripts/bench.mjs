// `npm run bench`: how small and how fast the extension is.
//   1. Sizes of what each browser loads (raw and gzip), from a fresh build.
//   2. The domain benchmarks (vitest bench).
//   3. The figures held to budgets, each measured against a baseline in the same run: sizes of
//      what the popup, the background and the capture script load; timings in real Chromium and
//      Firefox with the built extension against the demo world on loopback (scripts/bench/); the
//      WSDL reader against the `soap` package in Node. README.md, "Reading the bench", says how
//      to read them.
// Numbers are printed, never asserted: a figure over budget still exits 0. Only a bench that
// cannot run (no build, a browser that crashed) exits non-zero.
//
//   npm run bench -- --domain          only the domain's speed: no build, no sizes, no browsers
//   npm run bench -- --runs 40         pairs per timed figure (default 30)
//   npm run bench -- --browser firefox one browser only (chromium | firefox)
import { spawnSync } from 'node:child_process';
import { browserAvailable } from '../demo/launch-browser.mjs';
import { startDemoWorld } from '../demo/world.mjs';
import { formatFigure } from './bench/report.mjs';
import { measureInBrowser } from './bench/browser-figures.mjs';
import { sizeFigures } from './bench/size-figures.mjs';
import { sizesTable } from './bench/sizes.mjs';
import { measureWsdlReaders } from './bench/wsdl-figure.mjs';

/** @param {string[]} args */
const run = (args) => spawnSync('npx', args, { stdio: 'inherit' });

/** @param {string} name */
const option = (name) => {
  const index = process.argv.indexOf(name);
  return index === -1 ? undefined : process.argv[index + 1];
};
const domainOnly = process.argv.includes('--domain');
const runs = Number(option('--runs') ?? 30);
/** @type {Array<'chromium' | 'firefox'>} */
const browsers = /** @type {any} */ (option('--browser') ? [option('--browser')] : ['chromium', 'firefox']);
/** About 3 MB of WSDL. */
const WSDL_OPERATIONS = 2_500;
const WSDL_RUNS = 7;

if (domainOnly) {
  console.log('Domain speed (vitest bench):');
  process.exit(run(['vitest', 'run', '--project', 'bench', '--silent=false']).status ?? 1);
}

const started = Date.now();
// Always a fresh build: figures of a stale one would mislead. The bench build (dist-bench/) is
// the shipped one plus the blank page the popup is compared with.
for (const mode of ['chrome', 'firefox', 'bench-chrome', 'bench-firefox'])
  if (run(['vite', 'build', '--mode', mode, '--logLevel', 'error']).status !== 0) process.exit(1);

for (const target of /** @type {const} */ (['chrome', 'firefox'])) {
  const [total, ...rows] = sizesTable(`dist/${target}`);
  console.log(`\n${target}: ${total}`);
  for (const row of rows) console.log(row);
}

console.log('\nDomain speed (vitest bench):');
if ((run(['vitest', 'run', '--project', 'bench', '--silent=false']).status ?? 1) !== 0) process.exit(1);

/** @type {import('./bench/report.mjs').Figure[]} */
const figures = [...sizeFigures()];
let failed = false;
/** @param {string} line */
const log = (line) => console.log(`  measuring ${line}…`);

console.log(`\nMeasuring the figures (${runs} pairs each, after 2 untimed)…`);
const world = await startDemoWorld();
try {
  for (const kind of browsers) {
    if (!browserAvailable(kind)) {
      figures.push({
        number: 0,
        title: 'Browser figures',
        browser: kind,
        kind: 'missing',
        why: `${kind} is not installed`,
      });
      continue;
    }
    try {
      const extensionDir = `dist-bench/${kind === 'firefox' ? 'firefox' : 'chrome'}`;
      const onError = (/** @type {unknown} */ error) => {
        failed = true;
        console.error(`  a ${kind} figure could not be measured:`, error);
      };
      figures.push(...(await measureInBrowser(kind, { world, runs, extensionDir, log, onError })));
    } catch (error) {
      failed = true;
      console.error(`The ${kind} figures could not be measured:`, error);
    }
  }
} finally {
  await world.close();
}
log('the WSDL readers');
figures.push(...(await measureWsdlReaders(WSDL_OPERATIONS, WSDL_RUNS)));

console.log(
  `\nFigures (median and p90; ratios and differences are taken pair by pair against a baseline run in turns):`,
);
for (const figure of [...figures].sort((a, b) => a.number - b.number))
  for (const line of formatFigure(figure)) console.log(line);
console.log(`\nBench took ${Math.round((Date.now() - started) / 1000)} s.`);
process.exit(failed ? 1 : 0);
