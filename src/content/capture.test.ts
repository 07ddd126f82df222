// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FIXTURE_TOKENS } from '../test-support/fixtures';

const queryToken = FIXTURE_TOKENS.valid;
const fragmentToken = FIXTURE_TOKENS.expired;

/**
 * Runs the capture script as the browser would at document_start on `url`, with the document in
 * `readyState`, and returns the messages it sent before the page's load.
 */
async function messagesAtStart(url: string, readyState: DocumentReadyState): Promise<unknown[]> {
  vi.resetModules();
  history.replaceState(null, '', url);
  vi.spyOn(document, 'readyState', 'get').mockReturnValue(readyState);
  const sendMessage = vi.fn(() => Promise.resolve());
  vi.stubGlobal('chrome', { runtime: { sendMessage } });
  await import('./capture');
  return sendMessage.mock.calls.map((call: unknown[]) => call[0]);
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('the capture script at document_start', () => {
  it('leaves a token in the query to the webRequest observer, and reports the one in the #fragment', async () => {
    const sent = await messagesAtStart(`/callback?code=${queryToken}#id_token=${fragmentToken}`, 'loading');
    expect(sent).toEqual([
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
    expect(await messagesAtStart(`/callback?code=${queryToken}`, 'loading')).toEqual([]);
  });

  it('reports the query too in a page that loaded before the script ran, which no observer saw', async () => {
    const sent = (await messagesAtStart(`/callback?code=${queryToken}`, 'complete')) as Array<{
      type: string;
      payload: { candidates?: Array<{ value: string }> };
    }>;
    const seen = sent.find((message) => message.type === 'content→bg:token-seen');
    expect(seen?.payload.candidates?.map((candidate) => candidate.value)).toEqual([queryToken]);
  });
});
