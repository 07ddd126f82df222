/**
 * The browser events the background listens to, besides messages. index.ts calls each of these
 * in the first turn of the worker's script: Chrome only delivers events to listeners registered
 * then, so capture works with no popup open and after Chrome restarts a stopped worker.
 */
import type { Browser, WebRequest } from '../shared/browser';
import { sightingFromRedirect, sightingsFromRequest, type RequestDetails } from './web-request-capture';
import { BADGE_ALARM } from './badge';
import type { CaptureSink } from './capture-sink';
import type { CaptureStore } from './capture-store';
import type { NetworkErrorLog } from './network-errors';
import type { SettingsStore } from './settings-store';
import type { AfterPageLoad } from './after-page-load';

/**
 * What one part of the background hears of navigations (a tab's pages and frames on the hosts
 * this extension holds a permission for) and of its tabs. Every handler is optional.
 */
export interface NavigationObserver {
  beforeRequest?(details: WebRequest.OnBeforeRequestDetailsType): void;
  sendHeaders?(details: WebRequest.OnSendHeadersDetailsType): void;
  beforeRedirect?(details: WebRequest.OnBeforeRedirectDetailsType): void;
  completed?(details: WebRequest.OnCompletedDetailsType): void;
  errorOccurred?(details: WebRequest.OnErrorOccurredDetailsType): void;
  /** The browser says the tab's page has loaded. */
  tabComplete?(tabId: number): void;
  tabClosed?(tabId: number): void;
}

// webRequest sees only hosts this extension holds a permission for; the URL filter is not a
// grant. What is not a capture site (the verification endpoint) each observer leaves alone.
const NAVIGATIONS = {
  urls: ['http://*/*', 'https://*/*'],
  types: ['main_frame', 'sub_frame'] as Array<'main_frame' | 'sub_frame'>,
};

/**
 * One listener per event, which tells every observer in the order given. Chromium delivers an
 * event to each listener registered for it on its own, with its own copy of the details, and a
 * login fires a dozen such events while its page loads, on the processor that page needs: the
 * page-load wait, the token capture, the login timeline and the badges share these listeners
 * instead of holding their own. An observer that throws is reported as an uncaught error, as its
 * own listener's would be, and the observers after it still hear of the event.
 */
export function listenToNavigations(browser: Browser, observers: readonly NavigationObserver[]): void {
  function tell<Event extends keyof NavigationObserver>(
    event: Event,
    argument: Parameters<NonNullable<NavigationObserver[Event]>>[0],
  ): void {
    for (const observer of observers) {
      try {
        (observer[event] as ((value: typeof argument) => void) | undefined)?.call(observer, argument);
      } catch (error) {
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }
  const { webRequest, tabs } = browser;
  webRequest.onBeforeRequest.addListener(
    (details) => {
      tell('beforeRequest', details);
      return undefined;
    },
    NAVIGATIONS,
    ['requestBody'],
  );
  webRequest.onSendHeaders.addListener((details) => tell('sendHeaders', details), NAVIGATIONS, ['requestHeaders']);
  webRequest.onBeforeRedirect.addListener((details) => tell('beforeRedirect', details), NAVIGATIONS, [
    'responseHeaders',
  ]);
  webRequest.onCompleted.addListener((details) => tell('completed', details), NAVIGATIONS, ['responseHeaders']);
  webRequest.onErrorOccurred.addListener((details) => tell('errorOccurred', details), NAVIGATIONS);
  tabs.onUpdated.addListener((tabId, changeInfo) => {
    if (changeInfo.status === 'complete') tell('tabComplete', tabId);
  });
  tabs.onRemoved.addListener((tabId) => tell('tabClosed', tabId));
}

/**
 * When a tab's page starts loading and when it has loaded, for the work held back until then
 * (after-page-load.ts). Its place is first among the observers, so that the first request of a
 * navigation already counts as loading when the others hear of it. A redirect is the same
 * navigation, still loading. Frames load within their page, and do not count.
 */
export function pageLoadObserver(
  afterPageLoad: Pick<AfterPageLoad, 'started' | 'responded' | 'finished' | 'closed'>,
): NavigationObserver {
  return {
    beforeRequest(details) {
      if (details.type === 'main_frame') afterPageLoad.started(details.tabId);
    },
    completed(details) {
      if (details.type === 'main_frame') afterPageLoad.responded(details.tabId);
    },
    errorOccurred(details) {
      if (details.type === 'main_frame') afterPageLoad.finished(details.tabId);
    },
    tabComplete: (tabId) => afterPageLoad.finished(tabId),
    tabClosed: (tabId) => afterPageLoad.closed(tabId),
  };
}

/** Tokens in requests and redirects that never render a page (a 302 callback, a form POST). */
export function tokenCaptureObserver(sink: Pick<CaptureSink, 'recordIfCaptureSite'>): NavigationObserver {
  return {
    beforeRequest(details) {
      for (const sighting of sightingsFromRequest(details as RequestDetails))
        void sink.recordIfCaptureSite(sighting, details.url);
    },
    beforeRedirect(details) {
      const sighting = sightingFromRedirect(details);
      if (sighting) void sink.recordIfCaptureSite(sighting, details.url);
    },
  };
}

/**
 * Badges kept current as tabs load; a closed tab's captures go with it. Both browsers reset a
 * tab's own badge when the tab navigates, and a callback's token is usually captured just before
 * the navigation that shows the page (in its redirect): it is set again once the page has loaded,
 * and a tab without captures gets an empty badge.
 */
export function badgeObserver(deps: {
  store: Pick<CaptureStore, 'clearTab'>;
  refreshBadge: (tabId: number) => Promise<void>;
  now: () => number;
}): NavigationObserver {
  const { store, refreshBadge, now } = deps;
  return {
    tabComplete: (tabId) => void refreshBadge(tabId),
    tabClosed: (tabId) => void store.clearTab(tabId, now()),
  };
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

/** Badges kept current as time passes: a token expires with no event of its own. */
export function listenToBadgeAlarm(
  browser: Browser,
  deps: { store: Pick<CaptureStore, 'tabIds'>; refreshBadge: (tabId: number) => Promise<void> },
): void {
  const { store, refreshBadge } = deps;
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
