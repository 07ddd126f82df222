/**
 * Real-browser test helpers: one `describe` per browser, the built extension loaded, the demo
 * world on loopback. A missing browser skips with a clear message on a developer's machine and
 * FAILS under CI=true: a CI run that skipped every real-browser test would pass having proven nothing.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, chromiumPath, firefoxPath, launchBrowser } from '../../demo/launch-browser.mjs';
import type { LaunchedBrowser, LaunchOptions } from '../../demo/launch-browser.mjs';
import { startDemoWorld } from '../../demo/world.mjs';
import type { DemoWorld } from '../../demo/world.mjs';

export type BrowserKind = 'chromium' | 'firefox';
export const BROWSER_KINDS: readonly BrowserKind[] = ['chromium', 'firefox'];

const inCi = () => process.env.CI === 'true' || process.env.CI === '1';

/** The build each browser loads: `npm run build` writes both. */
export function extensionDirFor(kind: BrowserKind): string {
  return resolve(kind === 'firefox' ? 'dist/firefox' : 'dist/chrome');
}

/** Where the browser was looked for, for the skip or failure message. */
function binaryPathFor(kind: BrowserKind): string {
  return (kind === 'firefox' ? firefoxPath() : chromiumPath()) ?? `PATH (no ${kind} found)`;
}

/**
 * `describe(name, body)` once per browser. With the browser missing: skipped with the reason in
 * the suite name, or, with CI=true, a suite that fails in beforeAll saying what to install.
 */
export function describeEachBrowser(name: string, body: (kind: BrowserKind) => void): void {
  for (const kind of BROWSER_KINDS) describeInBrowser(kind, name, body);
}

/** `describe(name, body)` in one browser, with the same rules for a missing browser. */
export function describeInBrowser(kind: BrowserKind, name: string, body: (kind: BrowserKind) => void): void {
  const present = browserAvailable(kind);
  if (!present && !inCi()) {
    describe.skip(`${name} [${kind}] — skipped: no browser at ${binaryPathFor(kind)} (set ${kind === 'firefox' ? 'FIREFOX_PATH' : 'CHROME_PATH'})`, () => {
      body(kind);
    });
    return;
  }
  describe(`${name} [${kind}]`, () => {
    if (present) {
      body(kind);
      return;
    }
    // A failing test rather than a failing hook: a hook failure only marks the tests skipped,
    // and the summary line must count this as a failure.
    it(`needs ${kind} installed (CI=true)`, () => {
      expect.fail(
        `CI=true and ${kind} is missing at ${binaryPathFor(kind)}: install it (apt-get install -y ${kind === 'firefox' ? 'firefox-esr' : 'chromium'}).`,
      );
    });
  });
}

/**
 * Launches `kind` with the built extension before the suite's tests and closes it after.
 * Call inside a describe; use the returned getter inside tests.
 */
export function useBrowser(kind: BrowserKind, options: Partial<LaunchOptions> = {}): () => LaunchedBrowser {
  let launched: LaunchedBrowser | undefined;
  beforeAll(async () => {
    const extensionDir = options.extensionDir ?? extensionDirFor(kind);
    if (!existsSync(resolve(extensionDir, 'manifest.json'))) {
      throw new Error(`No built extension in ${extensionDir}: run \`npm run build\` first.`);
    }
    launched = await launchBrowser(kind, { headless: true, ...options, extensionDir });
  });
  afterAll(async () => {
    await launched?.close();
  });
  return () => {
    if (!launched) throw new Error(`${kind} did not launch (see the beforeAll error above).`);
    return launched;
  };
}

/** Starts the demo world (SSO, app, SOAP service) on free loopback ports for the suite. */
export function useDemoWorld(): () => DemoWorld {
  let world: DemoWorld | undefined;
  beforeAll(async () => {
    world = await startDemoWorld();
  });
  afterAll(async () => {
    await world?.close();
  });
  return () => {
    if (!world) throw new Error('The demo world did not start (see the beforeAll error above).');
    return world;
  };
}
