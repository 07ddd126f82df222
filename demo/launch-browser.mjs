// Launches a real browser with the built extension loaded, behind one small API for both:
//   - Chromium through playwright-core (a persistent context: the only way to load an unpacked
//     extension);
//   - Firefox ESR through puppeteer-core over WebDriver BiDi (Playwright cannot drive stock
//     Firefox), with the extension installed as a temporary add-on.
// Used by `npm start` (demo/start.mjs) and by the real-browser tests (test/helpers/).
// Each odd step carries a comment saying which browser or library behaviour it works around.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import identity from '../extension-identity.json' with { type: 'json' };

/** Firefox keys its per-extension UUID pref by the add-on id, fixed in extension-identity.json. */
export const GECKO_ID = identity.geckoId;
/** Chromium derives the id from the manifest `key` the Chrome build carries. */
export const CHROME_EXTENSION_ID = identity.chromeId;
/**
 * Firefox gives every installed extension a random internal UUID, which becomes its
 * `moz-extension://UUID/` origin. The pref `extensions.webextensions.uuids` is the only way to
 * know it in advance, so we pin it. Made up for this project.
 */
export const FIREFOX_EXTENSION_UUID = '6f0f3a52-5d1e-4c3b-9a57-1d5e0b7c2a11';

/**
 * The first of `names` found on PATH, else the first of `usual` that exists, else `usual[0]`
 * (so an error message can still name where the browser was expected).
 * @param {string[]} names
 * @param {[string, ...string[]]} usual
 * @param {NodeJS.ProcessEnv} env
 * @returns {string}
 */
function findExecutable(names, usual, env) {
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  const candidates = [...dirs.flatMap((dir) => names.map((name) => join(dir, name))), ...usual];
  return candidates.find((path) => existsSync(path)) ?? usual[0];
}

/**
 * Chromium: `CHROME_PATH`, else on PATH, else the usual places (Debian's package is /usr/bin/chromium).
 * @param {NodeJS.ProcessEnv} [env]
 */
export function chromiumPath(env = process.env) {
  return (
    env.CHROME_PATH ||
    findExecutable(
      ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'],
      ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium'],
      env,
    )
  );
}

/**
 * Firefox: `FIREFOX_PATH`, else on PATH, else the usual places (Debian's ESR is /usr/bin/firefox-esr).
 * @param {NodeJS.ProcessEnv} [env]
 */
export function firefoxPath(env = process.env) {
  return (
    env.FIREFOX_PATH || findExecutable(['firefox-esr', 'firefox'], ['/usr/bin/firefox-esr', '/usr/bin/firefox'], env)
  );
}

/**
 * Whether a browser binary is there. Tests use it to skip (or, with CI=true, fail) clearly.
 * @param {'chromium' | 'firefox'} kind
 */
export function browserAvailable(kind) {
  return existsSync(kind === 'chromium' ? chromiumPath() : firefoxPath());
}

/**
 * @typedef {object} DemoPage  The same few calls on a Playwright or a Puppeteer page.
 * @property {(url: string) => Promise<void>} goto  resolves once the page has loaded
 * @property {<T, A>(fn: (arg: A) => T | Promise<T>, arg?: A) => Promise<T>} evaluate  runs `fn` in the page
 * @property {<A>(fn: (arg: A) => unknown, arg?: A, options?: { timeoutMs?: number, what?: string }) => Promise<void>} waitUntil
 *   polls `fn` in the page until it returns something truthy (errors while a page is switching
 *   count as "not yet"); throws after `timeoutMs` (default 30 s), naming `what`. Return a plain
 *   value such as a boolean, never a DOM node: WebDriver BiDi cannot hand a node back by value.
 * @property {(selector: string, value: string) => Promise<void>} fill  types into a field, as a person would
 * @property {(selector: string) => Promise<void>} click  clicks an element, as a person would
 * @property {() => Promise<string>} text  the page's visible text (`document.body.innerText`)
 * @property {() => Promise<string>} url  the address the page itself reports (`location.href`);
 *   Puppeteer's own page.url() stays about:blank after a moz-extension:// goto in Firefox
 * @property {(options: { path: string, fullPage?: boolean }) => Promise<unknown>} screenshot
 * @property {(size: { width: number, height: number }) => Promise<void>} setViewport  e.g. popup-sized
 * @property {() => Promise<void>} bringToFront
 * @property {() => Promise<void>} close
 * @property {any} native  the underlying Playwright or Puppeteer Page, for anything else
 */

