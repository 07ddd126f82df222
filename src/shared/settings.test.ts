import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_SETTINGS, MANUAL_WSDL_URL, autoVerifyAllowed, endpointSecurity, normaliseOrigin, originToPattern, parseSettings, settingsView, verificationFingerprint } from './settings';

describe('settings schema', () => {
  it('defaults to the manual’s WSDL, a 10 s timeout, auto-verify on, Thai, and no ClientID', () => {
    expect(parseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS.verification).toMatchObject({ wsdlUrl: MANUAL_WSDL_URL, timeoutMs: 10_000, autoVerify: true, clientId: '' });
    expect(DEFAULT_SETTINGS.language).toBe('th');
  });

  it('keeps valid fields and replaces each invalid one by its default', () => {
    const parsed = parseSettings({
      language: 'fr',
      verification: { clientId: ' DEMO-1 ', timeoutMs: 5, soapVersion: '1.2', style: 'chaos', autoVerify: 'yes' },
      captureSites: ['http://10.1.2.3:8080/path', 'javascript:alert(1)', 42, 'http://10.1.2.3:8080'],
    });
    expect(parsed.language).toBe('th');
    expect(parsed.verification).toMatchObject({ clientId: 'DEMO-1', timeoutMs: 1_000, soapVersion: '1.2', style: 'document', autoVerify: true });
    // Origins are normalised and de-duplicated; what is not an http(s) origin is dropped.
    expect(parsed.captureSites).toEqual(['http://10.1.2.3:8080']);
  });

  it('never throws and always returns a complete settings object, whatever is stored', () => {
    fc.assert(
      fc.property(fc.anything(), (stored) => {
        const parsed = parseSettings(stored);
        expect(Object.keys(parsed.verification).sort()).toEqual(Object.keys(DEFAULT_SETTINGS.verification).sort());
        expect(parsed.verification.timeoutMs).toBeGreaterThanOrEqual(1_000);
      }),
    );
  });

  it('normalises origins and makes port-free permission patterns (Firefox cannot match a port)', () => {
    expect(normaliseOrigin(' https://app.example.go.th/callback ')).toBe('https://app.example.go.th');
    expect(normaliseOrigin('ftp://x')).toBeNull();
    expect(normaliseOrigin('not a url')).toBeNull();
    expect(originToPattern('http://10.1.2.3:8080')).toBe('http://10.1.2.3/*');
    expect(originToPattern('*://*.diw.go.th')).toBe('*://*.diw.go.th/*');
  });

  it('fingerprints what changes a verification’s meaning, and not the rest', () => {
    const base = DEFAULT_SETTINGS.verification;
    expect(verificationFingerprint({ ...base, clientId: 'B' })).not.toBe(verificationFingerprint({ ...base, clientId: 'A' }));
    expect(verificationFingerprint({ ...base, endpoint: 'http://127.0.0.1:1/x' })).not.toBe(verificationFingerprint(base));
    expect(verificationFingerprint({ ...base, autoVerify: false })).toBe(verificationFingerprint(base));
    // It is kept beside every result in storage.session: never the ClientID itself.
    const secretId = 'CLIENT-SECRET-9Q7';
    expect(verificationFingerprint({ ...base, clientId: secretId })).not.toContain(secretId);
    expect(verificationFingerprint({ ...base, clientId: secretId })).toMatch(/^[0-9a-f]{16}$/);
  });

  it('property: any change of ClientID or operation changes the fingerprint', () => {
    const base = DEFAULT_SETTINGS.verification;
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.constantFrom('clientId', 'operation', 'tokenParameter') as fc.Arbitrary<'clientId' | 'operation' | 'tokenParameter'>, (a, b, field) => {
        fc.pre(a !== b);
        expect(verificationFingerprint({ ...base, [field]: a })).not.toBe(verificationFingerprint({ ...base, [field]: b }));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('endpoint security and the popup’s view of the settings', () => {
  it('calls http to a non-loopback host plain HTTP, and loopback or https not', () => {
    expect(endpointSecurity('http://diwinfo.diw.go.th:8080/DiwAppChk/DiwAppChk')).toBe('plain-http');
    expect(endpointSecurity('http://10.1.2.3/svc')).toBe('plain-http');
    expect(endpointSecurity('http://127.0.0.1:18082/svc')).toBe('loopback');
    expect(endpointSecurity('http://127.9.8.7/svc')).toBe('loopback');
    expect(endpointSecurity('http://localhost:8080/svc')).toBe('loopback');
    expect(endpointSecurity('http://[::1]:8080/svc')).toBe('loopback');
    expect(endpointSecurity('https://diwinfo.diw.go.th/svc')).toBe('https');
    expect(endpointSecurity('javascript:alert(1)')).toBe('none');
    expect(endpointSecurity('')).toBe('none');
  });

  it('auto-verifies over plain HTTP only when a person chose that as well', () => {
    const plain = { ...DEFAULT_SETTINGS.verification, endpoint: 'http://10.1.2.3/svc', autoVerify: true };
    expect(autoVerifyAllowed(plain)).toBe(false);
    expect(autoVerifyAllowed({ ...plain, autoVerifyOverPlainHttp: true })).toBe(true);
    expect(autoVerifyAllowed({ ...plain, endpoint: 'https://10.1.2.3/svc' })).toBe(true);
    expect(autoVerifyAllowed({ ...plain, endpoint: 'http://127.0.0.1/svc' })).toBe(true);
    expect(autoVerifyAllowed({ ...plain, autoVerify: false, autoVerifyOverPlainHttp: true })).toBe(false);
  });

  it('gives the popup no ClientID, whatever it is', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 4, maxLength: 40 }), (clientId) => {
        const settings = parseSettings({ verification: { clientId, endpoint: 'http://127.0.0.1/svc' } });
        const view = settingsView(settings);
        expect(view.verification.hasClientId).toBe(settings.verification.clientId !== '');
        expect(view.verification.fingerprint).toBe(verificationFingerprint(settings.verification));
        if (settings.verification.clientId.length >= 4) expect(JSON.stringify(view)).not.toContain(JSON.stringify(settings.verification.clientId).slice(1, -1));
      }),
    );
  });
});
