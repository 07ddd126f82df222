/**
 * What the background does for each message, once the router has checked who sent it
 * (router.ts: the sender, the tab, and which messages only the options page may send). Each
 * handler still checks its own payload at run time: the types are a promise, not a guarantee,
 * for a message that crossed a process boundary.
 *
 * The services are handed in, so every handler can be tested with fakes, and nothing is kept
 * between messages (an MV3 worker can be stopped at any moment).
 */
import type { Localized } from '../domain/finding';
import { settingsView } from '../shared/settings-view';
import { policyView, withoutManagedClientId } from '../shared/managed-policy';
import { candidatesInSenderUrl, createCaptureIntake, type CaptureIntake } from './capture-intake';
import { createCaptureSink, type CaptureSink } from './capture-sink';
import type { CaptureStore } from './capture-store';
import type { Handlers } from './router';
import type { SettingsStore } from './settings-store';
import type { VerificationService } from './verification-service';
import type { TokenHygieneService } from './token-hygiene-service';
import type { Verifier } from './verifier';
import type { AfterPageLoad } from './after-page-load';

export interface HandlerDeps {
  store: Pick<CaptureStore, 'view' | 'tabIds' | 'clearAll' | 'clearTab'>;
  settings: Pick<SettingsStore, 'get' | 'save' | 'policy' | 'forOptionsPage'>;
  intake: Pick<CaptureIntake, 'paste'>;
  sink: Pick<CaptureSink, 'recordIfCaptureSite'>;
  verification: Pick<VerificationService, 'autoVerify' | 'verify' | 'currentFingerprint' | 'testConnection'>;
  verifier: Pick<Verifier, 'loadWsdl'>;
  hygiene: Pick<TokenHygieneService, 'attachTimeline' | 'recordPageReport'>;
  refreshBadge: (tabId: number) => Promise<void>;
  syncCaptureSiteScripts: (
    origins: readonly string[],
  ) => Promise<{ registered: string[]; missingPermission: string[] }>;
  /** Writes the popup's view of the settings in force to storage.session (see settings-view-publisher.ts). */
  publishSettingsView: () => Promise<void>;
  /** The tab's URL as the browser has it now; '' when the tab is gone or its URL is not visible. */
  tabUrl: (tabId: number) => Promise<string>;
  now: () => number;
  /**
   * Settles once a verification the previous worker left unfinished is settled as interrupted;
   * everything that reads or verifies captures waits for it.
   */
  ready: Promise<unknown>;
  /** Holds a tab's capture work back until its page has loaded (after-page-load.ts). */
  afterPageLoad: Pick<AfterPageLoad, 'run'>;
}

const NOT_A_CAPTURE_ID: Localized = { th: 'คำขอตรวจสอบไม่ได้ระบุโทเค็น', en: 'The verification request names no token.' };
const NOT_A_LANGUAGE: Localized = { th: 'ภาษาต้องเป็น th หรือ en', en: 'The language must be th or en.' };
const NO_WSDL_URL: Localized = { th: 'ไม่ได้ระบุที่อยู่ WSDL', en: 'No WSDL address was given.' };

