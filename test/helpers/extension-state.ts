/**
 * Reads the extension's own storage from one of its pages, as the extension itself would. The
 * tests look at what was stored, not at log lines, and never print a token.
 */
import type { Capture } from '../../src/shared/capture';
import { pollUntil } from '../../demo/launch-browser.mjs';
import type { DemoPage, LaunchedBrowser } from '../../demo/launch-browser.mjs';

/** The slice of the extension API these page functions use, in either browser. */
interface StorageApi {
  storage: Record<'session' | 'local', { get(keys: null): Promise<Record<string, unknown>> }>;
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}
declare const chrome: StorageApi;

type StorageAreaName = 'session' | 'local';

/** Runs in the extension page: `browser` in Firefox, `chrome` in Chromium (both promise-based in MV3). */
function readArea(area: StorageAreaName): Promise<Record<string, unknown>> {
  const api = (globalThis as { browser?: StorageApi }).browser ?? chrome;
  return api.storage[area].get(null);
}

export async function readStorage(page: DemoPage, area: StorageAreaName): Promise<Record<string, unknown>> {
  return page.evaluate(readArea, area);
}

/** Every capture in storage.session, newest first. */
export async function storedCaptures(page: DemoPage): Promise<Capture[]> {
  const session = await readStorage(page, 'session');
  return Object.entries(session)
    .filter(([key]) => key.startsWith('captures:'))
    .flatMap(([, value]) => value as Capture[])
    .sort((a, b) => b.capturedAt - a.capturedAt);
}

/**
 * Forgets every capture and login timeline, through the background's own Clear all, as the
 * popup's button does. Not by clearing storage.session from the page: that clear could land
 * between a capture's read of its tab's list and its write, which would bring the old list back;
 * the background orders its own clear with its writes.
 */
export async function clearSession(page: DemoPage): Promise<void> {
  const reply = await page.evaluate(() => {
    const api = (globalThis as { browser?: StorageApi }).browser ?? chrome;
    return api.runtime.sendMessage({ type: 'page→bg:clear-captures', payload: { scope: 'all' } });
  });
  if (typeof (reply as { cleared?: unknown } | null)?.cleared !== 'number')
    throw new Error(`the background did not clear the captures: ${JSON.stringify(reply)}`);
}

/** Polls until a capture matching `predicate` is stored; returns it. */
export async function waitForCapture(
  page: DemoPage,
  predicate: (capture: Capture) => boolean,
  what: string,
): Promise<Capture> {
  const found = await pollUntil(async () => (await storedCaptures(page)).find(predicate), { what });
  return found as Capture;
}

/** An extension page to read storage from, opened once per suite. */
export async function openStoragePage(browser: LaunchedBrowser): Promise<DemoPage> {
  return browser.openExtensionPage('src/popup/index.html');
}

/** The payload of a compact JWT, for assertions (tests only; the product uses the domain reader). */
export function payloadOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
}

/**
 * Stops the extension's service worker the way Chrome does when it idles: through the DevTools
 * protocol's ServiceWorker domain, from one of the extension's own pages.
 */
export async function stopExtensionServiceWorker(extensionPage: DemoPage, extensionBaseUrl: string): Promise<void> {
  const cdp = await extensionPage.native.context().newCDPSession(extensionPage.native);
  const statuses = new Map<string, string>();
  cdp.on(
    'ServiceWorker.workerVersionUpdated',
    ({ versions }: { versions: Array<{ versionId: string; scriptURL: string; runningStatus: string }> }) => {
      for (const version of versions)
        if (version.scriptURL.startsWith(extensionBaseUrl)) statuses.set(version.versionId, version.runningStatus);
    },
  );
  await cdp.send('ServiceWorker.enable');
  const running = (await pollUntil(async () => [...statuses].find(([, status]) => status === 'running')?.[0], {
    what: 'the running worker',
  })) as string;
  await cdp.send('ServiceWorker.stopWorker', { versionId: running });
  await pollUntil(async () => statuses.get(running) === 'stopped', { what: 'the worker to stop' });
  await cdp.detach();
}
