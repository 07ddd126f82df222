import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { DEFAULT_SETTINGS, TEXT_LIMITS, parseSettings, validateSettings } from '../shared/settings';
import { parseWsdl } from '../domain/soap/wsdl';
import type { WsdlDescription } from '../domain/soap/wsdl';
import { describedOperation } from '../test-support/wsdl-fixtures';
import {
  checkVerificationForm,
  formFromSettings,
  formFromWsdl,
  formWithOperation,
  isPlainHttp,
  plainHttpChoiceShown,
  type VerificationForm,
} from './verification-form';

const demoWsdl = readFileSync(new URL('../../demo/diwappchk.wsdl', import.meta.url), 'utf8').replace(
  'REPLACED_AT_RUNTIME',
  'http://127.0.0.1:8088/DiwAppChk/DiwAppChk',
);

function demoDescription(): WsdlDescription {
  const parsed = parseWsdl(demoWsdl);
  if (!parsed.ok) throw new Error(parsed.reason.en);
  return parsed.description;
}

/** Two operations, JAX-WS style names that give no guess. */
const unguessable: WsdlDescription = {
  targetNamespace: 'urn:example',
  endpoint: 'http://127.0.0.1:9000/svc',
  soapVersion: '1.2',
  operations: [
    describedOperation({
      name: 'Check',
      style: 'rpc',
      soapAction: 'urn:Check',
      inputParameters: ['arg0', 'arg1'],
      endpoint: 'http://127.0.0.1:9000/svc',
    }),
    describedOperation({
      name: 'Ping',
      inputNamespace: 'urn:ping',
      inputParameters: [],
      endpoint: 'http://127.0.0.1:9000/svc',
    }),
  ],
  guess: null,
  notes: [],
};

const filled: VerificationForm = {
  ...formFromSettings(DEFAULT_SETTINGS.verification),
  clientId: 'DEMO-CLIENT-7F3A',
  endpoint: 'http://127.0.0.1:8088/DiwAppChk/DiwAppChk',
  namespace: 'http://ws.diwappchk.diw.go.th/',
  operation: 'DiwLoginChk',
  tokenParameter: 'AccessToken',
  clientIdParameter: 'ClientID',
};

describe('formFromWsdl', () => {
  it('fills the address, the guessed operation and its parameters from the demo WSDL', () => {
    const form = formFromWsdl(
      { ...formFromSettings(DEFAULT_SETTINGS.verification), clientId: 'typed' },
      demoDescription(),
    );
    expect(form).toMatchObject({
      clientId: 'typed',
      endpoint: 'http://127.0.0.1:8088/DiwAppChk/DiwAppChk',
      soapVersion: '1.1',
      style: 'document',
      namespace: 'http://ws.diwappchk.diw.go.th/',
      operation: 'DiwLoginChk',
      tokenParameter: 'AccessToken',
      clientIdParameter: 'ClientID',
    });
  });

  it('leaves the choice to the person when the names give no guess, and keeps a typed endpoint when the WSDL has none', () => {
    const form = formFromWsdl({ ...filled, operation: 'Old' }, { ...unguessable, endpoint: null });
    expect(form.endpoint).toBe(filled.endpoint);
    expect(form.operation).toBe('');
    expect(form.tokenParameter).toBe('');
  });

  it('takes SOAPAction, style and namespace (falling back to the target namespace) from the chosen operation', () => {
    const form = formWithOperation(filled, unguessable, 'Check');
    expect(form).toMatchObject({
      operation: 'Check',
      soapAction: 'urn:Check',
      style: 'rpc',
      namespace: 'urn:example',
      soapVersion: '1.2',
      tokenParameter: '',
      clientIdParameter: '',
    });
  });
});

