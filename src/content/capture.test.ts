// @vitest-environment happy-dom
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { FIXTURE_TOKENS } from '../test-support/fixtures';

const queryToken = FIXTURE_TOKENS.valid;
const fragmentToken = FIXTURE_TOKENS.expired;

/**
 * Runs the capture script as the browser would at document_start on `url`, or, as Firefox does in
 * pages open when the extension is installed, after the page's load.
 */
async function startOn(url: string, loaded: 'loading' | 'loaded before the script') {
  vi.resetModules();
  history.replaceState(null, '', url);
  const loadEventEnd = loaded === 'loading' ? 0 : 120;
  vi.spyOn(performance, 'getEntriesByType').mockReturnValue([{ loadEventEnd } as PerformanceNavigationTiming]);
  const sendMessage = vi.fn((_message: { type: string }) => Promise.resolve());
  vi.stubGlobal('chrome', { runtime: { sendMessage } });
  const addEventListener = vi.spyOn(window, 'addEventListener');
  await import('./capture');
  // Each run adds its listeners to the one window of this file: they go with the test.
  for (const [type, listener] of addEventListener.mock.calls)
    onTestFinished(() => window.removeEventListener(type, listener));
  return { sent: () => sendMessage.mock.calls.map(([message]) => message) };
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('the capture script at document_start', () => {
  it('leaves a token in the query to the webRequest observer, and reports the one in the #fragment', async () => {
    const page = await startOn(`/callback?code=${queryToken}#id_token=${fragmentToken}`, 'loading');
    expect(page.sent()).toEqual([
      {
        type: 'content→bg:token-seen',
        payload: {
          trigger: 'load',
          candidates: [{ location: 'fragment', parameter: 'id_token', value: fragmentToken }],
        },
      },
    ]);
  });

  it('sends nothing for a page whose only token is in the query', async () => {
    expect((await startOn(`/callback?code=${queryToken}`, 'loading')).sent()).toEqual([]);
  });

  it('reports all of a page that loaded before the script ran, which no observer saw, and its hygiene', async () => {
    const sent = (await startOn(`/callback?code=${queryToken}`, 'loaded before the script')).sent() as Array<{
      type: string;
      payload: { candidates?: Array<{ value: string }> };
    }>;
    expect(sent.map((message) => message.type)).toEqual(['content→bg:token-seen', 'content→bg:page-hygiene']);
    expect(sent[0]?.payload.candidates?.map((candidate) => candidate.value)).toEqual([queryToken]);
  });
});

describe('the capture script at load', () => {
  it('reports the hygiene of a page that kept its token in its address', async () => {
    const page = await startOn(`/callback?code=${queryToken}`, 'loading');
    dispatchEvent(new Event('load'));
    expect(page.sent().map((message) => message.type)).toEqual(['content→bg:page-hygiene']);
  });

  it('sends nothing for a page that took its token out of its address', async () => {
    const page = await startOn(`/callback?code=${queryToken}`, 'loading');
    history.replaceState(null, '', '/callback');
    dispatchEvent(new Event('load'));
    expect(page.sent()).toEqual([]);
  });

  it('reports a token that arrives later in the #fragment, and not the query’s again', async () => {
    const page = await startOn(`/callback?code=${queryToken}`, 'loading');
    history.replaceState(null, '', `/callback?code=${queryToken}#id_token=${fragmentToken}`);
    dispatchEvent(new Event('hashchange'));
    expect(page.sent()).toEqual([
      {
        type: 'content→bg:token-seen',
        payload: {
          trigger: 'hashchange',
          candidates: [{ location: 'fragment', parameter: 'id_token', value: fragmentToken }],
        },
      },
    ]);
  });
});
