import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { createCaptureStore, type SessionArea } from './capture-store';
import { candidatesInSenderUrl, createCaptureIntake, MAX_STORED_TOKEN_LENGTH } from './capture-intake';
import { makeToken, samplePayload } from '../test-support/tokens';
import { deepArrayJson, makeRawToken, objectJson } from '../test-support/hostile-tokens';
import { readToken } from '../domain/read-token';

const SSO_TOKEN = makeToken(samplePayload());
const OTHER_TOKEN = makeToken({ sub: 'someone', exp: 2_000_000_000 });

describe('capture intake', () => {
  let intake: ReturnType<typeof createCaptureIntake>;
  let store: ReturnType<typeof createCaptureStore>;
  beforeEach(() => {
    fakeBrowser.reset();
    store = createCaptureStore(fakeBrowser.storage.session as unknown as SessionArea);
    intake = createCaptureIntake({ store, now: () => 1_000 });
  });

  it('records a token with where it was seen, stripped of the token, and whether it is an SSO token', async () => {
    const url = `http://127.0.0.1:8080/callback?state=1&token=${SSO_TOKEN}`;
    const added = await intake.record({
      tabId: 4,
      url,
      candidates: [{ location: 'query', parameter: 'token', value: SSO_TOKEN }],
    });
    expect(added).toEqual([
      expect.objectContaining({
        tabId: 4,
        source: 'query',
        parameter: 'token',
        pageOrigin: 'http://127.0.0.1:8080',
        pagePath: '/callback',
        isIndustrySso: true,
        capturedAt: 1_000,
      }),
    ]);
    // The id is a fingerprint, not the token.
    expect(added[0]!.id).not.toContain(SSO_TOKEN.split('.')[1]);
  });

  it('keeps the reading of the token with it, stored as it is, but none for a token nested absurdly deep', async () => {
    const deep = makeRawToken('{"alg":"HS256"}', objectJson(samplePayload(), `"x":${deepArrayJson(40)}`));
    await intake.record({
      tabId: 4,
      url: 'http://127.0.0.1:8080/callback',
      candidates: [
        { location: 'query', parameter: 'token', value: SSO_TOKEN },
        { location: 'query', parameter: 'other', value: deep },
      ],
    });
    const [kept, deepKept] = (await store.forTab(4)).sort((a, b) => a.token.length - b.token.length);
    expect(kept!.reading).toEqual(readToken(SSO_TOKEN));
    // Kept, and marked for what it is, but the popup reads it itself.
    expect(deepKept).toMatchObject({ token: deep, isIndustrySso: true });
    expect(deepKept!.reading).toBeUndefined();
  });

  it('marks a JWT that is not an Industry SSO token, and drops JWT-shaped junk', async () => {
    const added = await intake.record({
      tabId: 1,
      url: 'http://127.0.0.1/x',
      candidates: [
        { location: 'fragment', parameter: 'id_token', value: OTHER_TOKEN },
        { location: 'query', parameter: 'v', value: 'eyJub3QiOi.eyJqc29u.x' },
      ],
    });
    expect(added).toEqual([expect.objectContaining({ source: 'fragment', isIndustrySso: false })]);
  });

  it('keeps a form post and a redirect as such', async () => {
    const sightings = [
      { tabId: 1, url: 'http://127.0.0.1/cb', source: 'form-post', location: 'form', parameter: 'token' },
      { tabId: 2, url: 'http://127.0.0.1/landing', source: 'redirect', location: 'fragment', parameter: 'id_token' },
    ] as const;
    for (const { tabId, url, source, location, parameter } of sightings) {
      const [added] = await intake.record({
        tabId,
        url,
        source,
        candidates: [{ location, parameter, value: SSO_TOKEN }],
      });
      expect(added?.source).toBe(source);
    }
  });

  it('takes a pasted token with Bearer and line breaks, and explains a bad one', async () => {
    const pasted = await intake.paste(`Bearer ${SSO_TOKEN.slice(0, 20)}\n${SSO_TOKEN.slice(20)}`);
    expect(pasted).toMatchObject({ ok: true, value: { source: 'paste', tabId: null, token: SSO_TOKEN } });
    const again = await intake.paste(SSO_TOKEN);
    expect(again.ok && pasted.ok && again.value.id === pasted.value.id).toBe(true);
    expect(await store.forTab(null)).toHaveLength(1);

    const bad = await intake.paste('a.b');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.en).toMatch(/part/i);
  });

  it('marks what the page put in its own URL after loading, and keeps navigations unmarked', async () => {
    const [pushed] = await intake.record({
      tabId: 3,
      url: 'http://127.0.0.1/app',
      inPage: true,
      candidates: [{ location: 'fragment', parameter: 't', value: SSO_TOKEN }],
    });
    expect(pushed?.inPage).toBe(true);
    const [navigated] = await intake.record({
      tabId: 4,
      url: 'http://127.0.0.1/app',
      candidates: [{ location: 'query', parameter: 't', value: SSO_TOKEN }],
    });
    expect(navigated?.inPage).toBeUndefined();
  });

  it(`keeps no token over ${MAX_STORED_TOKEN_LENGTH / 1024} KB, and says so for a paste`, async () => {
    const huge = makeToken(samplePayload({ padding: 'x'.repeat(MAX_STORED_TOKEN_LENGTH) }));
    expect(
      await intake.record({
        tabId: 5,
        url: 'http://127.0.0.1/cb',
        candidates: [{ location: 'query', parameter: 'token', value: huge }],
      }),
    ).toEqual([]);
    const pasted = await intake.paste(huge);
    expect(pasted.ok).toBe(false);
    if (!pasted.ok) expect(pasted.error.en).toMatch(/16 KB/);
    expect(await store.forTab(null)).toEqual([]);
  });

  it('takes from a content script only well-formed candidates that are in the page URL the browser gives', () => {
    const url = `http://127.0.0.1:8080/callback#access_token=${SSO_TOKEN}`;
    const reported = [
      { location: 'fragment', parameter: 'access_token', value: SSO_TOKEN },
      { location: 'query', parameter: 'token', value: OTHER_TOKEN },
      { location: 'form', parameter: 'token', value: SSO_TOKEN },
      { location: 'fragment', parameter: { toString: null }, value: SSO_TOKEN },
      null,
      'eyJ',
    ];
    expect(candidatesInSenderUrl(reported, url)).toEqual([
      { location: 'fragment', parameter: 'access_token', value: SSO_TOKEN },
    ]);
    expect(candidatesInSenderUrl(reported, 'http://127.0.0.1:8080/callback')).toEqual([]);
    expect(candidatesInSenderUrl({ length: 1, 0: reported[0] }, url)).toEqual([]);
  });
});
