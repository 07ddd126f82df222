/**
 * Test-only (never imported by product code): the message handlers over fake storage, with the
 * verification service, the verifier and the tab calls as spies, and the senders the router
 * would have let through. Shared by the handler tests.
 */
import { vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { createCaptureStore, type SessionArea } from '../background/capture-store';
import { createSettingsStore, type LocalArea } from '../background/settings-store';
import { createMessageHandling } from '../background/handlers';
import { createSettingsViewPublisher } from '../background/settings-view-publisher';
import type { TrustedSender } from '../background/router';
import { makeToken, samplePayload } from './tokens';

export const TOKEN = makeToken(samplePayload());
export const OTHER = makeToken(samplePayload({ username: 'someone-else' }));
export const CANDIDATE = { location: 'query', parameter: 'token', value: TOKEN } as const;
export const CAPTURE_SITE = 'http://127.0.0.1:8080/callback';
export const NOT_A_CAPTURE_SITE = 'http://10.1.2.3:8080/callback';
export const NOW = 1_700_000_000_000;

/** The router has already checked these: a content script in tab 7, or one of the extension's pages. */
export const content = (url: string, frameId = 0): TrustedSender => ({ tabId: 7, frameId, url });
export const page: TrustedSender = {
  tabId: null,
  frameId: null,
  url: 'chrome-extension://ext-id/src/popup/index.html',
};

/** `managed`: what `storage.managed` holds, i.e. the organisation's policy for the extension. */
export function setUp(options: { ready?: Promise<unknown>; managed?: Record<string, unknown> } = {}) {
  fakeBrowser.reset();
  const store = createCaptureStore(fakeBrowser.storage.session as unknown as SessionArea);
  const { managed } = options;
  const settings = createSettingsStore(
    fakeBrowser.storage.local as unknown as LocalArea,
    managed ? { get: async () => structuredClone(managed) } : undefined,
    (listener) => fakeBrowser.storage.onChanged.addListener(listener),
  );
  const ready = options.ready ?? Promise.resolve();
  const spies = {
    verification: {
      autoVerify: vi.fn(async () => ({ verify: false }) as never),
      verify: vi.fn(async () => ({ ok: false as const, error: { th: 'x', en: 'x' } })),
      currentFingerprint: vi.fn(async () => 'fingerprint-of-current-settings'),
      testConnection: vi.fn(async () => ({ ok: false as const, error: { th: 't', en: 't' } })),
    },
    verifier: { loadWsdl: vi.fn(async () => ({ ok: false as const, error: { th: 'w', en: 'w' } })) },
    refreshBadge: vi.fn(async (_tabId: number) => undefined),
    syncCaptureSiteScripts: vi.fn(async (origins: readonly string[]) => ({
      registered: [...origins],
      missingPermission: [],
    })),
    tabUrl: vi.fn(async () => ''),
    // No page is loading in these tests: capture work runs at once, as the handlers are called.
    afterPageLoad: { run: <T>(_tabId: number | null, work: () => Promise<T>) => work() },
    hygiene: {
      attachTimeline: vi.fn(async (_tabId: number) => undefined),
      recordPageReport: vi.fn(async (_tabId: number, _frameId: number | null, _report: unknown) => 0),
    },
  };
  const publisher = createSettingsViewPublisher({
    settings,
    session: fakeBrowser.storage.session as unknown as SessionArea,
  });
  const publishSettingsView = () => publisher.publish();
  const { handlers } = createMessageHandling({ store, settings, now: () => NOW, ready, publishSettingsView, ...spies });
  return { handlers, store, settings, ...spies };
}
