import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkToken, MANUAL_LIFETIME_SECONDS } from './demo-tokens.mjs';
import { DEMO_PEOPLE, isValidThaiId } from './people.mjs';
import { authorizeUrl, HANDOVER_STYLES, issueDemoToken, SCENARIOS, startSsoServer } from './sso-server.mjs';
import { startAppServer } from './app-server.mjs';

const TEN_CLAIMS = ['sid', 'username', 'idcard', 'firstname', 'lastname', 'email', 'iss', 'org', 'exp', 'nbf'];
const NOW_MS = Date.UTC(2026, 10, 24, 3, 0, 0);
const NOW_S = NOW_MS / 1000;
const [somchai] = DEMO_PEOPLE;

/** @param {string} token */
const payloadOf = (token) => JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));

describe('issueDemoToken', () => {
  it('gives every person the manual’s ten claims, a 65-minute lifetime and a genuine signature', () => {
    for (const person of DEMO_PEOPLE) {
      const token = issueDemoToken({ person, nowMs: NOW_MS });
      const claims = payloadOf(token);
      expect(Object.keys(claims).sort()).toEqual([...TEN_CLAIMS].sort());
      expect(claims.exp - claims.nbf).toBe(65 * 60);
      expect(claims.nbf).toBe(NOW_S);
      expect(claims).toMatchObject({ username: person.username, idcard: person.idcard, org: person.org });
      expect(checkToken(token, NOW_MS)).toEqual({ state: 'valid', claims });
    }
  });

  it('expired: genuine, but past exp (manual case 2)', () => {
    const token = issueDemoToken({ person: somchai, scenario: 'expired', nowMs: NOW_MS });
    const claims = payloadOf(token);
    expect(claims.exp).toBeLessThan(NOW_S);
    expect(claims.exp - claims.nbf).toBe(MANUAL_LIFETIME_SECONDS);
    expect(checkToken(token, NOW_MS).state).toBe('expired');
  });

  it('not-yet-valid: nbf in the future, lifetime still 65 minutes', () => {
    const claims = payloadOf(issueDemoToken({ person: somchai, scenario: 'not-yet-valid', nowMs: NOW_MS }));
    expect(claims.nbf).toBeGreaterThan(NOW_S);
    expect(claims.exp - claims.nbf).toBe(MANUAL_LIFETIME_SECONDS);
  });

  it('tampered: still decodes as an SSO token but the signature no longer matches (manual case 3)', () => {
    const token = issueDemoToken({ person: somchai, scenario: 'tampered', nowMs: NOW_MS });
    const claims = payloadOf(token);
    expect(Object.keys(claims).sort()).toEqual([...TEN_CLAIMS].sort());
    expect(claims.exp - claims.nbf).toBeGreaterThan(MANUAL_LIFETIME_SECONDS);
    expect(checkToken(token, NOW_MS)).toEqual({ state: 'mismatch', claims: null });
  });

  it('wrong-org: genuine, but the ProvinceID differs from the person’s office', () => {
    for (const person of DEMO_PEOPLE) {
      const token = issueDemoToken({ person, scenario: 'wrong-org', nowMs: NOW_MS });
      const [orgId, officeId, provinceId] = payloadOf(token).org.split('/');
      const [realOrgId, realOfficeId, realProvinceId] = person.org.split('/');
      expect([orgId, officeId]).toEqual([realOrgId, realOfficeId]);
      expect(provinceId).not.toBe(realProvinceId);
      expect(checkToken(token, NOW_MS).state).toBe('valid');
    }
    expect(payloadOf(issueDemoToken({ person: somchai, scenario: 'wrong-org', nowMs: NOW_MS })).org).toBe('9/59/74');
  });

  it('unknown-org: an OfficeID beyond the manual’s table', () => {
    expect(payloadOf(issueDemoToken({ person: somchai, scenario: 'unknown-org', nowMs: NOW_MS })).org).toBe('9/999/73');
  });

  it('bad-id: the national ID fails its check digit, the rest is genuine', () => {
    for (const person of DEMO_PEOPLE) {
      const token = issueDemoToken({ person, scenario: 'bad-id', nowMs: NOW_MS });
      const { idcard } = payloadOf(token);
      expect(idcard).toMatch(/^\d{13}$/);
      expect(idcard.slice(0, 12)).toBe(person.idcard.slice(0, 12));
      expect(isValidThaiId(idcard)).toBe(false);
      expect(checkToken(token, NOW_MS).state).toBe('valid');
    }
  });

  it('refuses an unknown scenario', () => {
    // @ts-expect-error deliberately wrong
    expect(() => issueDemoToken({ person: somchai, scenario: 'nope' })).toThrow(/unknown scenario/);
  });
});