export function createHandlers(deps: HandlerDeps): Handlers {
  return {
    'content→bg:token-seen': async ({ candidates, trigger }, sender) => {
      const tabId = sender.tabId!;
      if (trigger === 'load') {
        const sighting = { tabId, url: sender.url, candidates: candidatesInSenderUrl(candidates, sender.url) };
        return { stored: (await deps.sink.recordIfCaptureSite(sighting, sender.url)).length };
      }
      // Anything else is the page changing its own URL. Both browsers give `sender.url` as the
      // document was loaded, without a later #fragment, so the check is against the tab's URL as
      // the browser has it now (visible with the capture site's host permission). A frame's URL
      // cannot be read that way: a frame's in-page changes are not taken.
      if (sender.frameId !== 0) return { stored: 0 };
      const url = await deps.tabUrl(tabId);
      const sighting = { tabId, url, inPage: true, candidates: candidatesInSenderUrl(candidates, url) };
      return { stored: (await deps.sink.recordIfCaptureSite(sighting, url)).length };
    },
    'content→bg:page-hygiene': async (report, sender) => ({
      recorded: await deps.hygiene.recordPageReport(sender.tabId!, sender.frameId, report),
    }),
    'page→bg:get-captures': async ({ tabId }) => {
      await deps.ready;
      const tab = typeof tabId === 'number' ? tabId : null;
      return deps.store.view(tab, await deps.verification.currentFingerprint());
    },
    'page→bg:paste-token': async ({ text }) => {
      await deps.ready;
      const result = await deps.intake.paste(typeof text === 'string' ? text : '');
      if (result.ok) await deps.verification.autoVerify(result.value);
      return result;
    },
    'page→bg:clear-captures': async (scope) => {
      await deps.ready;
      if (scope.scope === 'all') {
        const tabIds = await deps.store.tabIds();
        const cleared = await deps.store.clearAll(deps.now());
        await Promise.all(tabIds.map(deps.refreshBadge));
        return { cleared };
      }
      if (scope.scope !== 'tab' || typeof scope.tabId !== 'number') return { cleared: 0 };
      const cleared = await deps.store.clearTab(scope.tabId, deps.now());
      await deps.refreshBadge(scope.tabId);
      return { cleared };
    },
    'page→bg:verify': async ({ captureId, force }) => {
      await deps.ready;
      if (typeof captureId !== 'string') return { ok: false, error: NOT_A_CAPTURE_ID };
      return deps.verification.verify(captureId, force === true);
    },
    'page→bg:wake': async () => {
      await deps.ready;
      return { ready: true };
    },
    'page→bg:get-settings-view': async () => {
      // A page asks only when it found no published view (the session area was emptied): put it back.
      void deps.publishSettingsView();
      return settingsView(await deps.settings.get());
    },
    'page→bg:set-language': async ({ language }) => {
      if (language !== 'th' && language !== 'en') return { ok: false, error: NOT_A_LANGUAGE };
      const saved = await deps.settings.save({ ...(await deps.settings.get()), language });
      if (!saved.ok) return saved;
      // Published before the reply, so a page that reads the session area next sees this language.
      await deps.publishSettingsView();
      return { ok: true, value: settingsView(saved.value) };
    },
    'page→bg:get-policy': async () => policyView(await deps.settings.policy()),
    'page→bg:get-settings': () => deps.settings.forOptionsPage(),
    'page→bg:save-settings': async ({ settings: candidate }) => {
      const saved = await deps.settings.save(candidate);
      if (!saved.ok) return saved;
      await Promise.all([deps.publishSettingsView(), deps.syncCaptureSiteScripts(saved.value.captureSites)]);
      return { ok: true, value: withoutManagedClientId(saved.value, await deps.settings.policy()) };
    },
    'page→bg:load-wsdl': async ({ url }) => {
      if (typeof url !== 'string') return { ok: false, error: NO_WSDL_URL };
      return deps.verifier.loadWsdl(url);
    },
    'page→bg:test-connection': () => deps.verification.testConnection(),
    'page→bg:sync-capture-sites': async () => deps.syncCaptureSiteScripts((await deps.settings.get()).captureSites),
  };
}

/** The services the capture intake, the capture sink and the handlers are built on. */
export type HandlerServices = Omit<HandlerDeps, 'store' | 'intake' | 'sink'> & { store: CaptureStore };

/**
 * Builds the capture intake and sink on the services, and the handlers on all of them: the one
 * wiring that the worker (index.ts) and the handler tests share, so the tests run what ships.
 */
export function createMessageHandling(services: HandlerServices): { sink: CaptureSink; handlers: Handlers } {
  const intake = createCaptureIntake(services);
  const sink = createCaptureSink({ ...services, intake });
  return { sink, handlers: createHandlers({ ...services, intake, sink }) };
}
