import { describe, expect, it, vi } from 'vitest';
import { createVerifier } from './verifier';
import { outcomeOf, settingsFor } from '../test-support/verifier-test-server';

describe('fetch errors, as browsers and Node report them', () => {
  const failingWith = (error: unknown) =>
    createVerifier({ fetch: async () => Promise.reject(error), now: () => 0, hasHostPermission: async () => true });

  it('Node DNS failure (undici cause.code ENOTFOUND) → dns', async () => {
    const error = Object.assign(new TypeError('fetch failed'), {
      cause: Object.assign(new Error('getaddrinfo ENOTFOUND diwinfo.diw.go.th'), { code: 'ENOTFOUND' }),
    });
    expect(
      outcomeOf(await failingWith(error).verify('a.b.c', settingsFor('http://127.0.0.1:9/ws'), null)),
    ).toMatchObject({ code: 'dns' });
  });

  it('Node refusal inside an AggregateError → connection-refused', async () => {
    const error = Object.assign(new TypeError('fetch failed'), { cause: { errors: [{ code: 'ECONNREFUSED' }] } });
    expect(
      outcomeOf(await failingWith(error).verify('a.b.c', settingsFor('http://127.0.0.1:9/ws'), null)),
    ).toMatchObject({ code: 'connection-refused' });
  });

  it.each(['Failed to fetch', 'NetworkError when attempting to fetch resource.'])(
    'browser "%s" → network, saying honestly it cannot tell which',
    async (message) => {
      const result = await failingWith(new TypeError(message)).verify(
        'a.b.c',
        settingsFor('http://127.0.0.1:9/ws'),
        null,
      );
      expect(outcomeOf(result)).toMatchObject({ code: 'network' });
      expect(result.outcome.kind === 'failed' && result.outcome.detail).toContain('refused, DNS or offline');
      expect(result.findings[0]!.title.en).toBe('Could not connect (refused, DNS or offline)');
    },
  );

  // What webRequest.onErrorOccurred names. Seen here: net::ERR_CONNECTION_REFUSED, net::ERR_NAME_NOT_RESOLVED,
  // net::ERR_UNSAFE_PORT (Chromium 156) and NS_ERROR_CONNECTION_REFUSED (Firefox ESR 153); the rest are
  // the browsers' names for the same failures, not observed on this closed network.
  it.each([
    ['net::ERR_CONNECTION_REFUSED', 'connection-refused'],
    ['NS_ERROR_CONNECTION_REFUSED', 'connection-refused'],
    ['net::ERR_NAME_NOT_RESOLVED', 'dns'],
    ['NS_ERROR_UNKNOWN_HOST', 'dns'],
    ['net::ERR_CONNECTION_TIMED_OUT', 'timeout'],
    ['NS_ERROR_NET_TIMEOUT', 'timeout'],
    ['net::ERR_UNSAFE_PORT', 'network'],
  ])('browser fetch error named by webRequest as %s → %s', async (name, code) => {
    const asked: Array<[string, number]> = [];
    const verifier = createVerifier({
      fetch: async () => Promise.reject(new TypeError('Failed to fetch')),
      now: () => 5_000,
      hasHostPermission: async () => true,
      browserNetworkError: async (url, since) => {
        asked.push([url, since]);
        return name;
      },
    });
    const result = await verifier.verify('a.b.c', settingsFor('http://127.0.0.1:9/ws'), null);
    expect(outcomeOf(result)).toMatchObject({ code });
    expect(result.outcome.kind === 'failed' && result.outcome.detail).toContain(name);
    // It asks about its own endpoint, for errors since the call began.
    expect(asked).toEqual([['http://127.0.0.1:9/ws', 5_000]]);
  });

  it('does not ask the browser when Node already named the cause', async () => {
    const browserNetworkError = vi.fn(async () => 'net::ERR_NAME_NOT_RESOLVED');
    const error = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    const verifier = createVerifier({
      fetch: async () => Promise.reject(error),
      now: () => 0,
      hasHostPermission: async () => true,
      browserNetworkError,
    });
    expect(outcomeOf(await verifier.verify('a.b.c', settingsFor('http://127.0.0.1:9/ws'), null))).toMatchObject({
      code: 'connection-refused',
    });
    expect(browserNetworkError).not.toHaveBeenCalled();
  });

  it('a browser that names nothing still gets the honest "could not connect"', async () => {
    const verifier = createVerifier({
      fetch: async () => Promise.reject(new TypeError('Failed to fetch')),
      now: () => 0,
      hasHostPermission: async () => true,
      browserNetworkError: async () => null,
    });
    expect(outcomeOf(await verifier.verify('a.b.c', settingsFor('http://127.0.0.1:9/ws'), null))).toMatchObject({
      code: 'network',
    });
  });
});
