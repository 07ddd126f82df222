import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { createCaptureStore, type SessionArea } from './capture-store';
import { createSettingsStore, type LocalArea } from './settings-store';
import { createCaptureIntake } from './capture-intake';
import { createCaptureSink } from './capture-sink';
import { createHandlers, type HandlerDeps } from './handlers';
import type { Handlers, TrustedSender } from './router';
import { DEFAULT_SETTINGS } from '../shared/settings';
import { makeToken, samplePayload } from '../test-support/tokens';

const TOKEN = makeToken(samplePayload());
const OTHER = makeToken(samplePayload({ username: 'someone-else' }));
const CANDIDATE = { location: 'query', parameter: 'token', value: TOKEN } as const;
const CAPTURE_SITE = 'http://127.0.0.1:8080/callback';
const NOT_A_CAPTURE_SITE = 'http://10.1.2.3:8080/callback';
const NOW = 1_700_000_000_000;

/** The router has already checked these: a content script in tab 7, or one of the extension's pages. */
const content = (url: string, frameId = 0): TrustedSender => ({ tabId: 7, frameId, url });
const page: TrustedSender = { tabId: null, frameId: null, url: 'chrome-extension://ext-id/src/popup/index.html' };

function setUp(options: { ready?: Promise<unknown> } = {}) {
  fakeBrowser.reset();
  const store = createCaptureStore(fakeBrowser.storage.session as unknown as SessionArea);
  const settings = createSettingsStore(fakeBrowser.storage.local as unknown as LocalArea);
  const now = () => NOW;
  const intake = createCaptureIntake({ store, now });
  const ready = options.ready ?? Promise.resolve();
  const verification = {
    autoVerify: vi.fn(async () => ({ verify: false }) as never),
    verify: vi.fn(async () => ({ ok: false as const, error: { th: 'x', en: 'x' } })),
    withCurrentVerification: vi.fn(async (captures: unknown[]) => captures as never),
    testConnection: vi.fn(async () => ({ ok: false as const, error: { th: 't', en: 't' } })),
  };
  const verifier = { loadWsdl: vi.fn(async () => ({ ok: false as const, error: { th: 'w', en: 'w' } })) };
  const refreshBadge = vi.fn(async (_tabId: number) => undefined);
  const syncCaptureSiteScripts = vi.fn(async (origins: readonly string[]) => ({
    registered: [...origins],
    missingPermission: [],
  }));
  const tabUrl = vi.fn(async () => '');
  const sink = createCaptureSink({ ready, settings, intake, verification, refreshBadge });
  const deps: HandlerDeps = {
    store,
    settings,
    intake,
    sink,
    verification,
    verifier,
    refreshBadge,
    syncCaptureSiteScripts,
    tabUrl,
    now,
    ready,
  };
  return {
    handlers: createHandlers(deps) as Handlers,
    store,
    settings,
    verification,
    verifier,
    refreshBadge,
    syncCaptureSiteScripts,
    tabUrl,
  };
}

