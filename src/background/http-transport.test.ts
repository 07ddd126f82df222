import { describe, expect, it } from 'vitest';
import { deadline, detachedFetch, readCapped, TooLarge } from './http-transport';

describe('http transport', () => {
  it('calls the fetch it was given with no `this`, as a browser’s own fetch requires', async () => {
    const seen: unknown[] = [];
    // Chrome's worker throws "Illegal invocation" when fetch is called as a method of another object.
    const strictFetch = function (this: unknown) {
      seen.push(this);
      if (this !== undefined && this !== globalThis) throw new TypeError('Illegal invocation');
      return Promise.resolve(new Response('ok'));
    } as unknown as typeof fetch;
    const holder = { fetch: detachedFetch(strictFetch) };
    await expect(holder.fetch('http://127.0.0.1/')).resolves.toBeInstanceOf(Response);
    expect(seen).toEqual([undefined]);
  });

  it('reads a body up to the limit, in the charset the server names', async () => {
    const body = new TextEncoder().encode('ก');
    expect(await readCapped(new Response(body, { headers: { 'content-type': 'text/xml; charset=utf-8' } }), 3)).toBe(
      'ก',
    );
    expect(await readCapped(new Response('abc', { headers: { 'content-type': 'text/xml; charset=no-such' } }), 3)).toBe(
      'abc',
    );
  });

  it('stops reading beyond the limit', async () => {
    await expect(readCapped(new Response('x'.repeat(11)), 10)).rejects.toBeInstanceOf(TooLarge);
  });

  it('aborts when the deadline passes, and says that it was the deadline', async () => {
    const timer = deadline(5);
    await new Promise((resolve) => timer.signal.addEventListener('abort', resolve));
    expect(timer.timedOut()).toBe(true);
    const cleared = deadline(5);
    cleared.clear();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(cleared.timedOut()).toBe(false);
    expect(cleared.signal.aborted).toBe(false);
  });
});
