import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { DEFAULT_SETTINGS } from '../shared/settings';
import { SETTINGS_VIEW_KEY } from '../shared/settings-view';
import { TOKEN, CANDIDATE, CAPTURE_SITE, content, page, setUp } from '../test-support/handlers-harness';

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
    expect(verification.currentFingerprint).toHaveBeenCalledTimes(2);
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

  it('answers a wake-up once what a stopped worker left unfinished is settled', async () => {
    let settle!: () => void;
    const { handlers } = setUp({ ready: new Promise<void>((resolve) => (settle = resolve)) });
    let answered = false;
    const reply = handlers['page→bg:wake']({}, page).then((value) => {
      answered = true;
      return value;
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(answered).toBe(false);
    settle();
    expect(await reply).toEqual({ ready: true });
  });
});

describe('page→bg: settings', () => {
  const withClientId = {
    ...DEFAULT_SETTINGS,
    verification: { ...DEFAULT_SETTINGS.verification, clientId: 'SECRET-CLIENT' },
    captureSites: ['http://10.1.2.3:8080'],
  };

  const published = async () => (await fakeBrowser.storage.session.get(SETTINGS_VIEW_KEY))[SETTINGS_VIEW_KEY];

  it('gives the popup a view of the settings without the ClientID, and publishes it again for the next time', async () => {
    const { handlers, settings } = setUp();
    await settings.save(withClientId);
    const view = await handlers['page→bg:get-settings-view']({}, page);
    expect(view.verification.hasClientId).toBe(true);
    expect(JSON.stringify(view)).not.toContain('SECRET-CLIENT');
    await vi.waitFor(async () => expect(await published()).toEqual(view));
  });

  it('publishes the new view before answering a language switch or a save', async () => {
    const { handlers } = setUp();
    await handlers['page→bg:set-language']({ language: 'en' }, page);
    expect(await published()).toMatchObject({ language: 'en' });
    await handlers['page→bg:save-settings']({ settings: withClientId }, page);
    expect(await published()).toMatchObject({ language: 'th', verification: { hasClientId: true } });
    expect(JSON.stringify(await fakeBrowser.storage.session.get(null))).not.toContain('SECRET-CLIENT');
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

describe('page→bg: settings under an organisation policy', () => {
  const managed = { clientId: 'ORG-CLIENT-9', captureSites: ['https://app.industry.go.th'], style: 'fancy' };

  it('never hands the policy’s ClientID to the options page, on reading or after a save', async () => {
    const { handlers } = setUp({ managed });
    const shown = await handlers['page→bg:get-settings']({}, page);
    expect(shown.verification.clientId).toBe('');
    const saved = await handlers['page→bg:save-settings']({ settings: shown }, page);
    expect(saved.ok && saved.value.verification.clientId).toBe('');
    expect(JSON.stringify(saved)).not.toContain('ORG-CLIENT-9');
  });

  it('tells the pages which settings are locked and what in the policy was not used', async () => {
    const { handlers } = setUp({ managed });
    const view = await handlers['page→bg:get-policy']({}, page);
    expect(view.keys).toEqual(['clientId', 'captureSites']);
    expect(view.captureSites).toEqual(['https://app.industry.go.th']);
    expect(view.problems.map((problem) => problem.en)).toEqual([
      'policy "style" (Style): must be one of: document, rpc, so it is ignored, and the local setting applies',
    ]);
    expect((await handlers['page→bg:get-settings-view']({}, page)).verification.hasClientId).toBe(true);
  });

  it('registers capture on the organisation’s sites when settings are saved', async () => {
    const { handlers, syncCaptureSiteScripts } = setUp({ managed });
    await handlers['page→bg:save-settings']({ settings: DEFAULT_SETTINGS }, page);
    expect(syncCaptureSiteScripts).toHaveBeenCalledWith(['https://app.industry.go.th']);
  });
});