describe('content→bg:token-seen', () => {
  it('on load, keeps a candidate that is in the page’s URL on a capture site, and sets the badge', async () => {
    const { handlers, store, refreshBadge, verification, tabUrl } = setUp();
    const reply = await handlers['content→bg:token-seen'](
      { candidates: [CANDIDATE], trigger: 'load' },
      content(`${CAPTURE_SITE}?token=${TOKEN}`),
    );
    expect(reply).toEqual({ stored: 1 });
    expect(await store.forTab(7)).toEqual([expect.objectContaining({ tabId: 7, pagePath: '/callback', token: TOKEN })]);
    expect((await store.forTab(7))[0]!.inPage).toBeUndefined();
    expect(refreshBadge).toHaveBeenCalledWith(7);
    expect(verification.autoVerify).toHaveBeenCalledOnce();
    expect(tabUrl).not.toHaveBeenCalled();
  });

  it('on load, drops what the page reported but its URL does not hold, and malformed reports', async () => {
    const { handlers, store } = setUp();
    const url = `${CAPTURE_SITE}?token=${TOKEN}`;
    expect(
      await handlers['content→bg:token-seen'](
        { candidates: [{ ...CANDIDATE, value: OTHER }], trigger: 'load' },
        content(url),
      ),
    ).toEqual({ stored: 0 });
    expect(
      await handlers['content→bg:token-seen']({ candidates: 'not a list' as never, trigger: 'load' }, content(url)),
    ).toEqual({ stored: 0 });
    expect(
      await handlers['content→bg:token-seen'](
        { candidates: [{ ...CANDIDATE, location: 'form' }] as never, trigger: 'load' },
        content(url),
      ),
    ).toEqual({ stored: 0 });
    expect(await store.forTab(7)).toEqual([]);
  });

  it('keeps nothing from a page that is not a capture site', async () => {
    const { handlers, store, refreshBadge } = setUp();
    expect(
      await handlers['content→bg:token-seen'](
        { candidates: [CANDIDATE], trigger: 'load' },
        content(`${NOT_A_CAPTURE_SITE}?token=${TOKEN}`),
      ),
    ).toEqual({ stored: 0 });
    expect(await store.forTab(7)).toEqual([]);
    expect(refreshBadge).not.toHaveBeenCalled();
  });

  it('on hashchange, checks the candidates against the tab’s URL now, not the URL the document loaded with', async () => {
    const { handlers, store, tabUrl } = setUp();
    tabUrl.mockResolvedValue(`${CAPTURE_SITE}#token=${TOKEN}`);
    const reply = await handlers['content→bg:token-seen'](
      { candidates: [{ ...CANDIDATE, location: 'fragment' }], trigger: 'hashchange' },
      content(CAPTURE_SITE),
    );
    expect(reply).toEqual({ stored: 1 });
    expect(tabUrl).toHaveBeenCalledWith(7);
    expect(await store.forTab(7)).toEqual([expect.objectContaining({ inPage: true, source: 'fragment' })]);
  });

  it('on hashchange, takes nothing the tab’s URL does not hold, even if the sender’s URL does', async () => {
    const { handlers, store, tabUrl } = setUp();
    tabUrl.mockResolvedValue(CAPTURE_SITE);
    const reply = await handlers['content→bg:token-seen'](
      { candidates: [CANDIDATE], trigger: 'hashchange' },
      content(`${CAPTURE_SITE}?token=${TOKEN}`),
    );
    expect(reply).toEqual({ stored: 0 });
    expect(await store.forTab(7)).toEqual([]);
  });

  it('on hashchange, takes nothing when the tab is gone or is no longer on a capture site', async () => {
    const { handlers, tabUrl } = setUp();
    tabUrl.mockResolvedValue('');
    expect(
      await handlers['content→bg:token-seen'](
        { candidates: [CANDIDATE], trigger: 'hashchange' },
        content(`${CAPTURE_SITE}?token=${TOKEN}`),
      ),
    ).toEqual({ stored: 0 });
    tabUrl.mockResolvedValue(`${NOT_A_CAPTURE_SITE}?token=${TOKEN}`);
    expect(
      await handlers['content→bg:token-seen'](
        { candidates: [CANDIDATE], trigger: 'hashchange' },
        content(`${CAPTURE_SITE}?token=${TOKEN}`),
      ),
    ).toEqual({ stored: 0 });
  });

  it('on hashchange, ignores frames: only the top frame’s URL is the tab’s', async () => {
    const { handlers, tabUrl } = setUp();
    tabUrl.mockResolvedValue(`${CAPTURE_SITE}?token=${TOKEN}`);
    expect(
      await handlers['content→bg:token-seen'](
        { candidates: [CANDIDATE], trigger: 'hashchange' },
        content(`${CAPTURE_SITE}?token=${TOKEN}`, 3),
      ),
    ).toEqual({ stored: 0 });
    expect(tabUrl).not.toHaveBeenCalled();
  });

  it('treats any trigger but load as the page changing its own URL', async () => {
    const { handlers, tabUrl } = setUp();
    await handlers['content→bg:token-seen'](
      { candidates: [CANDIDATE], trigger: 'something' as never },
      content(`${CAPTURE_SITE}?token=${TOKEN}`),
    );
    expect(tabUrl).toHaveBeenCalledWith(7);
  });
});

