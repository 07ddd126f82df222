import { describe, expect, it } from 'vitest';
import { sightingFromRedirect, sightingsFromRequest } from './web-request-capture';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const TOKEN = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: 'x', exp: 2_000_000_000 })}.c2lnbmF0dXJl`;

describe('webRequest sightings', () => {
  it('sees a token in the URL of a callback request (the 302-at-once case)', () => {
    const [sighting] = sightingsFromRequest({
      tabId: 3,
      url: `http://127.0.0.1:9/callback/server?code=1&token=${TOKEN}`,
      method: 'GET',
    });
    expect(sighting).toMatchObject({ tabId: 3 });
    expect(sighting!.source).toBeUndefined();
    expect(sighting!.candidates).toEqual([
      expect.objectContaining({ location: 'query', parameter: 'token', value: TOKEN }),
    ]);
  });

  it('sees a token posted as a parsed form field, and as raw bytes Chrome did not parse', () => {
    const parsed = sightingsFromRequest({
      tabId: 3,
      url: 'http://127.0.0.1:9/callback/post',
      method: 'POST',
      requestBody: { formData: { id_token: [TOKEN], state: ['abc'] } },
    });
    expect(parsed).toEqual([
      expect.objectContaining({
        source: 'form-post',
        candidates: [expect.objectContaining({ parameter: 'id_token', value: TOKEN })],
      }),
    ]);

    const bytes = new TextEncoder().encode(`state=abc&access_token=${encodeURIComponent(TOKEN)}`).buffer;
    const raw = sightingsFromRequest({
      tabId: 3,
      url: 'http://127.0.0.1:9/callback/post',
      method: 'POST',
      requestBody: { raw: [{ bytes }] },
    });
    expect(raw[0]!.candidates).toEqual([expect.objectContaining({ parameter: 'access_token', value: TOKEN })]);
  });

  it('sees a token only in a redirect Location, fragment included', () => {
    const sighting = sightingFromRedirect({
      tabId: 4,
      url: 'http://127.0.0.1:9/authorize',
      redirectUrl: `http://127.0.0.1:10/landing#id_token=${TOKEN}&state=1`,
    });
    expect(sighting).toMatchObject({ tabId: 4, source: 'redirect' });
    expect(sighting!.candidates[0]).toMatchObject({ location: 'fragment', parameter: 'id_token', value: TOKEN });
  });

  it('leaves a fragment in a request URL to the page or the redirect that carried it', () => {
    expect(
      sightingsFromRequest({ tabId: 3, url: `http://127.0.0.1:9/landing#id_token=${TOKEN}`, method: 'GET' }),
    ).toEqual([]);
  });

  it('ignores requests that belong to no tab (the extension’s own verification call)', () => {
    expect(sightingsFromRequest({ tabId: -1, url: `http://127.0.0.1:9/x?token=${TOKEN}` })).toEqual([]);
    expect(sightingFromRedirect({ tabId: -1, url: 'http://x/', redirectUrl: `http://y/#t=${TOKEN}` })).toBeNull();
  });

  it('finds nothing where there is no token', () => {
    expect(
      sightingsFromRequest({
        tabId: 1,
        url: 'http://127.0.0.1:9/home?x=1',
        method: 'POST',
        requestBody: { formData: { q: ['hello'] } },
      }),
    ).toEqual([]);
    expect(
      sightingFromRedirect({ tabId: 1, url: 'http://127.0.0.1:9/', redirectUrl: 'http://127.0.0.1:9/home' }),
    ).toBeNull();
  });
});
