/**
 * The browser events the background listens to, besides messages. index.ts calls each of these
 * in the first turn of the worker's script: Chrome only delivers events to listeners registered
 * then, so capture works with no popup open and after Chrome restarts a stopped worker.
 */
import type { Browser } from '../shared/browser';
import { sightingFromRedirect, sightingsFromRequest, type RequestDetails } from './web-request-capture';
import { BADGE_ALARM } from './badge';
import type { CaptureSink } from './capture-sink';
import type { CaptureStore } from './capture-store';
import type { NetworkErrorLog } from './network-errors';
import type { SettingsStore } from './settings-store';
import type { AfterPageLoad } from './after-page-load';

// webRequest sees only hosts this extension holds a permission for; the URL filter is not a
// grant. The sink then keeps to capture sites (the verification endpoint is not one).
const WEB_REQUEST_FILTER = {
  urls: ['http://*/*', 'https://*/*'],
  types: ['main_frame', 'sub_frame'] as Array<'main_frame' | 'sub_frame'>,
};

/**
 * When a tab's page starts loading and when it has loaded, for the work held back until then
 * (after-page-load.ts). Registered before every other listener, so that the first request of a
 * navigation already counts as loading when the others hear of it. A redirect is the same
 * navigation, still loading.
 */
export function listenForPageLoads(
  browser: Browser,
  afterPageLoad: Pick<AfterPageLoad, 'started' | 'responded' | 'finished' | 'closed'>,
): void {
  const pages = { urls: WEB_REQUEST_FILTER.urls, types: ['main_frame'] as Array<'main_frame'> };
  browser.webRequest.onBeforeRequest.addListener((details) => {
    afterPageLoad.started(details.tabId);
    return undefined;
  }, pages);
  browser.webRequest.onCompleted.addListener((details) => afterPageLoad.responded(details.tabId), pages);
  browser.webRequest.onErrorOccurred.addListener((details) => afterPageLoad.finished(details.tabId), pages);
  browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
    if (changeInfo.status === 'complete') afterPageLoad.finished(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => afterPageLoad.closed(tabId));
}

/** Tokens in requests and redirects that never render a page (a 302 callback, a form POST). */
export function listenForTokensInRequests(browser: Browser, sink: Pick<CaptureSink, 'recordIfCaptureSite'>): void {
  browser.webRequest.onBeforeRequest.addListener(
    (details) => {
      for (const sighting of sightingsFromRequest(details as RequestDetails))
        void sink.recordIfCaptureSite(sighting, details.url);
      return undefined;
    },
    WEB_REQUEST_FILTER,
    ['requestBody'],
  );
  browser.webRequest.onBeforeRedirect.addListener((details) => {
    const sighting = sightingFromRedirect(details);
    if (sighting) void sink.recordIfCaptureSite(sighting, details.url);
  }, WEB_REQUEST_FILTER);
}

/**
 * The extension's own calls (verification, WSDL) belong to no tab. When one fails, the browser
 * names the cause only here; the verifier reads it to say refused, DNS or timed out. A site's
 * own service worker also has no tab: only what this extension started is kept (Chrome names
 * the starter `initiator`, Firefox `originUrl`).
 */
export function listenForOwnNetworkErrors(browser: Browser, networkErrors: Pick<NetworkErrorLog, 'record'>): void {
  const ownOrigin = new URL(browser.runtime.getURL('/')).origin;
  browser.webRequest.onErrorOccurred.addListener(
    (details) => {
      const { initiator, originUrl } = details as { initiator?: string; originUrl?: string };
      const startedBy = initiator ?? originUrl ?? '';
      if (startedBy === ownOrigin || startedBy.startsWith(`${ownOrigin}/`))
        networkErrors.record(details.url, details.error);
    },
    { urls: ['http://*/*', 'https://*/*'], types: ['xmlhttprequest', 'other'], tabId: -1 },
  );
}

/** Badges kept current as tabs load and time passes; a closed tab's captures go with it. */
export function listenToTabsAndAlarms(
  browser: Browser,
  deps: {
    store: Pick<CaptureStore, 'clearTab' | 'tabIds'>;
    refreshBadge: (tabId: number) => Promise<void>;
    now: () => number;
  },
): void {
  const { store, refreshBadge, now } = deps;
  // Both browsers reset a tab's own badge when the tab navigates, and a callback's token is usually
  // captured just before the navigation that shows the page (in its redirect). Set it again once
  // the page has loaded; a tab without captures gets an empty badge, as before.
  browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
    if (changeInfo.status === 'complete') void refreshBadge(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    void store.clearTab(tabId, now());
  });
  browser.alarms.onAlarm.addListener(async (alarm) => {
    if (alarm.name !== BADGE_ALARM) return;
    for (const tabId of await store.tabIds()) await refreshBadge(tabId);
  });
}

/**
 * On install and start-up: the badge alarm, capture scripts on the sites a person added, and the
 * popup's view of the settings in storage.session (emptied when the browser closes). That view is
 * published again whenever the settings or the policy change.
 */
export function listenToLifecycle(
  browser: Browser,
  deps: {
    settings: Pick<SettingsStore, 'get'>;
    syncCaptureSiteScripts: (origins: readonly string[]) => Promise<unknown>;
    publishSettingsView: () => Promise<void>;
  },
): void {
  const { settings, syncCaptureSiteScripts, publishSettingsView } = deps;
  const resync = async () => {
    await syncCaptureSiteScripts((await settings.get()).captureSites);
  };
  async function onStart(): Promise<void> {
    void publishSettingsView();
    await browser.alarms.create(BADGE_ALARM, { periodInMinutes: 1 });
    await resync();
  }
  browser.runtime.onInstalled.addListener(() => void onStart());
  browser.runtime.onStartup.addListener(() => void onStart());
  // A person can revoke a site's permission in the browser's own UI; keep scripts in step.
  browser.permissions.onRemoved.addListener(resync);
  // Chrome reports a changed policy at once (Firefox reads policies at start-up only): the
  // organisation's capture sites may have changed.
  watchSettingsAreas(browser, (_changes, area) => {
    if (area === 'managed') void resync();
    // Saves through the handlers publish before they answer; this also covers any other writer.
    void publishSettingsView();
  });
}

/**
 * Changes to the areas settings live in (local, and managed for the policy), through each area's
 * own event rather than `storage.onChanged`: that one also carries every storage.session write,
 * with the old and new values, and the login timeline and the captures write there several times
 * per login. Firefox copies each such change into the event page for a listener that ignores it,
 * a cost paid on the CPU the login's own page load needs.
 */
export function watchSettingsAreas(
  browser: Browser,
  listener: (changes: Record<string, unknown>, area: 'local' | 'managed') => void,
): void {
  browser.storage.local.onChanged.addListener((changes) => listener(changes, 'local'));
  // Firefox reads policies at start-up only and may not offer the managed area's event.
  (browser.storage.managed as Partial<typeof browser.storage.managed>).onChanged?.addListener((changes) =>
    listener(changes, 'managed'),
  );
}
