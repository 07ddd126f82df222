import { describe, expect, it, vi } from 'vitest';
import type { Browser } from '../shared/browser';
import { listenToNavigations, pageLoadObserver, type NavigationObserver } from './listeners';

type Listener = (...args: unknown[]) => unknown;

/** A browser whose events only keep what is registered on them. */
function fakeBrowser() {
  const registered = new Map<string, Array<{ listener: Listener; rest: unknown[] }>>();
  const event = (name: string) => ({
    addListener: (listener: Listener, ...rest: unknown[]) =>
      registered.set(name, [...(registered.get(name) ?? []), { listener, rest }]),
  });
  const browser = {
    webRequest: Object.fromEntries(
      ['onBeforeRequest', 'onSendHeaders', 'onBeforeRedirect', 'onCompleted', 'onErrorOccurred'].map((name) => [
        name,
        event(name),
      ]),
    ),
    tabs: { onUpdated: event('onUpdated'), onRemoved: event('onRemoved') },
  } as unknown as Browser;
  const fire = (name: string, ...args: unknown[]) => {
    for (const { listener } of registered.get(name) ?? []) listener(...args);
  };
  return { browser, registered, fire };
}

const request = (type: 'main_frame' | 'sub_frame', tabId = 3) => ({
  tabId,
  type,
  url: 'http://127.0.0.1/',
  requestId: '1',
});

describe('listening to navigations', () => {
  it('registers one listener per event, for pages and frames, with what the observers read', () => {
    const { browser, registered } = fakeBrowser();
    listenToNavigations(browser, [{}, {}, {}]);
    const filter = { urls: ['http://*/*', 'https://*/*'], types: ['main_frame', 'sub_frame'] };
    expect(
      Object.fromEntries([...registered].map(([name, listeners]) => [name, listeners.map((l) => l.rest)])),
    ).toEqual({
      onBeforeRequest: [[filter, ['requestBody']]],
      onSendHeaders: [[filter, ['requestHeaders']]],
      onBeforeRedirect: [[filter, ['responseHeaders']]],
      onCompleted: [[filter, ['responseHeaders']]],
      onErrorOccurred: [[filter]],
      onUpdated: [[]],
      onRemoved: [[]],
    });
  });

  it('tells every observer of each event, in the order given, and a tab’s load only once complete', () => {
    const { browser, fire } = fakeBrowser();
    const heard: string[] = [];
    const observer = (name: string): NavigationObserver => ({
      beforeRequest: (details) => heard.push(`${name} request ${details.type}`),
      beforeRedirect: () => heard.push(`${name} redirect`),
      tabComplete: (tabId) => heard.push(`${name} complete ${tabId}`),
      tabClosed: (tabId) => heard.push(`${name} closed ${tabId}`),
    });
    listenToNavigations(browser, [observer('first'), observer('second')]);
    fire('onBeforeRequest', request('main_frame'));
    fire('onBeforeRedirect', request('main_frame'));
    fire('onUpdated', 3, { status: 'loading' });
    fire('onUpdated', 3, { title: 'Callback' });
    fire('onUpdated', 3, { status: 'complete' });
    fire('onRemoved', 3, {});
    expect(heard).toEqual([
      'first request main_frame',
      'second request main_frame',
      'first redirect',
      'second redirect',
      'first complete 3',
      'second complete 3',
      'first closed 3',
      'second closed 3',
    ]);
  });

  it('still tells the observers after one that throws, and reports the error as uncaught', () => {
    const { browser, fire } = fakeBrowser();
    const reported: Array<() => void> = [];
    vi.spyOn(globalThis, 'queueMicrotask').mockImplementation((callback) => reported.push(callback));
    const later = vi.fn();
    listenToNavigations(browser, [
      {
        completed: () => {
          throw new Error('observer failed');
        },
      },
      { completed: later },
    ]);
    fire('onCompleted', request('main_frame'));
    vi.restoreAllMocks();
    expect(later).toHaveBeenCalledOnce();
    expect(reported).toHaveLength(1);
    expect(reported[0]!).toThrow('observer failed');
  });
});

describe('the page-load observer', () => {
  it('follows a tab’s page, not its frames: loading, answered, loaded or failed, closed', () => {
    const afterPageLoad = { started: vi.fn(), responded: vi.fn(), finished: vi.fn(), closed: vi.fn() };
    const observer = pageLoadObserver(afterPageLoad);
    for (const type of ['sub_frame', 'main_frame'] as const) {
      observer.beforeRequest!(request(type) as never);
      observer.completed!(request(type) as never);
      observer.errorOccurred!(request(type) as never);
    }
    observer.tabComplete!(3);
    observer.tabClosed!(3);
    expect(afterPageLoad.started.mock.calls).toEqual([[3]]);
    expect(afterPageLoad.responded.mock.calls).toEqual([[3]]);
    expect(afterPageLoad.finished.mock.calls).toEqual([[3], [3]]);
    expect(afterPageLoad.closed.mock.calls).toEqual([[3]]);
  });
});
