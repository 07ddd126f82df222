/**
 * Background entry: wiring only. It builds the services, hands them to the message handlers and
 * the event listeners, and registers every listener in the first turn of the script, so that
 * capture works with no popup open and after Chrome restarts a stopped worker (Chrome only
 * delivers events to listeners registered then).
 * No state lives here: captures are in storage.session, settings in storage.local.
 */
import browser, { type Runtime } from '../shared/browser';
import { createCaptureStore } from './capture-store';
import { createAfterPageLoad } from './after-page-load';
import { createSettingsStore } from './settings-store';
import { createHostPermissionCheck } from './host-permission-check';
import { createRouter } from './router';
import { createMessageHandling } from './handlers';
import { createBadgeRefresh } from './badge-refresh';
import { syncCaptureSiteScripts } from './capture-site-scripts';
import { createVerifier } from './verifier';
import { createVerificationService } from './verification-service';
import { createNetworkErrorLog } from './network-errors';
import { createAutoVerifyPolicy } from './auto-verify-policy';
import { captureIdFor } from './capture-intake';
import { isCaptureSite } from './capture-sites';
import { createTimelineRecorder } from './timeline-recorder';
import { createTokenHygiene } from './token-hygiene-service';
import { timelineObserver } from './timeline-observer';
import { createSettingsViewPublisher } from './settings-view-publisher';
import {
  badgeObserver,
  listenForOwnNetworkErrors,
  listenToBadgeAlarm,
  listenToLifecycle,
  listenToNavigations,
  pageLoadObserver,
  tokenCaptureObserver,
  watchSettingsAreas,
} from './listeners';

// ---- Services ---------------------------------------------------------------------------------

const now = () => Date.now();
const store = createCaptureStore(browser.storage.session);
// Created first, so that it hears of a settings change before any other listener reads them.
const settings = createSettingsStore(browser.storage.local, browser.storage.managed, (listener) =>
  watchSettingsAreas(browser, listener),
);
const networkErrors = createNetworkErrorLog(now);
const verifier = createVerifier({
  fetch,
  now,
  hasHostPermission: createHostPermissionCheck(browser.permissions),
  browserNetworkError: (url, since) => networkErrors.errorFor(url, since),
});
const policy = createAutoVerifyPolicy({ area: browser.storage.session, now });
const verification = createVerificationService({ store, settings, verifier, policy, now });
/**
 * A verification the previous worker left unfinished (Chrome stopped it, or Firefox suspended
 * the event page) is settled as interrupted before this worker reads or verifies anything;
 * everything that touches captures waits for it.
 */
const ready = verification.settleInterrupted().catch(() => 0);
const settingsViewPublisher = createSettingsViewPublisher({ settings, session: browser.storage.session });
const publishSettingsView = () => settingsViewPublisher.publish();
const afterPageLoad = createAfterPageLoad({
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
});
const refreshBadge = createBadgeRefresh({ store, action: browser.action, now });
const tabUrl = async (tabId: number) => (await browser.tabs.get(tabId).catch(() => null))?.url ?? '';
const hygiene = createTokenHygiene({
  area: browser.storage.session,
  store,
  captureIdFor,
  hops: (tabId) => timeline.hops(tabId),
  tabUrl,
});
const timeline = createTimelineRecorder({
  area: browser.storage.session,
  isCaptureSite: async (url) => isCaptureSite(url, (await settings.get()).captureSites),
  captureIdFor,
  onTokenHop: (tabId) => hygiene.attachTimeline(tabId),
  withClearedAt: (tabId, write) => store.withClearedAt(tabId, write),
});
const { sink, handlers } = createMessageHandling({
  store,
  settings,
  verification,
  verifier,
  refreshBadge,
  syncCaptureSiteScripts,
  tabUrl,
  hygiene,
  publishSettingsView,
  now,
  ready,
  afterPageLoad,
});

// ---- Events -----------------------------------------------------------------------------------

listenToNavigations(browser, [
  // First: a navigation's first request counts as loading before the others hear of it.
  pageLoadObserver(afterPageLoad),
  tokenCaptureObserver(sink),
  timelineObserver(timeline, afterPageLoad),
  badgeObserver({ store, refreshBadge, now }),
]);
listenForOwnNetworkErrors(browser, networkErrors);
listenToBadgeAlarm(browser, { store, refreshBadge });
listenToLifecycle(browser, { settings, syncCaptureSiteScripts, publishSettingsView });

// ---- Messages ---------------------------------------------------------------------------------

const optionsPageUrl = browser.runtime.getURL(browser.runtime.getManifest().options_ui?.page ?? '');
const route = createRouter(handlers, {
  extensionId: browser.runtime.id,
  extensionOrigin: browser.runtime.getURL(''),
  optionsPageUrl,
});
browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => route(message, sender));
