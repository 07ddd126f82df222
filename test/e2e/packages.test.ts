/**
 * The release zips themselves, in real browsers: what `npm run package` writes is what a store or
 * an administrator installs, so load those files rather than dist/. The Chrome zip, unpacked, runs
 * under the fixed id of extension-identity.json (the manifest `key` came through) and its popup
 * renders; the Firefox zip, installed as it is, opens its options page at the moz-extension origin
 * that Firefox keys by the gecko id (so the id came through too).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import identity from '../../extension-identity.json' with { type: 'json' };
import { FIREFOX_EXTENSION_UUID, launchBrowser, type LaunchedBrowser } from '../../demo/launch-browser.mjs';
import { extractZip, packageRelease } from '../../scripts/package.mjs';
import { describeInBrowser } from '../helpers/browsers';
import { POPUP_PATH } from '../helpers/popup-page';

const OPTIONS_PATH = 'src/options/index.html';

/** Runs in an extension page: the version the installed extension reports. */
function manifestVersion(): string {
  const { chrome } = globalThis as unknown as { chrome: { runtime: { getManifest(): { version: string } } } };
  return chrome.runtime.getManifest().version;
}

// Built and packaged into a scratch directory, so dist/ and release/ are left as they were.
const scratch = mkdtempSync(join(tmpdir(), 'sso-inspector-packages-'));
let release: ReturnType<typeof packageRelease>;

beforeAll(() => {
  release = packageRelease({ distRoot: join(scratch, 'dist'), releaseDir: join(scratch, 'release'), quiet: true });
});

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describeInBrowser('chromium', 'release zip', () => {
  let browser: LaunchedBrowser | undefined;

  beforeAll(async () => {
    const unpacked = join(scratch, 'chrome-unpacked');
    extractZip(readFileSync(join(release.releaseDir, release.files.chrome)), unpacked);
    browser = await launchBrowser('chromium', { extensionDir: unpacked, headless: true });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('runs under the fixed Chrome id, and its popup renders', async () => {
    // launchChromium reads the id from the service worker's URL.
    expect(browser?.extensionId).toBe(identity.chromeId);
    const popup = await browser!.openExtensionPage(POPUP_PATH);
    try {
      await popup.waitUntil(() => (document.getElementById('app')?.childElementCount ?? 0) > 0, undefined, {
        what: 'the popup to render',
      });
      expect(await popup.url()).toBe(`chrome-extension://${identity.chromeId}/${POPUP_PATH}`);
      expect(await popup.evaluate(manifestVersion)).toBe(release.version);
    } finally {
      await popup.close();
    }
  });
});

describeInBrowser('firefox', 'release zip', () => {
  let browser: LaunchedBrowser | undefined;

  beforeAll(async () => {
    // The zip as it is: Firefox installs a .zip/.xpi file as readily as a directory.
    browser = await launchBrowser('firefox', {
      extensionDir: join(release.releaseDir, release.files.firefox),
      headless: true,
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('installs from the zip and opens its options page at the moz-extension origin of the gecko id', async () => {
    const options = await browser!.openExtensionPage(OPTIONS_PATH);
    try {
      await options.waitUntil(() => document.querySelector('[data-testid="save-settings"]') !== null, undefined, {
        what: 'the options page to render',
      });
      expect(await options.url()).toBe(`moz-extension://${FIREFOX_EXTENSION_UUID}/${OPTIONS_PATH}`);
      expect(await options.evaluate(manifestVersion)).toBe(release.version);
    } finally {
      await options.close();
    }
  });
});
