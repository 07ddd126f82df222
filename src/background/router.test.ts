import { describe, expect, it, vi } from 'vitest';
import { createRouter, type Handlers } from './router';

const self = {
  extensionId: 'ext-id',
  extensionOrigin: 'chrome-extension://ext-id/',
  optionsPageUrl: 'chrome-extension://ext-id/src/options/index.html',
};

function handlersWithSpies() {
  const spies = {
    tokenSeen: vi.fn(async () => ({ stored: 1 })),
    verify: vi.fn(async () => ({ ok: false as const, error: { th: 'x', en: 'x' } })),
  };
  const handlers = new Proxy({} as Handlers, {
    get: (_target, type) =>
      type === 'content→bg:token-seen'
        ? spies.tokenSeen
        : type === 'page→bg:verify'
          ? spies.verify
          : vi.fn(async () => ({})),
  });
  return { spies, route: createRouter(handlers, self) };
}

describe('message router', () => {
  it('ignores what is not one of our messages', () => {
    const { route } = handlersWithSpies();
    expect(route({ type: 'something-else', payload: {} }, { id: 'ext-id' })).toBeUndefined();
    expect(route('hello', { id: 'ext-id' })).toBeUndefined();
  });

  it('rejects messages from another extension', async () => {
    const { route, spies } = handlersWithSpies();
    await expect(
      route(
        { type: 'page→bg:verify', payload: { captureId: 'a', force: false } },
        { id: 'other', url: 'chrome-extension://other/popup.html' },
      ),
    ).rejects.toThrow(/this extension/);
    expect(spies.verify).not.toHaveBeenCalled();
  });

  it('lets only the extension’s own pages ask for verification (a content script cannot)', async () => {
    const { route, spies } = handlersWithSpies();
    await expect(
      route(
        { type: 'page→bg:verify', payload: { captureId: 'a', force: true } },
        { id: 'ext-id', url: 'http://127.0.0.1:8080/callback', tab: { id: 4 } },
      ),
    ).rejects.toThrow(/own pages/);
    expect(spies.verify).not.toHaveBeenCalled();
    await route(
      { type: 'page→bg:verify', payload: { captureId: 'a', force: true } },
      { id: 'ext-id', url: 'chrome-extension://ext-id/src/popup/index.html' },
    );
    expect(spies.verify).toHaveBeenCalledOnce();
  });

  it('takes the tab of a content message from sender, not from the payload', async () => {
    const { route, spies } = handlersWithSpies();
    await route(
      { type: 'content→bg:token-seen', payload: { candidates: [], tabId: 999 } },
      { id: 'ext-id', url: 'http://127.0.0.1/cb', tab: { id: 7 }, frameId: 0 },
    );
    expect(spies.tokenSeen).toHaveBeenCalledWith(
      { candidates: [], tabId: 999 },
      { tabId: 7, frameId: 0, url: 'http://127.0.0.1/cb' },
    );
  });

  it('rejects content messages that come from no tab or from an extension page', async () => {
    const { route } = handlersWithSpies();
    await expect(
      route({ type: 'content→bg:token-seen', payload: { candidates: [] } }, { id: 'ext-id', url: 'http://127.0.0.1/' }),
    ).rejects.toThrow();
    await expect(
      route(
        { type: 'content→bg:token-seen', payload: { candidates: [] } },
        { id: 'ext-id', url: 'chrome-extension://ext-id/src/popup/index.html', tab: { id: 1 } },
      ),
    ).rejects.toThrow();
  });

  it('lets only the options page read the full settings or spend the ClientID; the popup gets the view without it', async () => {
    const { route } = handlersWithSpies();
    const popup = { id: 'ext-id', url: 'chrome-extension://ext-id/src/popup/index.html' };
    const options = { id: 'ext-id', url: 'chrome-extension://ext-id/src/options/index.html#verification' };
    for (const type of [
      'page→bg:get-settings',
      'page→bg:save-settings',
      'page→bg:load-wsdl',
      'page→bg:test-connection',
    ]) {
      await expect(route({ type, payload: {} }, popup)).rejects.toThrow(/options page/);
      await expect(route({ type, payload: {} }, options)).resolves.toBeDefined();
    }
    await expect(route({ type: 'page→bg:get-settings-view', payload: {} }, popup)).resolves.toBeDefined();
  });
});