describe('the SSO and the app over HTTP', () => {
  /** @type {{ url: string, close: () => Promise<void> }} */ let sso;
  /** @type {Awaited<ReturnType<typeof startAppServer>>} */ let app;
  beforeAll(async () => {
    app = await startAppServer({ now: () => NOW_MS });
    sso = await startSsoServer({ appUrl: app.url, now: () => NOW_MS });
    app.setSsoUrl(sso.url);
  });
  afterAll(async () => {
    await sso.close();
    await app.close();
  });

  /** @param {string} url @param {RequestInit} [init] */
  const noFollow = (url, init = {}) => fetch(url, { redirect: 'manual', ...init });

  it('runs the SSO and the app on two different loopback origins', () => {
    expect(new URL(sso.url).hostname).toBe('127.0.0.1');
    expect(new URL(app.url).hostname).toBe('127.0.0.1');
    expect(new URL(sso.url).origin).not.toBe(new URL(app.url).origin);
  });

  it('serves a login page listing every person, style and scenario', async () => {
    const response = await fetch(`${sso.url}/`);
    expect(response.status).toBe(200);
    const html = await response.text();
    for (const person of DEMO_PEOPLE) expect(html).toContain(`value="${person.key}"`);
    for (const style of Object.keys(HANDOVER_STYLES)) expect(html).toContain(`value="${style}"`);
    for (const scenario of Object.keys(SCENARIOS)) expect(html).toContain(`value="${scenario}"`);
    // No person's ID number is shown on the login page.
    for (const person of DEMO_PEOPLE) expect(html).not.toContain(person.idcard);
  });

  it('query: 302 to the app callback with ?token=, whose page names the person but not the token', async () => {
    const response = await noFollow(authorizeUrl(sso.url, { handover: 'query' }));
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location') ?? '');
    expect(location.origin + location.pathname).toBe(`${app.url}/callback`);
    const token = location.searchParams.get('token') ?? '';
    expect(checkToken(token, NOW_MS).state).toBe('valid');
    const landing = await noFollow(location.href);
    expect(landing.status).toBe(200);
    const html = await landing.text();
    expect(html).toContain('logged in as สมชาย ทดสอบ (somchai.t)');
    expect(html).toContain('data-demo-outcome="logged-in"');
    expect(html).not.toContain(token);
    expect(html).not.toContain(token.split('.')[1]);
  });

  it('fragment: 302 to the app callback with #access_token=, the page reads it in the browser', async () => {
    const response = await noFollow(authorizeUrl(sso.url, { handover: 'fragment' }));
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location') ?? '');
    expect(location.origin + location.pathname).toBe(`${app.url}/callback`);
    expect(location.search).toBe('');
    const token = new URLSearchParams(location.hash.slice(1)).get('access_token') ?? '';
    expect(checkToken(token, NOW_MS).state).toBe('valid');
    // What the browser requests: the fragment stays behind.
    const landing = await noFollow(`${app.url}/callback`);
    expect(landing.status).toBe(200);
    expect(await landing.text()).toContain('location.hash');
  });

  it('server-302: the app callback answers 302 at once, with no body and no token in its Location', async () => {
    const response = await noFollow(authorizeUrl(sso.url, { handover: 'server-302' }));
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location') ?? '');
    expect(location.origin + location.pathname).toBe(`${app.url}/callback/server`);
    expect(checkToken(location.searchParams.get('token') ?? '', NOW_MS).state).toBe('valid');
    const callback = await noFollow(location.href);
    expect(callback.status).toBe(302);
    expect(callback.headers.get('location')).toBe('/welcome');
    expect(await callback.text()).toBe('');
    const cookie = (callback.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const welcome = await noFollow(`${app.url}/welcome`, { headers: { cookie } });
    expect(await welcome.text()).toContain('logged in as สมชาย ทดสอบ (somchai.t)');
  });

  it('location-only: the token is only in the SSO Location’s #id_token, and the app’s 302 carries its own fragment', async () => {
    const response = await noFollow(authorizeUrl(sso.url, { handover: 'location-only' }));
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location') ?? '');
    expect(location.origin + location.pathname).toBe(`${app.url}/landing`);
    expect(location.search).toBe('');
    expect(checkToken(new URLSearchParams(location.hash.slice(1)).get('id_token') ?? '', NOW_MS).state).toBe('valid');
    const landing = await noFollow(`${app.url}/landing`);
    expect(landing.status).toBe(302);
    // A fragment of its own, so the browser does not carry #id_token=… on to /welcome.
    expect(landing.headers.get('location')).toBe('/welcome#signed-in');
  });

  it('form-post: an auto-submitting form that POSTs token= to the app, which names the person', async () => {
    const response = await noFollow(authorizeUrl(sso.url, { handover: 'form-post' }));
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain(`<form id="handover" method="post" action="${app.url}/callback/form-post">`);
    expect(html).toContain("document.getElementById('handover').submit()");
    const token = /name="token" value="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(checkToken(token, NOW_MS).state).toBe('valid');
    const posted = await noFollow(`${app.url}/callback/form-post`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token }).toString(),
    });
    expect(posted.status).toBe(200);
    const landing = await posted.text();
    expect(landing).toContain('logged in as สมชาย ทดสอบ (somchai.t)');
    expect(landing).not.toContain(token);
  });

  /** @param {'query-kept' | 'query-leaky' | 'app-error'} handover */
  const followCareless = async (handover) => {
    const response = await noFollow(authorizeUrl(sso.url, { handover }));
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location') ?? '');
    expect(checkToken(location.searchParams.get('token') ?? '', NOW_MS).state).toBe('valid');
    const callback = await noFollow(location.href);
    return { location, callback, html: await callback.text() };
  };

  it('query-kept: the callback names the person and leaves the token in the address bar (no replaceState)', async () => {
    const { location, callback, html } = await followCareless('query-kept');
    expect(location.pathname).toBe('/callback/kept');
    expect(callback.status).toBe(200);
    expect(html).toContain('logged in as สมชาย ทดสอบ (somchai.t)');
    expect(html).not.toContain('replaceState');
  });

  it('query-leaky: the callback keeps the token, sends the full URL as Referer, and loads an image from the SSO’s origin', async () => {
    const { location, callback, html } = await followCareless('query-leaky');
    expect(location.pathname).toBe('/callback/leaky');
    expect(callback.status).toBe(200);
    expect(html).toContain('<meta name="referrer" content="unsafe-url">');
    expect(html).toContain(`<img src="${sso.url}/logo.svg"`);
    expect(html).not.toContain('replaceState');
    expect(new URL(sso.url).origin).not.toBe(new URL(app.url).origin);
    const logo = await fetch(`${sso.url}/logo.svg`);
    expect(logo.status).toBe(200);
    expect(logo.headers.get('content-type')).toBe('image/svg+xml');
  });

  it('app-error: the callback answers 500 to a genuine, fresh token', async () => {
    const { location, callback, html } = await followCareless('app-error');
    expect(location.pathname).toBe('/callback/broken');
    expect(callback.status).toBe(500);
    expect(html).toContain('data-demo-page="app-error"');
    expect(html).not.toContain(location.searchParams.get('token') ?? '');
  });

  it.each([
    ['expired', 'the token has expired'],
    ['not-yet-valid', 'not valid yet'],
    ['tampered', 'not genuine'],
  ])('the app refuses a %s token and says why', async (scenario, reason) => {
    const response = await noFollow(
      authorizeUrl(sso.url, { handover: 'query', scenario: /** @type {any} */ (scenario) }),
    );
    const landing = await (await noFollow(response.headers.get('location') ?? '')).text();
    expect(landing).toContain('data-demo-outcome="refused"');
    expect(landing).toContain(reason);
  });

  it('answers 400 for an unknown user, style or scenario, naming the known ones', async () => {
    for (const query of ['user=nobody', 'handover=carrier-pigeon', 'scenario=nope']) {
      const response = await noFollow(`${sso.url}/authorize?${query}`);
      expect(response.status).toBe(400);
      expect(await response.text()).toMatch(/known: /);
    }
  });
});