/**
 * @typedef {object} LaunchedBrowser
 * @property {'chromium' | 'firefox'} kind
 * @property {string} extensionId  Chromium: the id; Firefox: the pinned internal UUID
 * @property {string} extensionBaseUrl  `chrome-extension://ID/` or `moz-extension://UUID/`
 * @property {(url?: string) => Promise<DemoPage>} openPage  a new tab, optionally loading `url`
 * @property {(path: string) => Promise<DemoPage>} openExtensionPage  e.g. `src/popup/index.html`
 * @property {() => Promise<void>} close  closes the browser and removes its profile
 * @property {Promise<void>} closed  settles when the browser goes away (closed by a person, or crashed)
 * @property {any} native  Playwright's BrowserContext or Puppeteer's Browser
 */

/**
 * @typedef {object} LaunchOptions
 * @property {string} extensionDir  the built extension, e.g. `dist/chrome` or `dist/firefox`
 * @property {boolean} [headless]  default true
 * @property {Record<string, string | number | boolean>} [firefoxPrefs]  extra Firefox prefs, e.g.
 *   `{ 'extensions.originControls.grantByDefault': false }` to see how the extension behaves when
 *   its host permissions are not granted (see launchFirefox)
 * @property {string[]} [chromiumGrantedOrigins]  Chromium only, tests only: match patterns such as
 *   `http://127.0.0.2/*` recorded in the profile as optional host permissions the person already
 *   allowed (see grantOriginsInProfile)
 */

const DEFAULT_WAIT_MS = 30_000;

/**
 * Polls `check` until it gives something truthy. Waiting on a condition, never on a fixed sleep.
 * @template T
 * @param {() => Promise<T>} check
 * @param {{ timeoutMs?: number, what?: string }} [options]
 * @returns {Promise<T>}
 */
