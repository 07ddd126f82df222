/**
 * Background entry: builds the services and registers every listener at the top level, so that
 * capture works with no popup open and after Chrome restarts a stopped worker (Chrome only
 * delivers events to listeners registered in the first turn of the worker's script).
 * No state lives here: captures are in storage.session, settings in storage.local.
 */
import browser, { type Runtime } from '../shared/browser';
import type { Localized } from '../domain/types';
import type { Capture } from '../shared/capture';
import { settingsView } from '../shared/settings';
import { originToPattern } from '../domain/url';
import { createCaptureStore } from './capture-store';
import { candidatesInSenderUrl, createCaptureIntake, type Sighting } from './capture-intake';
import { createSettingsStore } from './settings-store';
import { createRouter, type Handlers } from './router';
import { sightingFromRedirect, sightingsFromRequest, type RequestDetails } from './web-request-capture';
import { isCaptureSite } from './capture-sites';
import { syncCaptureSiteScripts } from './capture-site-scripts';
import { BADGE_ALARM, badgeFor } from './badge';
import { createVerifier } from './verifier';
import { createVerificationService } from './verification-service';
import { createNetworkErrorLog } from './network-errors';
import { createAutoVerifyPolicy } from './auto-verify-policy';

const now = () => Date.now();
const store = createCaptureStore(browser.storage.session);
const settings = createSettingsStore(browser.storage.local);
const intake = createCaptureIntake({ store, now });
const networkErrors = createNetworkErrorLog(now);
const verifier = createVerifier({
  fetch,
  now,
  hasHostPermission: (url) => browser.permissions.contains({ origins: [originToPattern(url)] }),
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

// ---------------------------------------------------------------------------------------------
// Capture

async function refreshBadge(tabId: number): Promise<void> {
  const [newest] = await store.forTab(tabId);
  const badge = badgeFor(newest, now());
  try {
    await browser.action.setBadgeText({ tabId, text: badge?.text ?? '' });
    if (badge) {
      await browser.action.setBadgeBackgroundColor({ tabId, color: badge.colour });
      await browser.action.setTitle({ tabId, title: badge.title });
    }
  } catch {
    // The tab closed between the capture and the badge: nothing to show it on.
  }
}

async function afterCapture(added: Capture[]): Promise<void> {
  for (const capture of added) {
    if (capture.tabId !== null) await refreshBadge(capture.tabId);
    await verification.autoVerify(capture);
  }
}

async function recordIfCaptureSite(sighting: Sighting, siteUrl: string): Promise<Capture[]> {
  await ready;
  if (!isCaptureSite(siteUrl, (await settings.get()).captureSites)) return [];
  const added = await intake.record(sighting);
  await afterCapture(added);
  return added;
}

// webRequest sees only hosts this extension holds a permission for; the URL filter is not a
// grant. isCaptureSite then keeps to capture sites (the verification endpoint is not one).
const WEB_REQUEST_FILTER = { urls: ['http://*/*', 'https://*/*'], types: ['main_frame', 'sub_frame'] as Array<'main_frame' | 'sub_frame'> };

browser.webRequest.onBeforeRequest.addListener(
  (details) => {
    for (const sighting of sightingsFromRequest(details as RequestDetails)) void recordIfCaptureSite(sighting, details.url);
    return undefined;
  },
  WEB_REQUEST_FILTER,
  ['requestBody'],
);

browser.webRequest.onBeforeRedirect.addListener((details) => {
  const sighting = sightingFromRedirect(details);
  if (sighting) void recordIfCaptureSite(sighting, details.url);
}, WEB_REQUEST_FILTER);

// The extension's own calls (verification, WSDL) belong to no tab. When one fails, the browser
// names the cause only here; the verifier reads it to say refused, DNS or timed out. A site's
// own service worker also has no tab: only what this extension started is kept (Chrome names
// the starter `initiator`, Firefox `originUrl`).
const OWN_ORIGIN = new URL(browser.runtime.getURL('/')).origin;
browser.webRequest.onErrorOccurred.addListener(
  (details) => {
    const { initiator, originUrl } = details as { initiator?: string; originUrl?: string };
    const startedBy = initiator ?? originUrl ?? '';
    if (startedBy === OWN_ORIGIN || startedBy.startsWith(`${OWN_ORIGIN}/`)) networkErrors.record(details.url, details.error);
  },
  { urls: ['http://*/*', 'https://*/*'], types: ['xmlhttprequest', 'other'], tabId: -1 },
);

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

async function onStart(): Promise<void> {
  await browser.alarms.create(BADGE_ALARM, { periodInMinutes: 1 });
  await syncCaptureSiteScripts((await settings.get()).captureSites);
}
browser.runtime.onInstalled.addListener(() => void onStart());
browser.runtime.onStartup.addListener(() => void onStart());
// A person can revoke a site's permission in the browser's own UI; keep scripts in step.
browser.permissions.onRemoved.addListener(async () => {
  await syncCaptureSiteScripts((await settings.get()).captureSites);
});

// ---------------------------------------------------------------------------------------------
// Messages

const NOT_A_CAPTURE_ID: Localized = { th: 'คำขอตรวจสอบไม่ได้ระบุโทเค็น', en: 'The verification request names no token.' };
const NOT_A_LANGUAGE: Localized = { th: 'ภาษาต้องเป็น th หรือ en', en: 'The language must be th or en.' };

const handlers: Handlers = {
  'content→bg:token-seen': async ({ candidates, trigger }, sender) => {
    const tabId = sender.tabId!;
    if (trigger === 'load') {
      const sighting = { tabId, url: sender.url, candidates: candidatesInSenderUrl(candidates, sender.url) };
      return { stored: (await recordIfCaptureSite(sighting, sender.url)).length };
    }
    // Anything else is the page changing its own URL. Both browsers give `sender.url` as the
    // document was loaded, without a later #fragment, so the check is against the tab's URL as
    // the browser has it now (visible with the capture site's host permission). A frame's URL
    // cannot be read that way: a frame's in-page changes are not taken.
    if (sender.frameId !== 0) return { stored: 0 };
    const tabUrl = (await browser.tabs.get(tabId).catch(() => null))?.url ?? '';
    const sighting = { tabId, url: tabUrl, inPage: true, candidates: candidatesInSenderUrl(candidates, tabUrl) };
    return { stored: (await recordIfCaptureSite(sighting, tabUrl)).length };
  },
  'page→bg:get-captures': async ({ tabId }) => {
    await ready;
    const tab = typeof tabId === 'number' ? tabId : null;
    return {
      currentTab: await verification.withCurrentVerification(tab === null ? [] : await store.forTab(tab)),
      elsewhere: await verification.withCurrentVerification(await store.elsewhere(tab)),
    };
  },
  'page→bg:paste-token': async ({ text }) => {
    await ready;
    const result = await intake.paste(typeof text === 'string' ? text : '');
    if (result.ok) await verification.autoVerify(result.value);
    return result;
  },
  'page→bg:clear-captures': async (scope) => {
    await ready;
    if (scope.scope === 'all') {
      const tabIds = await store.tabIds();
      const cleared = await store.clearAll(now());
      await Promise.all(tabIds.map(refreshBadge));
      return { cleared };
    }
    if (scope.scope !== 'tab' || typeof scope.tabId !== 'number') return { cleared: 0 };
    const cleared = await store.clearTab(scope.tabId, now());
    await refreshBadge(scope.tabId);
    return { cleared };
  },
  'page→bg:verify': async ({ captureId, force }) => {
    await ready;
    if (typeof captureId !== 'string') return { ok: false, error: NOT_A_CAPTURE_ID };
    return verification.verify(captureId, force === true);
  },
  'page→bg:get-settings-view': async () => settingsView(await settings.get()),
  'page→bg:set-language': async ({ language }) => {
    if (language !== 'th' && language !== 'en') return { ok: false, error: NOT_A_LANGUAGE };
    const saved = await settings.save({ ...(await settings.get()), language });
    return saved.ok ? { ok: true, value: settingsView(saved.value) } : saved;
  },
  'page→bg:get-settings': () => settings.get(),
  'page→bg:save-settings': async ({ settings: candidate }) => {
    const saved = await settings.save(candidate);
    if (saved.ok) await syncCaptureSiteScripts(saved.value.captureSites);
    return saved;
  },
  'page→bg:load-wsdl': async ({ url }) => {
    if (typeof url !== 'string') return { ok: false, error: { th: 'ไม่ได้ระบุที่อยู่ WSDL', en: 'No WSDL address was given.' } };
    return verifier.loadWsdl(url);
  },
  'page→bg:test-connection': () => verification.testConnection(),
  'page→bg:sync-capture-sites': async () => syncCaptureSiteScripts((await settings.get()).captureSites),
};

const optionsPageUrl = browser.runtime.getURL(browser.runtime.getManifest().options_ui?.page ?? '');
const route = createRouter(handlers, { extensionId: browser.runtime.id, extensionOrigin: browser.runtime.getURL(''), optionsPageUrl });
browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => route(message, sender));
