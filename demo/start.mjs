// `npm start`: the whole flow on this machine.
//   npm start                 Chromium
//   npm start -- --firefox    Firefox ESR
//   npm start -- --headless   no window, even with a display
//   npm start -- --no-build   use dist/ as it is (e.g. right after `npm run build`)
//
// 1. builds the extension (`npm run build`);
// 2. starts the demo world on loopback: SSO look-alike, demo application, DiwAppChk-like service;
// 3. launches the browser with the extension and a fresh profile;
// 4. sets the verification service in the extension's options page, as a person would;
// 5. with a display: opens the demo login page and waits for Ctrl-C;
//    without one (a server, CI): logs in once per hand-over style and once per scenario, reads
//    what the popup shows for each, prints a summary and writes popup screenshots.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describeWorld, portsFromEnv, startDemoWorld } from './world.mjs';
import { HANDOVER_STYLES, SCENARIOS } from './sso-server.mjs';
import { DEMO_PEOPLE } from './people.mjs';
import { launchBrowser } from './launch-browser.mjs';
import { configureVerification, readCaptureInPopup } from './drive-extension.mjs';

const args = new Set(process.argv.slice(2));
const known = new Set(['--firefox', '--headless', '--no-build']);
for (const arg of args) {
  if (!known.has(arg)) {
    console.error(`Unknown option ${arg}. Use: npm start [-- --firefox] [--headless] [--no-build]`);
    process.exit(2);
  }
}
const kind = args.has('--firefox') ? 'firefox' : 'chromium';
const headless = args.has('--headless') || !process.env.DISPLAY;
const extensionDir = resolve(kind === 'firefox' ? 'dist/firefox' : 'dist/chrome');
const screenshotDir = resolve('artifacts/screenshots');

/**
 * Everything started here, stopped in reverse order on exit or Ctrl-C.
 * @type {Array<() => Promise<unknown>>}
 */
const cleanups = [];
let stopping = false;
/** @param {number} exitCode */
async function stopEverything(exitCode) {
  if (stopping) return;
  stopping = true;
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  process.exit(exitCode);
}
process.once('SIGINT', () => {
  console.log('\nStopping the browser and the demo services…');
  void stopEverything(0);
});
process.once('SIGTERM', () => void stopEverything(0));

/**
 * @typedef {keyof typeof HANDOVER_STYLES} Handover
 * @typedef {keyof typeof SCENARIOS} Scenario
 * @typedef {{ handover: Handover, scenario: Scenario, person: import('./people.mjs').DemoPerson }} TourRun
 * @typedef {{ ok: true, reading: import('./drive-extension.mjs').PopupReading, screenshotPath: string } | { ok: false, error: string }} LoginResult
 */

/**
 * The headless tour: every hand-over style with a normal token, then every scenario by query.
 * The people take turns, so each office shows up, and two logins in a row never have the same
 * name (which is how the popup's capture list tells them apart).
 * @returns {TourRun[]}
 */
function tour() {
  const handovers = /** @type {Handover[]} */ (Object.keys(HANDOVER_STYLES));
  const scenarios = /** @type {Scenario[]} */ (Object.keys(SCENARIOS));
  /** @type {Array<{ handover: Handover, scenario: Scenario }>} */
  const byHandover = handovers.map((handover) => ({ handover, scenario: 'normal' }));
  /** @type {Array<{ handover: Handover, scenario: Scenario }>} */
  const byScenario = scenarios
    .filter((scenario) => scenario !== 'normal')
    .map((scenario) => ({ handover: 'query', scenario }));
  return [...byHandover, ...byScenario].map((run, index) => ({
    ...run,
    // The modulo keeps the index inside the list, which the type cannot see.
    person: /** @type {import('./people.mjs').DemoPerson} */ (DEMO_PEOPLE[index % DEMO_PEOPLE.length]),
  }));
}

/**
 * Logs in once and reads the popup. Closing the login tab afterwards also drops its captures.
 * @param {import('./launch-browser.mjs').LaunchedBrowser} browser
 * @param {import('./world.mjs').DemoWorld} world
 * @param {TourRun} run
 * @param {number} index
 * @returns {Promise<LoginResult>}
 */