describe('page→bg: captures', () => {
  it('waits for an interrupted verification to be settled before reading captures', async () => {
    let settle!: () => void;
    const { handlers, store } = setUp({ ready: new Promise<void>((resolve) => (settle = resolve)) });
    let answered = false;
    const reply = handlers['page→bg:get-captures']({ tabId: 7 }, page).then((value) => {
      answered = true;
      return value;
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(answered).toBe(false);
    settle();
    expect(await reply).toEqual({ currentTab: [], elsewhere: [] });
    expect(await store.tabIds()).toEqual([]);
  });

  it('gives the tab’s captures and the others, through the current-verification filter', async () => {
    const { handlers, verification } = setUp();
    await handlers['content→bg:token-seen'](
      { candidates: [CANDIDATE], trigger: 'load' },
      content(`${CAPTURE_SITE}?token=${TOKEN}`),
    );
    const mine = await handlers['page→bg:get-captures']({ tabId: 7 }, page);
    expect(mine.currentTab).toHaveLength(1);
    expect(mine.elsewhere).toEqual([]);
    const other = await handlers['page→bg:get-captures']({ tabId: 8 }, page);
    expect(other.currentTab).toEqual([]);
    expect(other.elsewhere).toHaveLength(1);
    expect(verification.withCurrentVerification).toHaveBeenCalledTimes(4);
  });

  it('takes a tab id that is not a number as no tab', async () => {
    const { handlers } = setUp();
    await handlers['content→bg:token-seen'](
      { candidates: [CANDIDATE], trigger: 'load' },
      content(`${CAPTURE_SITE}?token=${TOKEN}`),
    );
    const reply = await handlers['page→bg:get-captures']({ tabId: '7' as never }, page);
    expect(reply.currentTab).toEqual([]);
    expect(reply.elsewhere).toHaveLength(1);
  });

  it('pastes text, and auto-verifies what it kept; text that is not a string is an empty paste', async () => {
    const { handlers, verification } = setUp();
    const pasted = await handlers['page→bg:paste-token']({ text: `Bearer ${TOKEN}` }, page);
    expect(pasted).toMatchObject({ ok: true, value: { token: TOKEN, tabId: null } });
    expect(verification.autoVerify).toHaveBeenCalledOnce();
    expect(await handlers['page→bg:paste-token']({ text: { toString: () => TOKEN } as never }, page)).toMatchObject({
      ok: false,
    });
    expect(verification.autoVerify).toHaveBeenCalledOnce();
  });

  it('clears one tab or all, and sets the badges again', async () => {
    const { handlers, store, refreshBadge } = setUp();
    await handlers['content→bg:token-seen'](
      { candidates: [CANDIDATE], trigger: 'load' },
      content(`${CAPTURE_SITE}?token=${TOKEN}`),
    );
    refreshBadge.mockClear();
    expect(await handlers['page→bg:clear-captures']({ scope: 'tab', tabId: '7' as never }, page)).toEqual({
      cleared: 0,
    });
    expect(await handlers['page→bg:clear-captures']({ scope: 'nothing' as never, tabId: 7 }, page)).toEqual({
      cleared: 0,
    });
    expect(refreshBadge).not.toHaveBeenCalled();
    expect(await handlers['page→bg:clear-captures']({ scope: 'tab', tabId: 7 }, page)).toEqual({ cleared: 1 });
    expect(refreshBadge).toHaveBeenCalledWith(7);
    await handlers['content→bg:token-seen'](
      { candidates: [CANDIDATE], trigger: 'load' },
      content(`${CAPTURE_SITE}?token=${TOKEN}`),
    );
    refreshBadge.mockClear();
    expect(await handlers['page→bg:clear-captures']({ scope: 'all' }, page)).toEqual({ cleared: 1 });
    expect(refreshBadge.mock.calls.map(([tabId]) => tabId)).toEqual([7]);
    expect(await store.forTab(7)).toEqual([]);
  });

  it('verifies only a capture id that is a string, and forces only on true', async () => {
    const { handlers, verification } = setUp();
    for (const captureId of [{ toString: null }, 42, null, undefined, ['c1']]) {
      expect(await handlers['page→bg:verify']({ captureId: captureId as never, force: true }, page)).toEqual({
        ok: false,
        error: expect.objectContaining({ en: expect.stringMatching(/names no token/) }),
      });
    }
    expect(verification.verify).not.toHaveBeenCalled();
    await handlers['page→bg:verify']({ captureId: 'c1', force: 'yes' as never }, page);
    expect(verification.verify).toHaveBeenLastCalledWith('c1', false);
    await handlers['page→bg:verify']({ captureId: 'c1', force: true }, page);
    expect(verification.verify).toHaveBeenLastCalledWith('c1', true);
  });
});

describe('page→bg: settings', () => {
  const withClientId = {
    ...DEFAULT_SETTINGS,
    verification: { ...DEFAULT_SETTINGS.verification, clientId: 'SECRET-CLIENT' },
    captureSites: ['http://10.1.2.3:8080'],
  };

  it('gives the popup a view of the settings without the ClientID', async () => {
    const { handlers, settings } = setUp();
    await settings.save(withClientId);
    const view = await handlers['page→bg:get-settings-view']({}, page);
    expect(view.verification.hasClientId).toBe(true);
    expect(JSON.stringify(view)).not.toContain('SECRET-CLIENT');
  });

  it('switches the language only to th or en, and answers with the view', async () => {
    const { handlers, settings } = setUp();
    await settings.save(withClientId);
    for (const language of ['fr', { toString: null }, null]) {
      expect(await handlers['page→bg:set-language']({ language: language as never }, page)).toMatchObject({
        ok: false,
        error: { en: 'The language must be th or en.' },
      });
    }
    const reply = await handlers['page→bg:set-language']({ language: 'en' }, page);
    expect(reply).toMatchObject({ ok: true, value: { language: 'en' } });
    expect(JSON.stringify(reply)).not.toContain('SECRET-CLIENT');
    expect((await settings.get()).verification.clientId).toBe('SECRET-CLIENT');
  });

  it('saves valid settings and then registers capture on their sites; refuses invalid ones', async () => {
    const { handlers, settings, syncCaptureSiteScripts } = setUp();
    expect(await handlers['page→bg:save-settings']({ settings: withClientId }, page)).toMatchObject({ ok: true });
    expect(syncCaptureSiteScripts).toHaveBeenCalledWith(['http://10.1.2.3:8080']);
    syncCaptureSiteScripts.mockClear();
    expect(
      await handlers['page→bg:save-settings']({ settings: { ...withClientId, language: 'fr' } as never }, page),
    ).toMatchObject({ ok: false });
    expect(syncCaptureSiteScripts).not.toHaveBeenCalled();
    expect(await handlers['page→bg:get-settings']({}, page)).toEqual(await settings.get());
  });

  it('syncs capture scripts with the stored sites on request', async () => {
    const { handlers, settings, syncCaptureSiteScripts } = setUp();
    await settings.save(withClientId);
    expect(await handlers['page→bg:sync-capture-sites']({}, page)).toEqual({
      registered: ['http://10.1.2.3:8080'],
      missingPermission: [],
    });
    expect(syncCaptureSiteScripts).toHaveBeenCalledWith(['http://10.1.2.3:8080']);
  });

  it('loads a WSDL only from an address that is a string', async () => {
    const { handlers, verifier } = setUp();
    expect(await handlers['page→bg:load-wsdl']({ url: { toString: null } as never }, page)).toMatchObject({
      ok: false,
      error: { en: 'No WSDL address was given.' },
    });
    expect(verifier.loadWsdl).not.toHaveBeenCalled();
    await handlers['page→bg:load-wsdl']({ url: 'http://127.0.0.1:1/svc?wsdl' }, page);
    expect(verifier.loadWsdl).toHaveBeenCalledWith('http://127.0.0.1:1/svc?wsdl');
  });

  it('tests the connection through the verification service', async () => {
    const { handlers, verification } = setUp();
    await handlers['page→bg:test-connection']({}, page);
    expect(verification.testConnection).toHaveBeenCalledOnce();
  });
});
