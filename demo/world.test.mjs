import { describe, expect, it } from 'vitest';
import { checkToken, DEMO_CLIENT_ID } from './demo-tokens.mjs';
import { DEFAULT_PORTS, portsFromEnv, startDemoWorld } from './world.mjs';

describe('startDemoWorld', () => {
  it('starts the SSO, the app and the SOAP service on three loopback origins, and close() stops them', async () => {
    const world = await startDemoWorld();
    const origins = [world.ssoUrl, world.appUrl, world.soapWsdlUrl].map((url) => new URL(url));
    try {
      for (const origin of origins) expect(origin.hostname).toBe('127.0.0.1');
      expect(new Set(origins.map((url) => url.origin)).size).toBe(3);
      expect(world.clientId).toBe(DEMO_CLIENT_ID);

      const wsdl = await fetch(world.soapWsdlUrl);
      expect(wsdl.status).toBe(200);
      expect(await wsdl.text()).toContain('definitions');

      // loginUrl() drives the SSO with no clicking, and its hand-over lands on the app.
      const login = new URL(world.loginUrl({ user: 'manee', handover: 'query', scenario: 'expired' }));
      expect(login.origin).toBe(world.ssoUrl);
      const redirect = await fetch(login, { redirect: 'manual' });
      expect(redirect.status).toBe(302);
      const callback = new URL(redirect.headers.get('location') ?? '');
      expect(callback.origin).toBe(world.appUrl);
      const { state, claims } = checkToken(callback.searchParams.get('token') ?? '');
      expect(state).toBe('expired');
      expect(claims?.username).toBe('manee.s');
    } finally {
      await world.close();
    }
    for (const origin of origins) await expect(fetch(origin)).rejects.toThrow();
  });

  it('defaults loginUrl() to the first person, query hand-over and the normal scenario', async () => {
    const world = await startDemoWorld();
    try {
      const params = new URL(world.loginUrl()).searchParams;
      expect(Object.fromEntries(params)).toEqual({ user: world.people[0]?.key, handover: 'query', scenario: 'normal' });
    } finally {
      await world.close();
    }
  });
});

describe('portsFromEnv', () => {
  it('uses the fixed defaults, or the DEMO_*_PORT variables', () => {
    expect(portsFromEnv({})).toEqual({
      ssoPort: DEFAULT_PORTS.sso,
      appPort: DEFAULT_PORTS.app,
      soapPort: DEFAULT_PORTS.soap,
    });
    expect(portsFromEnv({ DEMO_SSO_PORT: '9001', DEMO_APP_PORT: '9002', DEMO_SOAP_PORT: '0' })).toEqual({
      ssoPort: 9001,
      appPort: 9002,
      soapPort: 0,
    });
  });

  it('refuses something that is not a port', () => {
    expect(() => portsFromEnv({ DEMO_APP_PORT: 'eighty' })).toThrow(/DEMO_APP_PORT/);
    expect(() => portsFromEnv({ DEMO_SSO_PORT: '70000' })).toThrow(/DEMO_SSO_PORT/);
  });
});
