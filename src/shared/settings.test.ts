import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_SETTINGS,
  MANUAL_WSDL_URL,
  TEXT_LIMITS,
  describeSettingsProblems,
  parseSettings,
  validateSettings,
  type Settings,
} from './settings';
import { autoVerifyAllowed, settingsView, verificationFingerprint } from './settings-view';
import { settingsCandidate } from '../test-support/settings';
import { isHttpUrl } from '../domain/url';

describe('settings schema', () => {
  it('defaults to the manual’s WSDL, a 10 s timeout, auto-verify on, Thai, and no ClientID', () => {
    expect(parseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS.verification).toMatchObject({
      wsdlUrl: MANUAL_WSDL_URL,
      timeoutMs: 10_000,
      autoVerify: true,
      clientId: '',
    });
    expect(DEFAULT_SETTINGS.language).toBe('th');
  });

  it('reads a damaged version as the current one, and returns: no version makes it count for ever', () => {
    for (const version of [-Infinity, -1e300, Number.NaN, 0.5, -3, Number.MIN_SAFE_INTEGER - 10]) {
      expect(parseSettings({ version, language: 'en' }), String(version)).toEqual({
        ...DEFAULT_SETTINGS,
        language: 'en',
      });
    }
  });

  it('keeps valid fields and replaces each invalid one by its default', () => {
    const parsed = parseSettings({
      language: 'fr',
      verification: { clientId: ' DEMO-1 ', timeoutMs: 5, soapVersion: '1.2', style: 'chaos', autoVerify: 'yes' },
      captureSites: ['http://10.1.2.3:8080/path', 'javascript:alert(1)', 42, 'http://10.1.2.3:8080'],
    });
    expect(parsed.language).toBe('th');
    expect(parsed.verification).toMatchObject({
      clientId: 'DEMO-1',
      timeoutMs: 1_000,
      soapVersion: '1.2',
      style: 'document',
      autoVerify: true,
    });
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

  it('fingerprints what changes a verification’s meaning, and not the rest', () => {
    const base = DEFAULT_SETTINGS.verification;
    expect(verificationFingerprint({ ...base, clientId: 'B' })).not.toBe(
      verificationFingerprint({ ...base, clientId: 'A' }),
    );
    expect(verificationFingerprint({ ...base, endpoint: 'http://127.0.0.1:1/x' })).not.toBe(
      verificationFingerprint(base),
    );
    expect(verificationFingerprint({ ...base, autoVerify: false })).toBe(verificationFingerprint(base));
    // It is kept beside every result in storage.session: never the ClientID itself.
    const secretId = 'CLIENT-SECRET-9Q7';
    expect(verificationFingerprint({ ...base, clientId: secretId })).not.toContain(secretId);
    expect(verificationFingerprint({ ...base, clientId: secretId })).toMatch(/^[0-9a-f]{16}$/);
  });

  it('property: any change of ClientID or operation changes the fingerprint', () => {
    const base = DEFAULT_SETTINGS.verification;
    fc.assert(
      fc.property(
        fc.string(),
        fc.string(),
        fc.constantFrom('clientId', 'operation', 'tokenParameter') as fc.Arbitrary<
          'clientId' | 'operation' | 'tokenParameter'
        >,
        (a, b, field) => {
          fc.pre(a !== b);
          expect(verificationFingerprint({ ...base, [field]: a })).not.toBe(
            verificationFingerprint({ ...base, [field]: b }),
          );
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('endpoint security and the popup’s view of the settings', () => {
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
        if (settings.verification.clientId.length >= 4)
          expect(JSON.stringify(view)).not.toContain(JSON.stringify(settings.verification.clientId).slice(1, -1));
      }),
    );
  });
});

describe('validateSettings', () => {
  const valid: Settings = {
    ...DEFAULT_SETTINGS,
    language: 'en',
    verification: {
      ...DEFAULT_SETTINGS.verification,
      clientId: 'DEMO-CLIENT-7F3A',
      endpoint: 'http://127.0.0.1:8088/DiwAppChk/DiwAppChk',
      operation: 'DiwLoginChk',
      tokenParameter: 'AccessToken',
      clientIdParameter: 'ClientID',
    },
    captureSites: ['http://10.1.2.3:8080'],
  };
  const withVerification = (change: Record<string, unknown>) => ({
    ...valid,
    verification: { ...valid.verification, ...change },
  });
  const problemsOf = (candidate: unknown) => {
    const checked = validateSettings(candidate);
    return checked.ok ? [] : checked.problems;
  };

  it('accepts complete settings, trimming text and nothing else', () => {
    expect(validateSettings(DEFAULT_SETTINGS)).toEqual({ ok: true, settings: DEFAULT_SETTINGS });
    const checked = validateSettings(
      withVerification({ clientId: '  DEMO-CLIENT-7F3A \n', endpoint: ' https://diwinfo.diw.go.th/svc ' }),
    );
    expect(checked.ok && checked.settings.verification).toMatchObject({
      clientId: 'DEMO-CLIENT-7F3A',
      endpoint: 'https://diwinfo.diw.go.th/svc',
    });
  });

  it('refuses a ClientID longer than the schema keeps, naming the field in Thai and English, never quoting it', () => {
    const secret = `SECRET-${'x'.repeat(TEXT_LIMITS.clientId)}`;
    const problems = problemsOf(withVerification({ clientId: secret }));
    expect(problems).toEqual([{ th: `ClientID: ยาวเกิน 512 ตัวอักษร`, en: 'ClientID: longer than 512 characters' }]);
    expect(JSON.stringify(describeSettingsProblems(problems))).not.toContain('SECRET');
    expect(problemsOf(withVerification({ clientId: 'x'.repeat(512) }))).toEqual([]);
  });

  it('takes an endpoint or WSDL URL only when empty or http(s) with a host and no credentials', () => {
    for (const bad of [
      'javascript:alert(1)',
      'data:text/xml,<x/>',
      'ftp://10.1.2.3/svc',
      'file:///etc/passwd',
      'not a url',
      'http://user:pass@10.1.2.3/svc',
      'https://user@10.1.2.3/svc',
    ]) {
      expect(
        problemsOf(withVerification({ endpoint: bad })).map((p) => p.en),
        bad,
      ).toEqual([
        'Service address (endpoint): must be empty, or an http:// or https:// address with a host and no user name or password',
      ]);
      expect(problemsOf(withVerification({ wsdlUrl: bad }))[0]?.th, bad).toMatch(/^ที่อยู่ WSDL: /);
    }
    expect(problemsOf(withVerification({ endpoint: '', wsdlUrl: '' }))).toEqual([]);
    expect(problemsOf(withVerification({ endpoint: 'http://[::1]:8088/svc' }))).toEqual([]);
  });

  it('coerces nothing: a number as text, a string as a boolean or a number are each refused', () => {
    const problems = problemsOf({
      ...withVerification({
        clientId: 12345,
        autoVerify: 'true',
        autoVerifyOverPlainHttp: 1,
        timeoutMs: '10000',
        soapVersion: 1.1,
        style: 'RPC',
        operation: null,
      }),
      version: '1',
      language: 'fr',
    });
    expect(problems.map((p) => p.en.split(':')[0])).toEqual([
      'Settings version',
      'Language',
      'ClientID',
      'Timeout',
      'Verify automatically',
      'Verify automatically over unencrypted http',
      'SOAP version',
      'Style',
      'Operation that verifies',
    ]);
  });

  it('keeps the timeout a whole number of milliseconds from 1 s to 120 s', () => {
    for (const bad of [999, 120_001, 1500.5, Number.NaN, Number.POSITIVE_INFINITY, -1])
      expect(problemsOf(withVerification({ timeoutMs: bad })), String(bad)).toHaveLength(1);
    for (const good of [1_000, 2_500, 120_000])
      expect(problemsOf(withVerification({ timeoutMs: good })), String(good)).toEqual([]);
  });

  it('refuses what is not an object, a missing field, and capture sites that are not exact origins', () => {
    expect(problemsOf(null)).toEqual([{ th: 'การตั้งค่า: ต้องเป็นชุดค่า (object)', en: 'Settings: must be an object' }]);
    expect(problemsOf([])).toHaveLength(1);
    const { clientId: _missing, ...noClientId } = valid.verification;
    expect(problemsOf({ ...valid, verification: noClientId })).toEqual([
      { th: 'ClientID: ต้องเป็นข้อความ', en: 'ClientID: must be text' },
    ]);
    expect(problemsOf({ ...valid, captureSites: 'http://10.1.2.3' }).map((p) => p.en)).toEqual([
      'Capture sites: must be a list (array)',
    ]);
    expect(
      problemsOf({
        ...valid,
        captureSites: ['http://10.1.2.3:8080', 'http://10.1.2.3:8080/path', 42, 'javascript:x'],
      }).map((p) => p.en),
    ).toEqual([
      'Capture sites: item 2 and 2 more are not an http:// or https:// origin (host and port only, e.g. http://10.1.2.3:8080)',
    ]);
    // A hole in a sparse array is no origin either (flatMap and forEach would skip it).

    expect(
      // A hole in the list, as a damaged store can hold: the sparse array is the point.
      // eslint-disable-next-line no-sparse-arrays
      problemsOf({ ...valid, captureSites: ['http://10.1.2.3:8080', , 'http://10.1.2.4'] }).map((p) => p.en)[0],
    ).toMatch(/^Capture sites: item 2 is not/);
    const deduplicated = validateSettings({ ...valid, captureSites: ['http://10.1.2.3:8080', 'http://10.1.2.3:8080'] });
    expect(deduplicated.ok && deduplicated.settings.captureSites).toEqual(['http://10.1.2.3:8080']);
  });

  it('says in one message that nothing was stored, in both languages', () => {
    const message = describeSettingsProblems(problemsOf(withVerification({ clientId: 'x'.repeat(513), timeoutMs: 0 })));
    expect(message.en).toBe(
      'the settings are not valid, so nothing was stored: ClientID: longer than 512 characters; Timeout: must be a whole number of milliseconds from 1000 to 120000',
    );
    expect(message.th).toMatch(/^การตั้งค่าไม่ถูกต้อง จึงไม่ได้บันทึกอะไรเลย: ClientID: /);
  });

  it('property: whatever it accepts, parseSettings reads back unchanged', () => {
    let accepted = 0;
    fc.assert(
      fc.property(settingsCandidate(), (candidate) => {
        const checked = validateSettings(candidate);
        if (!checked.ok) {
          expect(checked.problems.length).toBeGreaterThan(0);
          return;
        }
        accepted += 1;
        expect(parseSettings(structuredClone(checked.settings))).toEqual(checked.settings);
      }),
      { numRuns: 500 },
    );
    // The property says nothing if the generator only made refusals.
    expect(accepted).toBeGreaterThan(50);
  });

  it('property: whatever parseSettings reads from storage, a save accepts as it is', () => {
    // The popup switches the language by resending the stored settings: none of them may be refused.
    fc.assert(
      fc.property(fc.oneof(fc.anything(), settingsCandidate()), (stored) => {
        const parsed = parseSettings(stored);
        expect(validateSettings(parsed)).toEqual({ ok: true, settings: parsed });
      }),
      { numRuns: 500 },
    );
  });

  it('agrees with isHttpUrl on what an address is', () => {
    expect(isHttpUrl(' http://10.1.2.3:8080/svc ')).toBe(true);
    expect(isHttpUrl('http://a:b@10.1.2.3/')).toBe(false);
    expect(isHttpUrl('mailto:x@y')).toBe(false);
  });
});