export async function pollUntil(check, { timeoutMs = DEFAULT_WAIT_MS, what = 'a condition' } = {}) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const cause = lastError ? ` (last error: ${String(/** @type {any} */ (lastError)?.message ?? lastError)})` : '';
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${cause}`);
    }
    await new Promise((done) => setTimeout(done, 100));
  }
}

/**
 * The parts of DemoPage that look the same on both libraries' pages.
 * @param {any} page a Playwright or Puppeteer Page
 * @param {(url: string) => Promise<void>} goto
 * @returns {DemoPage}
 */
function wrapPage(page, goto) {
  /** @type {DemoPage} */
  const wrapped = {
    goto,
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    waitUntil: async (fn, arg, { timeoutMs, what } = {}) => {
      await pollUntil(() => page.evaluate(fn, arg), { timeoutMs, what: what ?? `a condition on ${page.url()}` });
    },
    // Both libraries have locators with fill() and click(), which act like a person: wait for
    // the element, scroll it into view, focus, type / press the mouse.
    fill: (selector, value) => page.locator(selector).fill(value),
    click: (selector) => page.locator(selector).click(),
    text: () => page.evaluate(() => document.body?.innerText ?? ''),
    url: () => page.evaluate(() => location.href),
    screenshot: (options) => page.screenshot(options),
    // Playwright calls it setViewportSize, Puppeteer setViewport.
    setViewport: (size) => (page.setViewportSize ? page.setViewportSize(size) : page.setViewport(size)),
    bringToFront: () => page.bringToFront(),
    close: () => page.close(),
    native: page,
  };
  return wrapped;
}

/**
 * `openPage` and `openExtensionPage`, the same for both browsers once each says how to make a
 * new page and how to wrap it.
 * @param {() => Promise<any>} newPage
 * @param {(page: any) => DemoPage} wrap
 * @param {string} extensionBaseUrl
 */
function pageOpeners(newPage, wrap, extensionBaseUrl) {
  return {
    /** @param {string} [url] */
    async openPage(url) {
      const page = wrap(await newPage());
      if (url) await page.goto(url);
      return page;
    },
    /** @param {string} path */
    async openExtensionPage(path) {
      const page = wrap(await newPage());
      await page.goto(new URL(path, extensionBaseUrl).href);
      return page;
    },
  };
}

/**
 * Waits until `page` shows `url` completely loaded.
 * @param {any} page a Playwright or Puppeteer Page
 * @param {string} url
 */
function waitForLoaded(page, url, timeoutMs = DEFAULT_WAIT_MS) {
  return pollUntil(
    () =>
      page.evaluate(
        (/** @type {string} */ expected) => location.href === expected && document.readyState === 'complete',
        url,
      ),
    { timeoutMs, what: `${url} to load` },
  );
}

/** What every Chromium we launch runs with, the extension or not. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  // Keep the browser off the network: no update checks, no sync, no QUIC probing.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * Chromium with the extension loaded, through playwright-core.
 * @param {LaunchOptions} options
 * @returns {Promise<LaunchedBrowser>}
 */
export async function launchChromium({ extensionDir, headless = true, chromiumGrantedOrigins = [] }) {
  const { chromium } = await import('playwright-core');
  const dir = resolve(extensionDir);
  // A fresh profile every time: no captures, settings or permissions from an earlier run.
  const profile = await mkdtemp(join(tmpdir(), 'sso-inspector-chromium-'));
  // Extensions load only in a persistent context.
  const launch = () =>
    chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath(),
      headless,
      args: [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`, ...CHROMIUM_ARGS],
    });
  let context;
  try {
    context = await launch();
    if (chromiumGrantedOrigins.length > 0) {
      // The profile records the extension only once it has run: launch, note the id, close,
      // record the grant, and launch again on the same profile.
      const id = await extensionIdOf(context);
      await context.close();
      await grantOriginsInProfile(profile, id, chromiumGrantedOrigins);
      context = await launch();
    }
  } catch (error) {
    await context?.close().catch(() => undefined);
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
  const extensionId = await extensionIdOf(context);
  const extensionBaseUrl = `chrome-extension://${extensionId}/`;

  /** @param {any} page */
  const wrap = (page) =>
    wrapPage(page, async (url) => {
      await page.goto(url);
    });

  return {
    kind: 'chromium',
    extensionId,
    extensionBaseUrl,
    native: context,
    closed: new Promise((done) => context.once('close', () => done())),
    ...pageOpeners(() => context.newPage(), wrap, extensionBaseUrl),
    async close() {
      await context.close().catch(() => undefined);
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * The id of an unpacked extension is derived from its path; read it from the worker's URL.
 * @param {any} context a Playwright BrowserContext
 */
async function extensionIdOf(context) {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return new URL(worker.url()).host;
}

/**
 * Records `patterns` in a Chromium profile as optional host permissions the person has already
 * allowed, the way Chromium itself stores an accepted `permissions.request` prompt (the
 * extension's `granted_permissions`, `runtime_granted_permissions` and `active_permissions` in
 * Default/Preferences). Tests only, and why: Chromium's prompt cannot be answered by automation
 * (no DevTools or Playwright hook reaches it; playwright#32755). The extension's own code then
 * runs unchanged: `permissions.request` resolves true at once for what is already granted.
 * @param {string} profile
 * @param {string} extensionId
 * @param {string[]} patterns
 */
async function grantOriginsInProfile(profile, extensionId, patterns) {
  const preferencesPath = join(profile, 'Default', 'Preferences');
  const preferences = JSON.parse(await readFile(preferencesPath, 'utf8'));
  const settings = preferences.extensions?.settings?.[extensionId];
  if (!settings)
    throw new Error(`Chromium's profile has no settings for extension ${extensionId}; cannot record granted origins.`);
  for (const set of ['active_permissions', 'granted_permissions', 'runtime_granted_permissions']) {
    settings[set] ??= {};
    // explicit: webRequest and fetch; scriptable: content scripts.
    for (const kind of ['explicit_host', 'scriptable_host'])
      settings[set][kind] = [...new Set([...(settings[set][kind] ?? []), ...patterns])];
  }
  await writeFile(preferencesPath, JSON.stringify(preferences));
}

/**
 * Firefox ESR with the extension installed, through puppeteer-core over WebDriver BiDi.
 *
 * Host permissions. Firefox MV3 treats `host_permissions` as user-granted, but tried on Firefox
 * ESR 153 here: a temporary add-on installed this way HAS its manifest host permissions at once
 * (`permissions.contains({origins:['http://127.0.0.1/*']})` is true, `scripting.executeScript`
 * on a 127.0.0.1 tab works, `tabs.query` shows the tab's URL). The reason is the default pref
 * `extensions.originControls.grantByDefault = true` (since Firefox 127), which grants the
 * requested host permissions on install, as the install prompt does for a person. With
 * `firefoxPrefs: { 'extensions.originControls.grantByDefault': false }` they are not granted:
 * `contains` is false, executeScript fails with "Missing host permission for the tab", and
 * `permissions.request` from an extension page fails unless called from a user input handler. A
 * person then grants them in about:addons → the add-on → Permissions, or from the toolbar's
 * extensions panel. So no special step is needed here, and the denied case can be tested on
 * purpose with that pref.
 * @param {LaunchOptions} options
 * @returns {Promise<LaunchedBrowser>}
 */
export async function launchFirefox({ extensionDir, headless = true, firefoxPrefs = {} }) {
  const { default: puppeteer } = await import('puppeteer-core');
  const dir = resolve(extensionDir);
  // Puppeteer makes (and removes) a fresh temporary profile for each launch.
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless,
    // Without it, WebDriver BiDi refuses to navigate to moz-extension:// pages.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_EXTENSION_UUID }),
      ...firefoxPrefs,
    },
  });
  try {
    // Installed as a temporary add-on (like about:debugging's "Load Temporary Add-on").
    await browser.installExtension(dir);
  } catch (error) {
    await browser.close();
    throw error;
  }
  const extensionBaseUrl = `moz-extension://${FIREFOX_EXTENSION_UUID}/`;

  /** @param {any} page */
  const wrap = (page) =>
    wrapPage(page, async (url) => {
      if (url.startsWith('moz-extension:')) {
        // Firefox quirk: goto() of a moz-extension:// URL loads the page but never
        // resolves. Start it, do not await it, and wait for the page itself to say it is loaded.
        page.goto(url).catch(() => undefined);
        await waitForLoaded(page, url);
      } else {
        await page.goto(url);
      }
    });

  return {
    kind: 'firefox',
    extensionId: FIREFOX_EXTENSION_UUID,
    extensionBaseUrl,
    native: browser,
    closed: new Promise((done) => browser.once('disconnected', () => done())),
    ...pageOpeners(() => browser.newPage(), wrap, extensionBaseUrl),
    async close() {
      await browser.close().catch(() => undefined);
    },
  };
}

