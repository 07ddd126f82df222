import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_SETTINGS, parseSettings, validateSettings, type Settings } from './settings';
import {
  POLICY_KEYS,
  POLICY_LIMITS,
  applyManagedPolicy,
  localPartOf,
  policyView,
  readManagedPolicy,
  withoutManagedClientId,
} from './managed-policy';

const LOCAL: Settings = {
  ...DEFAULT_SETTINGS,
  language: 'en',
  verification: { ...DEFAULT_SETTINGS.verification, clientId: 'PERSON-OWN-ID', timeoutMs: 5_000 },
  captureSites: ['http://10.1.2.3:8080'],
};

describe('reading a policy', () => {
  it('takes every well-formed key, trimmed and normalised like a saved setting', () => {
    const policy = readManagedPolicy({
      wsdlUrl: ' https://sso.example.go.th/DiwAppChk?wsdl ',
      clientId: 'ORG-CLIENT-1',
      timeoutMs: 20_000,
      autoVerify: false,
      soapVersion: '1.2',
      captureSites: ['https://App.Industry.go.th/', 'https://app.industry.go.th'],
      defaultLanguage: 'en',
    });
    expect(policy.problems).toEqual([]);
    expect(policy.keys).toEqual([
      'wsdlUrl',
      'clientId',
      'timeoutMs',
      'autoVerify',
      'soapVersion',
      'captureSites',
      'defaultLanguage',
    ]);
    expect(policy.verification).toEqual({
      wsdlUrl: 'https://sso.example.go.th/DiwAppChk?wsdl',
      clientId: 'ORG-CLIENT-1',
      timeoutMs: 20_000,
      autoVerify: false,
      soapVersion: '1.2',
    });
    expect(policy.captureSites).toEqual(['https://app.industry.go.th']);
    expect(policy.defaultLanguage).toBe('en');
  });

  it('names a malformed or unknown key, ignores it, and keeps the rest', () => {
    const policy = readManagedPolicy({
      clientId: 'ORG-CLIENT-1',
      timeoutMs: '20 seconds',
      endpoint: 'javascript:alert(1)',
      captureSites: ['https://app.industry.go.th', 'not a site', 42],
      clientID: 'typo in the key',
    });
    expect(policy.keys).toEqual(['clientId', 'captureSites']);
    expect(policy.captureSites).toEqual(['https://app.industry.go.th']);
    expect(policy.problems.map((p) => p.key)).toEqual([
      'timeoutMs',
      'endpoint',
      'captureSites',
      'captureSites',
      'clientID',
    ]);
    expect(policy.problems[0]!.message.en).toBe(
      'policy "timeoutMs" (Timeout): must be a whole number of milliseconds from 1000 to 120000, so it is ignored, and the local setting applies',
    );
    expect(policy.problems[3]!.message.en).toContain('item 3 is not an http:// or https:// origin');
    expect(policy.problems[4]!.message.th).toContain('"clientID"');
  });

  it('never quotes a value in a problem: a malformed ClientID is not shown', () => {
    const policy = readManagedPolicy({ clientId: 'SECRET-'.repeat(100) });
    expect(policy.keys).toEqual([]);
    expect(JSON.stringify(policy.problems)).not.toContain('SECRET');
  });

  it('reads no policy as none, and a policy that is not an object as a problem', () => {
    expect(readManagedPolicy(undefined).keys).toEqual([]);
    expect(readManagedPolicy({}).problems).toEqual([]);
    const notObject = readManagedPolicy(['clientId']);
    expect(notObject.keys).toEqual([]);
    expect(notObject.problems[0]!.message.en).toBe('the policy must be an object, so none of it is used');
  });

  it('reads at most its limits of keys and sites, and says so', () => {
    const huge = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`key${i}`, i]));
    const policy = readManagedPolicy(huge);
    expect(policy.problems).toHaveLength(POLICY_LIMITS.keys + 1);
    const sites = readManagedPolicy({
      captureSites: Array.from({ length: 1_000 }, (_, i) => `https://host${i}.industry.go.th`),
    });
    expect(sites.captureSites).toHaveLength(POLICY_LIMITS.captureSites);
    expect(sites.problems.map((p) => p.message.en)).toEqual([
      `policy "captureSites" (Capture sites): more than ${POLICY_LIMITS.captureSites} items: the rest, so it is ignored, and the local setting applies`,
    ]);
  });

  it('never throws on any value, and what it keeps always passes the save rules', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything({ maxDepth: 2 }),
          fc.dictionary(fc.constantFrom(...POLICY_KEYS, 'other'), fc.anything({ maxDepth: 2 })),
          fc.record({ captureSites: fc.array(fc.oneof(fc.webUrl(), fc.string())) }),
        ),
        (raw) => {
          const policy = readManagedPolicy(raw);
          const applied = applyManagedPolicy(DEFAULT_SETTINGS, policy, false);
          expect(validateSettings(applied).ok).toBe(true);
          expect(parseSettings(applied)).toEqual(applied);
          for (const key of policy.keys) expect(POLICY_KEYS).toContain(key);
        },
      ),
    );
    // A property run on a shared 2-core machine can take seconds; only a hang should fail it.
  }, 30_000);
});

describe('the settings in force', () => {
  const policy = readManagedPolicy({
    clientId: 'ORG-CLIENT-1',
    timeoutMs: 20_000,
    captureSites: ['https://app.industry.go.th'],
    defaultLanguage: 'th',
  });

  it('puts each policy value over the person’s, and the organisation’s sites before theirs', () => {
    const inForce = applyManagedPolicy(LOCAL, policy, true);
    expect(inForce.verification.clientId).toBe('ORG-CLIENT-1');
    expect(inForce.verification.timeoutMs).toBe(20_000);
    expect(inForce.verification.autoVerify).toBe(LOCAL.verification.autoVerify);
    expect(inForce.captureSites).toEqual(['https://app.industry.go.th', 'http://10.1.2.3:8080']);
  });

  it('uses the policy language only until the person has chosen one', () => {
    expect(applyManagedPolicy(LOCAL, policy, false).language).toBe('th');
    expect(applyManagedPolicy(LOCAL, policy, true).language).toBe('en');
  });

  it('keeps the stored local values of locked fields when the page saves what it was shown', () => {
    const shown = withoutManagedClientId(applyManagedPolicy(LOCAL, policy, true), policy);
    expect(shown.verification.clientId).toBe('');
    const edited = { ...shown, verification: { ...shown.verification, autoVerify: false, timeoutMs: 3_000 } };
    const stored = localPartOf(edited, LOCAL, policy);
    expect(stored.verification.clientId).toBe('PERSON-OWN-ID');
    expect(stored.verification.timeoutMs).toBe(5_000);
    expect(stored.verification.autoVerify).toBe(false);
    expect(stored.captureSites).toEqual(['http://10.1.2.3:8080']);
  });

  it('shows pages which keys are locked and the problems, never the values', () => {
    const view = policyView(readManagedPolicy({ clientId: 'ORG-CLIENT-1', style: 'fancy' }));
    expect(view.keys).toEqual(['clientId']);
    expect(view.problems).toHaveLength(1);
    expect(JSON.stringify(view)).not.toContain('ORG-CLIENT-1');
  });
});