describe('checkVerificationForm', () => {
  it('turns a complete form into settings that the schema keeps as they are', () => {
    const check = checkVerificationForm({ ...filled, timeoutSeconds: '15' });
    expect(check.errors).toEqual({});
    expect(check.settings?.timeoutMs).toBe(15_000);
    const stored = parseSettings({ ...DEFAULT_SETTINGS, verification: check.settings });
    expect(stored.verification).toEqual(check.settings);
  });

  it('refuses a non-http endpoint, a missing operation or parameter, and one parameter used twice', () => {
    expect(checkVerificationForm({ ...filled, endpoint: 'ftp://127.0.0.1/x' }).errors.endpoint).toBe('error.httpUrl');
    expect(checkVerificationForm({ ...filled, endpoint: ' ' }).errors.endpoint).toBe('error.required');
    expect(checkVerificationForm({ ...filled, operation: '' }).errors.operation).toBe('error.required');
    expect(checkVerificationForm({ ...filled, tokenParameter: 'two words' }).errors.tokenParameter).toBe(
      'error.xmlName',
    );
    expect(checkVerificationForm({ ...filled, clientIdParameter: 'AccessToken' }).errors.clientIdParameter).toBe(
      'error.sameParameter',
    );
    expect(checkVerificationForm({ ...filled, endpoint: 'ftp://x' }).settings).toBeNull();
  });

  it('refuses a value longer than the settings schema keeps, rather than lose it', () => {
    expect(checkVerificationForm({ ...filled, operation: 'A'.repeat(257) }).errors.operation).toBe('error.tooLong');
    expect(checkVerificationForm({ ...filled, endpoint: `http://127.0.0.1/${'a'.repeat(2048)}` }).errors.endpoint).toBe(
      'error.tooLong',
    );
    expect(checkVerificationForm({ ...filled, clientId: 'C'.repeat(513) }).errors.clientId).toBe('error.tooLong');
    expect(checkVerificationForm({ ...filled, clientId: ` ${'C'.repeat(512)} ` }).errors.clientId).toBeUndefined();
  });

  it('has the schema’s limit for every text field: one character more is refused, the limit itself is not', () => {
    for (const [field, limit] of Object.entries(TEXT_LIMITS) as Array<[keyof typeof TEXT_LIMITS, number]>) {
      const prefix = field === 'endpoint' || field === 'wsdlUrl' ? 'http://127.0.0.1/' : 'A';
      const at = prefix + 'a'.repeat(limit - prefix.length);
      expect(checkVerificationForm({ ...filled, [field]: at }).errors[field], field).not.toBe('error.tooLong');
      expect(checkVerificationForm({ ...filled, [field]: `${at}a` }).errors[field], field).toBe('error.tooLong');
    }
  });

  it('refuses an address with a user name or password, in its own words', () => {
    expect(checkVerificationForm({ ...filled, endpoint: 'http://admin:pw@10.1.2.3/svc' }).errors.endpoint).toBe(
      'error.urlCredentials',
    );
    expect(checkVerificationForm({ ...filled, wsdlUrl: 'https://admin@10.1.2.3/svc?wsdl' }).errors.wsdlUrl).toBe(
      'error.urlCredentials',
    );
  });

  it('keeps the timeout within 1 to 120 seconds', () => {
    for (const bad of ['0', '121', '', 'ten', '-5'])
      expect(checkVerificationForm({ ...filled, timeoutSeconds: bad }).errors.timeoutSeconds).toBe('error.timeout');
    for (const good of ['1', '10', '120', '2.5'])
      expect(checkVerificationForm({ ...filled, timeoutSeconds: good }).errors.timeoutSeconds).toBeUndefined();
  });

  it('warns about a plain-HTTP endpoint, and about auto-verify held back there until chosen', () => {
    const plain = { ...filled, endpoint: 'http://diwinfo.diw.go.th:8080/DiwAppChk/DiwAppChk' };
    expect(plainHttpChoiceShown(plain)).toBe(true);
    expect(checkVerificationForm(plain).warnings).toEqual(['warning.plainHttp', 'warning.autoVerifyHeldBack']);
    expect(checkVerificationForm(plain).settings?.autoVerifyOverPlainHttp).toBe(false);
    const chosen = checkVerificationForm({ ...plain, autoVerifyOverPlainHttp: true });
    expect(chosen.warnings).toEqual(['warning.plainHttp']);
    expect(chosen.settings?.autoVerifyOverPlainHttp).toBe(true);
    // Auto-verify off: no choice to show, and none saved; the endpoint still gets its warning.
    const manualOnly = checkVerificationForm({ ...plain, autoVerify: false, autoVerifyOverPlainHttp: true });
    expect(plainHttpChoiceShown({ ...plain, autoVerify: false })).toBe(false);
    expect(manualOnly.warnings).toEqual(['warning.plainHttp']);
    expect(manualOnly.settings?.autoVerifyOverPlainHttp).toBe(false);
  });

  it('says nothing about plain HTTP for loopback or https, and saves no plain-HTTP choice there', () => {
    for (const endpoint of ['http://127.0.0.1:8088/svc', 'http://localhost/svc', 'https://diwinfo.diw.go.th/svc']) {
      const check = checkVerificationForm({ ...filled, endpoint, autoVerifyOverPlainHttp: true });
      expect(plainHttpChoiceShown({ ...filled, endpoint }), endpoint).toBe(false);
      expect(check.warnings, endpoint).toEqual([]);
      expect(check.settings?.autoVerifyOverPlainHttp, endpoint).toBe(false);
    }
  });

  it('only warns about a missing ClientID, and still saves the rest', () => {
    const check = checkVerificationForm({ ...filled, clientId: '' });
    expect(check.warnings).toContain('warning.noClientId');
    expect(check.settings?.endpoint).toBe(filled.endpoint);
  });

  it('never throws on hostile input, and whatever it accepts the background accepts too, unchanged', () => {
    const text = fc.oneof(
      fc.string(),
      fc.string({ minLength: 250, maxLength: 2100 }),
      fc.constantFrom(
        'http://127.0.0.1:1/x',
        'https://[::1]/',
        'http://10.1.2.3/svc',
        'http://u:p@10.1.2.3/',
        'javascript:alert(1)',
        'AccessToken',
        '10',
      ),
      fc.constantFrom(512, 513, 2048, 2049).map((length) => `http://127.0.0.1/${'c'.repeat(length - 17)}`),
      fc.constantFrom(256, 257, 512, 513).map((length) => 'C'.repeat(length)),
    );
    fc.assert(
      fc.property(
        fc.record({
          wsdlUrl: text,
          clientId: text,
          timeoutSeconds: text,
          endpoint: text,
          namespace: text,
          operation: text,
          soapAction: text,
          tokenParameter: text,
          clientIdParameter: text,
        }),
        fc.boolean(),
        fc.boolean(),
        (typed, autoVerify, autoVerifyOverPlainHttp) => {
          const check = checkVerificationForm({ ...filled, ...typed, autoVerify, autoVerifyOverPlainHttp });
          if (check.settings) {
            expect(Object.keys(check.errors)).toEqual([]);
            const candidate = { ...DEFAULT_SETTINGS, verification: check.settings };
            expect(validateSettings(candidate)).toEqual({ ok: true, settings: candidate });
            expect(parseSettings(candidate).verification).toEqual(check.settings);
            // Auto-verify over plain HTTP is saved on only where the page showed the choice.
            if (check.settings.autoVerifyOverPlainHttp)
              expect(isPlainHttp(check.settings) && check.settings.autoVerify).toBe(true);
          } else {
            expect(Object.keys(check.errors).length).toBeGreaterThan(0);
          }
        },
      ),
    );
  });
});