/**
 * The same browser as launchBrowser gives, launched the same way but without the extension: what
 * `npm run bench` compares page loads with. Only `openPage` and `close`.
 * @param {'chromium' | 'firefox'} kind
 * @returns {Promise<{ openPage: (url?: string) => Promise<DemoPage>, close: () => Promise<void> }>}
 */
export async function launchWithoutExtension(kind) {
  /** @param {any} page */
  const wrap = (page) =>
    wrapPage(page, async (url) => {
      await page.goto(url);
    });
  if (kind === 'firefox') {
    const { default: puppeteer } = await import('puppeteer-core');
    const browser = await puppeteer.launch({ browser: 'firefox', executablePath: firefoxPath(), headless: true });
    return {
      openPage: pageOpeners(() => browser.newPage(), wrap, 'about:blank').openPage,
      close: () => browser.close().catch(() => undefined),
    };
  }
  const { chromium } = await import('playwright-core');
  // A persistent profile, as launchChromium has, so the two differ only by the extension.
  const profile = await mkdtemp(join(tmpdir(), 'sso-inspector-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_ARGS,
  });
  return {
    openPage: pageOpeners(() => context.newPage(), wrap, 'about:blank').openPage,
    async close() {
      await context.close().catch(() => undefined);
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Either browser, by name.
 * @param {'chromium' | 'firefox'} kind
 * @param {LaunchOptions} options
 */
export function launchBrowser(kind, options) {
  return kind === 'firefox' ? launchFirefox(options) : launchChromium(options);
}