async function loginAndRead(browser, world, { handover, scenario, person }, index) {
  const login = await browser.openPage();
  try {
    await login.goto(world.loginUrl({ user: person.key, handover, scenario }));
    // The demo app's pages mark themselves; the fragment page decides in the browser.
    await login.waitUntil(
      () => {
        const main = document.querySelector('main[data-demo-page^="app-"]');
        return main !== null && main.getAttribute('data-demo-outcome') !== 'pending';
      },
      undefined,
      { what: `the demo app page after ${handover}/${scenario}` },
    );
    const screenshotPath = `${screenshotDir}/${kind}-${String(index + 1).padStart(2, '0')}-${handover}-${scenario}.png`;
    const reading = await readCaptureInPopup(browser, {
      who: `${person.firstname} ${person.lastname}`,
      screenshotPath,
    });
    return { ok: true, reading, screenshotPath };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  } finally {
    await login.close();
  }
}

/** @param {Array<{ run: TourRun, result: LoginResult }>} results */
function printSummary(results) {
  console.log('\nWhat the extension captured and verified (read from the popup):');
  for (const { run, result } of results) {
    const label = `${run.handover} / ${run.scenario} (${run.person.key})`.padEnd(36);
    if (!result.ok) {
      console.log(`  ✗ ${label} ${result.error}`);
      continue;
    }
    const { reading } = result;
    const findings = reading.findings.length > 0 ? reading.findings.join(', ') : 'none';
    console.log(`  ✓ ${label} verdict: ${reading.verdict ?? '?'}  · captured by: ${reading.source ?? '?'}`);
    console.log(`    ${''.padEnd(36)} ${reading.verification ?? 'no DiwLoginChk answer shown'}`);
    console.log(`    ${''.padEnd(36)} findings: ${findings}`);
  }
}

async function main() {
  if (args.has('--no-build')) {
    console.log(`── Using the extension already built in ${extensionDir}`);
  } else {
    console.log('── Building the extension (npm run build)');
    const build = spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
    if (build.status !== 0) {
      console.error('The build failed; nothing was started.');
      process.exit(build.status ?? 1);
    }
  }

  console.log('── Starting the demo world on 127.0.0.1');
  let world;
  try {
    world = await startDemoWorld(portsFromEnv());
  } catch (error) {
    const busy = /** @type {any} */ (error)?.code === 'EADDRINUSE';
    console.error(
      busy
        ? `A demo port is taken (${/** @type {any} */ (error).port}). Choose others with DEMO_SSO_PORT, DEMO_APP_PORT, DEMO_SOAP_PORT.`
        : error,
    );
    process.exit(1);
  }
  cleanups.push(() => world.close());

  console.log(`── Launching ${kind}${headless ? ' (headless)' : ''} with the extension from ${extensionDir}`);
  const browser = await launchBrowser(kind, { extensionDir, headless });
  cleanups.push(() => browser.close());

  console.log('── Setting the verification service in the options page');
  const configured = await configureVerification(browser, { wsdlUrl: world.soapWsdlUrl, clientId: world.clientId });
  console.log(`   Load WSDL:       ${oneLine(configured.loaded)}`);
  console.log(`   Save:            ${oneLine(configured.saved)}`);
  if (configured.tested) console.log(`   Test connection: ${oneLine(configured.tested)}`);

  console.log(
    `\nRunning:\n${describeWorld(world)}\n  Browser                      ${kind}, extension at ${browser.extensionBaseUrl}`,
  );

  if (!headless) {
    const login = await browser.openPage(`${world.ssoUrl}/`);
    await login.bringToFront();
    console.log('\nThe demo login page is open in the browser. Log in, then open the extension’s popup.');
    console.log('Press Ctrl-C here to stop the browser and the demo services.');
    // Closing the browser window ends the demo too.
    void browser.closed.then(() => {
      if (stopping) return undefined;
      console.log('The browser was closed; stopping the demo services.');
      return stopEverything(0);
    });
    return; // The servers keep the process alive until Ctrl-C.
  }

  mkdirSync(screenshotDir, { recursive: true });
  /** @type {Array<{ run: TourRun, result: LoginResult }>} */
  const results = [];
  for (const [index, run] of tour().entries()) {
    process.stdout.write(`   logging in: ${run.person.key}, ${run.handover} / ${run.scenario}… `);
    const result = await loginAndRead(browser, world, run, index);
    console.log(result.ok ? 'done' : 'FAILED');
    results.push({ run, result });
  }
  printSummary(results);
  console.log(`\nPopup screenshots: ${screenshotDir}`);
  const failed = results.filter(({ result }) => !result.ok).length;
  if (failed > 0) console.log(`${failed} of ${results.length} logins could not be read; see above.`);
  await stopEverything(failed > 0 ? 1 : 0);
}

/** @param {string} text */
function oneLine(text) {
  return text.replace(/\s+/g, ' ').trim();
}

main().catch(async (error) => {
  console.error(error);
  await stopEverything(1);
});
