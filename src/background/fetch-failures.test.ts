import { describe, expect, it, vi } from 'vitest';
import { classifyFetchError, createFetchErrorNamer, failureFromBrowserError } from './fetch-failures';

const nodeError = (code: string) => Object.assign(new TypeError('fetch failed'), { cause: { code } });

describe('naming a failed fetch', () => {
  it('says timeout when the deadline passed, whatever else was thrown', () => {
    expect(classifyFetchError(nodeError('ECONNREFUSED'), true, 1000, null)).toMatchObject({ code: 'timeout' });
  });

  it('reads Node’s system error, also inside an AggregateError', () => {
    expect(classifyFetchError(nodeError('ECONNREFUSED'), false, 1000, null).code).toBe('connection-refused');
    expect(classifyFetchError(nodeError('ENOTFOUND'), false, 1000, null).code).toBe('dns');
    expect(classifyFetchError(nodeError('UND_ERR_CONNECT_TIMEOUT'), false, 1000, null).code).toBe('timeout');
    expect(
      classifyFetchError(
        Object.assign(new TypeError('fetch failed'), { cause: { errors: [{ code: 'ECONNREFUSED' }] } }),
        false,
        1000,
        null,
      ).code,
    ).toBe('connection-refused');
    expect(classifyFetchError(nodeError('EPROTO'), false, 1000, null)).toMatchObject({
      code: 'network',
      detail: expect.stringContaining('EPROTO'),
    });
  });

  it('falls back to the browser’s name, and to "could not connect" without one', () => {
    expect(classifyFetchError(new TypeError('Failed to fetch'), false, 1000, 'net::ERR_NAME_NOT_RESOLVED').code).toBe(
      'dns',
    );
    expect(classifyFetchError(new TypeError('Failed to fetch'), false, 1000, null)).toMatchObject({
      code: 'network',
      detail: expect.stringContaining('Failed to fetch'),
    });
  });

  it('knows Chromium’s and Firefox’s names', () => {
    expect(failureFromBrowserError('net::ERR_CONNECTION_REFUSED').code).toBe('connection-refused');
    expect(failureFromBrowserError('NS_ERROR_UNKNOWN_HOST').code).toBe('dns');
    expect(failureFromBrowserError('NS_ERROR_NET_TIMEOUT').code).toBe('timeout');
    expect(failureFromBrowserError('net::ERR_SSL_PROTOCOL_ERROR')).toMatchObject({
      code: 'network',
      detail: expect.stringContaining('ERR_SSL_PROTOCOL_ERROR'),
    });
  });

  it('asks the browser only when neither the deadline nor Node said why, and survives its failing', async () => {
    const browserNetworkError = vi.fn(async () => 'net::ERR_CONNECTION_REFUSED');
    const name = createFetchErrorNamer(browserNetworkError);
    expect((await name(nodeError('ENOTFOUND'), false, 1000, 'http://x/', 0)).code).toBe('dns');
    expect((await name(new Error('x'), true, 1000, 'http://x/', 0)).code).toBe('timeout');
    expect(browserNetworkError).not.toHaveBeenCalled();
    expect((await name(new TypeError('Failed to fetch'), false, 1000, 'http://x/', 5)).code).toBe('connection-refused');
    expect(browserNetworkError).toHaveBeenCalledWith('http://x/', 5);
    const failing = createFetchErrorNamer(async () => Promise.reject(new Error('gone')));
    expect((await failing(new TypeError('Failed to fetch'), false, 1000, 'http://x/', 0)).code).toBe('network');
    expect((await createFetchErrorNamer()(new TypeError('Failed to fetch'), false, 1000, 'http://x/', 0)).code).toBe(
      'network',
    );
  });
});
