import { afterEach, describe, expect, it, vi } from 'vitest';
import { createVerifier } from './verifier';
import type { VerificationSettings } from '../shared/settings';
import { settingsFor } from '../test-support/verifier-test-server';

describe('before any network call', () => {
  const spyFetch = vi.fn<typeof fetch>();
  const verifier = (hasHostPermission: (url: string) => Promise<boolean> = async () => true) =>
    createVerifier({ fetch: spyFetch, now: () => 1_000, hasHostPermission });

  afterEach(() => spyFetch.mockReset());

  it('no ClientID → no-client-id', async () => {
    const result = await verifier().verify('a.b.c', settingsFor('http://127.0.0.1:9/ws', { clientId: '  ' }), null);
    expect(result.outcome).toMatchObject({ kind: 'failed', code: 'no-client-id' });
    expect(result.findings[0]!.code).toBe('verify-no-client-id');
    expect(spyFetch).not.toHaveBeenCalled();
  });

  it.each([
    [{ endpoint: '' }, 'No service address'],
    [{ endpoint: 'ftp://127.0.0.1/ws' }, 'not an http(s) URL'],
    [{ operation: '' }, 'No operation'],
    [{ tokenParameter: '' }, 'takes the token'],
    [{ clientIdParameter: '' }, 'takes the ClientID'],
    [{ clientIdParameter: 'token' }, 'same parameter'],
    [{ operation: 'Diw Login' }, 'not a valid XML element name'],
  ] as Array<[Partial<VerificationSettings>, string]>)('%j → no-endpoint', async (overrides, why) => {
    const result = await verifier().verify('a.b.c', settingsFor('http://127.0.0.1:9/ws', overrides), null);
    expect(result.outcome).toMatchObject({ kind: 'failed', code: 'no-endpoint' });
    expect(result.outcome.kind === 'failed' && result.outcome.detail).toContain(why);
    expect(spyFetch).not.toHaveBeenCalled();
  });

  it('no host permission → no-permission', async () => {
    const asked: string[] = [];
    const result = await verifier(async (url: string) => (asked.push(url), false)).verify(
      'a.b.c',
      settingsFor('http://127.0.0.1:9/ws'),
      null,
    );
    expect(result.outcome).toMatchObject({ kind: 'failed', code: 'no-permission' });
    expect(asked).toEqual(['http://127.0.0.1:9/ws']);
    expect(spyFetch).not.toHaveBeenCalled();
  });

  it('a permission check that throws counts as no permission', async () => {
    const result = await verifier(async () => Promise.reject(new Error('permissions API unavailable'))).verify(
      'a.b.c',
      settingsFor('http://127.0.0.1:9/ws'),
      null,
    );
    expect(result.outcome).toMatchObject({ kind: 'failed', code: 'no-permission' });
    expect(spyFetch).not.toHaveBeenCalled();
  });
});
