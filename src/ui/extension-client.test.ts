import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { ExtensionClient } from './extension-client';
import { DEFAULT_SETTINGS } from '../shared/settings';
import { SETTINGS_VIEW_KEY, settingsView } from '../shared/settings-view';
import { captureKey, storedPopupData } from '../shared/stored-captures';
import { FIXTURE_TOKENS, makeCapture } from '../test-support/fixtures';

// The pages reach the extension API through the browser's own global (shared/page-browser.ts),
// read when that module loads: the fake is put there before any import runs.
await vi.hoisted(async () => {
  const { fakeBrowser: fake } = await import('@webext-core/fake-browser');
  (globalThis as { browser?: unknown }).browser = fake;
});

describe('ExtensionClient: the popup’s own read of storage.session', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads the published settings view and the captures, and never the areas that hold the ClientID', async () => {
    const local = vi.spyOn(fakeBrowser.storage.local, 'get');
    const sendMessage = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    const mine = makeCapture(FIXTURE_TOKENS.valid, { tabId: 7 });
    const other = makeCapture(FIXTURE_TOKENS.expired, { tabId: 9 });
    const view = settingsView(DEFAULT_SETTINGS);
    await fakeBrowser.storage.session.set({
      [SETTINGS_VIEW_KEY]: view,
      [captureKey(7)]: [mine],
      [captureKey(9)]: [other],
    });
    expect(storedPopupData(await new ExtensionClient().readSessionArea(), 7)).toEqual({
      settings: view,
      view: { currentTab: [mine], elsewhere: [other] },
    });
    expect(local).not.toHaveBeenCalled();
    expect(sendMessage).not.toHaveBeenCalled();
  });

  it('finds nothing before the background has published the settings view', async () => {
    await fakeBrowser.storage.session.set({ [captureKey(7)]: [makeCapture(FIXTURE_TOKENS.valid)] });
    expect(storedPopupData(await new ExtensionClient().readSessionArea(), 7)).toBeNull();
  });

  it('reports a change of the published view as a change the popup reads again', async () => {
    const listener = vi.fn();
    const unsubscribe = new ExtensionClient().onCapturesChanged(listener);
    await fakeBrowser.storage.session.set({ [SETTINGS_VIEW_KEY]: settingsView(DEFAULT_SETTINGS) });
    expect(listener).toHaveBeenCalledOnce();
    unsubscribe();
  });

  it('reports the captures’ new values, and nothing of keys the popup does not show', async () => {
    const listener = vi.fn();
    const unsubscribe = new ExtensionClient().onCapturesChanged(listener);
    await fakeBrowser.storage.session.set({ 'timeline:tab:7': { hops: [] }, 'store:cleared': { all: 1, keys: {} } });
    expect(listener).not.toHaveBeenCalled();
    const captures = [makeCapture(FIXTURE_TOKENS.valid)];
    await fakeBrowser.storage.session.set({ [captureKey(7)]: captures, 'timeline:tab:7': { hops: [1] } });
    expect(listener).toHaveBeenCalledExactlyOnceWith({
      [captureKey(7)]: expect.objectContaining({ newValue: captures }),
    });
    unsubscribe();
  });
});
