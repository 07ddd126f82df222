// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SETTINGS, type Settings } from '../shared/settings';
import { parseWsdl } from '../domain/soap/wsdl';
import type { VerificationResult, WsdlDescription } from '../domain/types';
import { OptionsPage } from './options-page';
import { OptionsTestClient, type OptionsTestClientOptions } from './options-test-client';

afterEach(cleanup);

const DEMO_ENDPOINT = 'http://127.0.0.1:8088/DiwAppChk/DiwAppChk';
const DEMO_WSDL_URL = `${DEMO_ENDPOINT}?wsdl`;

/** The demo service's WSDL, read by the real parser: what the background would hand back. */
function demoDescription(): WsdlDescription {
  const xml = readFileSync(join(process.cwd(), 'demo/diwappchk.wsdl'), 'utf8').replace('REPLACED_AT_RUNTIME', DEMO_ENDPOINT);
  const parsed = parseWsdl(xml);
  if (!parsed.ok) throw new Error(parsed.reason.en);
  return parsed.description;
}

function settings(overrides: { language?: 'th' | 'en'; verification?: Partial<Settings['verification']>; captureSites?: string[] } = {}): Settings {
  return {
    ...DEFAULT_SETTINGS,
    language: overrides.language ?? 'en',
    verification: { ...DEFAULT_SETTINGS.verification, ...overrides.verification },
    captureSites: overrides.captureSites ?? [],
  };
}

/** Everything a demo configuration needs, as the demo WSDL describes it. */
const DEMO_VERIFICATION = {
  wsdlUrl: DEMO_WSDL_URL,
  clientId: 'DEMO-CLIENT-7F3A',
  endpoint: DEMO_ENDPOINT,
  namespace: 'http://ws.diwappchk.diw.go.th/',
  operation: 'DiwLoginChk',
  tokenParameter: 'AccessToken',
  clientIdParameter: 'ClientID',
};

async function renderPage(options: OptionsTestClientOptions = {}) {
  const client = new OptionsTestClient({ settings: settings(), ...options });
  render(<OptionsPage client={client} />);
  await screen.findByTestId('save-settings');
  return client;
}

const byTestId = <T extends HTMLElement = HTMLInputElement>(id: string) => screen.getByTestId(id) as T;
const type = (id: string, value: string) => fireEvent.input(byTestId(id), { target: { value } });
const choose = (id: string, value: string) => fireEvent.change(byTestId<HTMLSelectElement>(id), { target: { value } });
const status = () => screen.getByTestId('status-message');

function savedVerification(client: OptionsTestClient) {
  const saves = client.callsTo('saveSettings');
  return (saves.at(-1)?.[0] as Settings | undefined)?.verification;
}

describe('Load WSDL', () => {
  it('fills the mapping with the guess and shows what the WSDL says', async () => {
    const client = await renderPage({ wsdlResult: { ok: true, value: demoDescription() } });
    type('wsdl-url', DEMO_WSDL_URL);
    type('client-id', 'typed-before-loading');
    fireEvent.click(byTestId('load-wsdl'));

    await waitFor(() => expect(byTestId<HTMLSelectElement>('operation').value).toBe('DiwLoginChk'));
    expect(client.callsTo('loadWsdl')).toEqual([[DEMO_WSDL_URL]]);
    // The background reads the WSDL, so its host was asked for in the same click.
    expect(client.callsTo('requestOrigin')).toEqual([['http://127.0.0.1:8088']]);
    expect(byTestId<HTMLSelectElement>('token-parameter').value).toBe('AccessToken');
    expect(byTestId<HTMLSelectElement>('client-id-parameter').value).toBe('ClientID');
    expect(byTestId('endpoint').value).toBe(DEMO_ENDPOINT);
    expect(byTestId('client-id').value).toBe('typed-before-loading');

    const summary = screen.getByTestId('wsdl-summary');
    expect(summary.textContent).toContain(DEMO_ENDPOINT);
    expect(summary.textContent).toContain('SOAP 1.1');
    expect(summary.textContent).toContain('http://ws.diwappchk.diw.go.th/');
    expect(summary.textContent).toContain('AccessToken, ClientID');
    // Shown as a guess, for each of the three choices.
    expect(screen.getAllByText('guessed from the names — please check')).toHaveLength(3);
    expect(status().textContent).toContain('WSDL read: 1 operation(s) found.');
    expect(status().textContent).toContain('Preselected by a guess from the names: DiwLoginChk');
  });

  it('lets the person map the parameters by hand when the names give no guess', async () => {
    const description: WsdlDescription = {
      targetNamespace: 'urn:checker',
      endpoint: 'http://127.0.0.1:9001/check',
      soapVersion: '1.2',
      operations: [
        { name: 'Ping', style: 'document', soapAction: '', inputNamespace: 'urn:checker', inputParameters: [] },
        { name: 'Check', style: 'rpc', soapAction: 'urn:checker#Check', inputNamespace: '', inputParameters: ['arg0', 'arg1'] },
      ],
      guess: null,
    };
    const client = await renderPage({ wsdlResult: { ok: true, value: description } });
    type('client-id', 'CID-1');
    fireEvent.click(byTestId('load-wsdl'));
    await screen.findByText('The names gave no clear guess; please choose.');
    expect(byTestId<HTMLSelectElement>('operation').value).toBe('');
    expect(screen.queryByText('guessed from the names — please check')).toBeNull();

    choose('operation', 'Check');
    const tokenOptions = within(byTestId('token-parameter')).getAllByRole('option').map((option) => option.textContent);
    expect(tokenOptions).toEqual(['— choose —', 'arg0', 'arg1']);
    choose('token-parameter', 'arg1');
    choose('client-id-parameter', 'arg0');
    fireEvent.click(byTestId('save-settings'));

    await waitFor(() => expect(client.callsTo('saveSettings')).toHaveLength(1));
    expect(savedVerification(client)).toMatchObject({
      endpoint: 'http://127.0.0.1:9001/check',
      soapVersion: '1.2',
      style: 'rpc',
      namespace: 'urn:checker',
      operation: 'Check',
      soapAction: 'urn:checker#Check',
      tokenParameter: 'arg1',
      clientIdParameter: 'arg0',
      clientId: 'CID-1',
    });
  });

  it('shows the reason of a failed load and opens manual mode, keeping what was typed', async () => {
    const client = await renderPage({
      wsdlResult: { ok: false, error: { th: 'เชื่อมต่อไม่ได้', en: 'Connection refused by 127.0.0.1:9' } },
    });
    type('wsdl-url', 'http://127.0.0.1:9/nothing?wsdl');
    type('client-id', 'DEMO-CLIENT-7F3A');
    type('timeout', '25');
    fireEvent.click(byTestId('load-wsdl'));

    await screen.findByTestId('manual-mode');
    expect(status().textContent).toContain('Could not load the WSDL: Connection refused by 127.0.0.1:9. You can type the service details below.');
    expect(byTestId('wsdl-url').value).toBe('http://127.0.0.1:9/nothing?wsdl');
    expect(byTestId('client-id').value).toBe('DEMO-CLIENT-7F3A');
    expect(byTestId('timeout').value).toBe('25');

    // Manual mode: every detail typed in, then saved as typed.
    type('endpoint', DEMO_ENDPOINT);
    type('namespace', 'http://ws.diwappchk.diw.go.th/');
    type('operation', 'DiwLoginChk');
    type('soap-action', 'urn:DiwLoginChk');
    choose('soap-version', '1.2');
    choose('style', 'rpc');
    type('token-parameter', 'AccessToken');
    type('client-id-parameter', 'ClientID');
    fireEvent.click(byTestId('save-settings'));
    await waitFor(() => expect(client.callsTo('saveSettings')).toHaveLength(1));
    // The reason stays beside manual mode after the status area has moved on to the save.
    await waitFor(() => expect(status().textContent).toContain('Settings saved'));
    expect(screen.getByTestId('wsdl-failure').textContent).toBe('The WSDL could not be loaded: Connection refused by 127.0.0.1:9');
    expect(savedVerification(client)).toEqual({
      wsdlUrl: 'http://127.0.0.1:9/nothing?wsdl',
      clientId: 'DEMO-CLIENT-7F3A',
      timeoutMs: 25_000,
      autoVerify: true,
      autoVerifyOverPlainHttp: false,
      endpoint: DEMO_ENDPOINT,
      soapVersion: '1.2',
      style: 'rpc',
      namespace: 'http://ws.diwappchk.diw.go.th/',
      operation: 'DiwLoginChk',
      soapAction: 'urn:DiwLoginChk',
      tokenParameter: 'AccessToken',
      clientIdParameter: 'ClientID',
    });
  });

  it('says when the WSDL host was not allowed, and does not ask for a malformed URL', async () => {
    const client = await renderPage({ answerPrompt: () => false, wsdlResult: { ok: false, error: { th: 'x', en: 'Failed to fetch' } } });
    type('wsdl-url', 'not a url');
    fireEvent.click(byTestId('load-wsdl'));
    expect(client.callsTo('requestOrigin')).toEqual([]);
    expect(status().textContent).toContain('Not saved. Please correct: WSDL URL');

    type('wsdl-url', 'http://10.1.2.3:8080/svc?wsdl');
    fireEvent.click(byTestId('load-wsdl'));
    await waitFor(() => expect(status().textContent).toContain('Permission to read http://10.1.2.3:8080 was not granted.'));
  });
});

describe('Save', () => {
  it('asks for the endpoint’s host permission inside the click, before saving, then confirms', async () => {
    const client = await renderPage({ settings: settings({ verification: DEMO_VERIFICATION }) });
    type('timeout', '30');
    fireEvent.click(byTestId('save-settings'));

    // Synchronously, in the click itself: the permission was asked for and nothing saved yet.
    expect(client.callsTo('requestOrigin')).toEqual([['http://127.0.0.1:8088']]);
    expect(client.callsTo('saveSettings')).toEqual([]);

    await waitFor(() => expect(status().textContent).toContain('Settings saved, and the extension may reach http://127.0.0.1:8088.'));
    const order = client.callOrder();
    expect(order.indexOf('requestOrigin')).toBeLessThan(order.indexOf('saveSettings'));
    expect(savedVerification(client)?.timeoutMs).toBe(30_000);
    expect(client.settings.verification.timeoutMs).toBe(30_000);
    expect(screen.getByTestId('endpoint-permission').textContent).toBe('Allowed to reach http://127.0.0.1:8088.');
  });

  it('explains a denied permission and does not claim access it does not have', async () => {
    const client = await renderPage({ settings: settings({ verification: DEMO_VERIFICATION }), answerPrompt: () => false });
    fireEvent.click(byTestId('save-settings'));

    await waitFor(() => expect(status().textContent).toContain('permission to reach http://127.0.0.1:8088 was not granted'));
    expect(status().textContent).toContain('verification cannot reach the service until it is');
    expect(status().textContent).toContain('about:addons');
    expect(status().getAttribute('data-tone')).toBe('warning');
    expect(status().textContent).not.toContain('may reach');
    const permission = screen.getByTestId('endpoint-permission');
    expect(permission.textContent).toContain('Not yet allowed to reach http://127.0.0.1:8088.');

    // Granting later, from the button beside it, is a click of its own.
    client.answerPrompt = () => true;
    fireEvent.click(within(permission).getByRole('button', { name: 'Grant' }));
    await waitFor(() => expect(screen.getByTestId('endpoint-permission').textContent).toBe('Allowed to reach http://127.0.0.1:8088.'));
  });

  it('refuses invalid fields without asking or saving, and keeps every typed value', async () => {
    const client = await renderPage({ settings: settings({ verification: DEMO_VERIFICATION }) });
    type('endpoint', 'ftp://127.0.0.1/service');
    type('timeout', '0');
    type('token-parameter', 'ClientID');
    fireEvent.click(byTestId('save-settings'));

    expect(client.callsTo('requestOrigin')).toEqual([]);
    expect(client.callsTo('saveSettings')).toEqual([]);
    expect(status().textContent).toContain('Not saved. Please correct: Timeout (seconds), Service address (endpoint), Parameter that takes the ClientID');
    expect(byTestId('endpoint').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Must be an address starting with http:// or https://.')).toBeTruthy();
    expect(screen.getByText('The token and the ClientID need different parameters.')).toBeTruthy();
    expect(byTestId('endpoint').value).toBe('ftp://127.0.0.1/service');
    expect(byTestId('timeout').value).toBe('0');
    // The keyboard is taken to the first field to fix.
    await waitFor(() => expect(document.activeElement).toBe(byTestId('timeout')));
  });

  it('opens the service fields when saving before anything was set up', async () => {
    const client = await renderPage();
    expect(screen.queryByTestId('endpoint')).toBeNull();
    fireEvent.click(byTestId('save-settings'));
    expect(client.callsTo('saveSettings')).toEqual([]);
    await waitFor(() => expect(document.activeElement).toBe(byTestId('endpoint')));
    expect(screen.getByTestId('manual-mode')).toBeTruthy();
    expect(status().textContent).toContain('Not saved. Please correct: Service address (endpoint), Operation that verifies');
  });

  it('saves without a ClientID but warns that verification will not work', async () => {
    const client = await renderPage({ settings: settings({ verification: { ...DEMO_VERIFICATION, clientId: '' } }) });
    fireEvent.click(byTestId('save-settings'));
    await waitFor(() => expect(client.callsTo('saveSettings')).toHaveLength(1));
    await waitFor(() => expect(status().textContent).toContain('No ClientID: verification will not work until one is entered.'));
  });
});

describe('A refused save', () => {
  it('shows the background’s reason, stores nothing, and keeps every typed value', async () => {
    const refusal = { th: 'การตั้งค่าไม่ถูกต้อง จึงไม่ได้บันทึกอะไรเลย: ภาษา', en: 'the settings are not valid, so nothing was stored: Language: must be one of: th, en' };
    const client = await renderPage({ settings: settings({ verification: DEMO_VERIFICATION }), refuseSave: () => refusal });
    type('client-id', 'NEW-CLIENT-0001');
    type('timeout', '42');
    type('operation', 'DiwLoginChk2');
    fireEvent.click(byTestId('save-settings'));

    await waitFor(() => expect(status().textContent).toBe(`Could not save: ${refusal.en}`));
    expect(status().getAttribute('data-tone')).toBe('error');
    expect(client.callsTo('saveSettings')).toHaveLength(1);
    expect(client.settings.verification).toEqual(settings({ verification: DEMO_VERIFICATION }).verification);
    expect(byTestId('client-id').value).toBe('NEW-CLIENT-0001');
    expect(byTestId('timeout').value).toBe('42');
    expect(byTestId('operation').value).toBe('DiwLoginChk2');
    // The saved ClientID shown beside the field is still the stored one.
    expect(screen.getByText(/Saved: DEMO••••••7F3A/)).toBeTruthy();
  });

  it('refuses in the form, before asking or sending, a ClientID longer than the background takes', async () => {
    const client = await renderPage({ settings: settings({ verification: DEMO_VERIFICATION }) });
    const tooLong = `N${'x'.repeat(512)}`;
    type('client-id', tooLong);
    fireEvent.click(byTestId('save-settings'));

    expect(client.callsTo('requestOrigin')).toEqual([]);
    expect(client.callsTo('saveSettings')).toEqual([]);
    expect(status().textContent).toContain('Not saved. Please correct: ClientID');
    expect(screen.getByText('Too long: at most 512 characters.')).toBeTruthy();
    expect(byTestId('client-id').value).toBe(tooLong);
    expect(client.settings.verification.clientId).toBe('DEMO-CLIENT-7F3A');
  });

  it('is what the mock does by default, by the background’s own rules', async () => {
    const client = new OptionsTestClient({ settings: settings() });
    const result = await client.saveSettings({ ...settings(), verification: { ...settings().verification, endpoint: 'javascript:alert(1)' } });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.en).toContain('Service address (endpoint)');
    expect(client.settings).toEqual(settings());
  });
});

describe('Plain HTTP', () => {
  const PLAIN = 'http://diwinfo.diw.go.th:8080/DiwAppChk/DiwAppChk';
  const warning = () => screen.queryByTestId('plain-http-warning');
  const choice = () => screen.queryByTestId('auto-verify-plain-http') as HTMLInputElement | null;

  it('says beside the endpoint what plain HTTP exposes, and offers auto-verify over it only as a second, unticked choice', async () => {
    await renderPage({ settings: settings({ verification: { ...DEMO_VERIFICATION, endpoint: PLAIN } }) });
    expect(warning()?.textContent).toBe(
      'This service address uses unencrypted http to a host other than this PC: every token verified (with its national ID number) and the ClientID cross the network unencrypted, anyone on the path can read them, and the answers can come from anyone on the path. If the service offers https, use an https:// address instead.',
    );
    expect(byTestId('endpoint').getAttribute('aria-describedby')).toContain('endpoint-security');
    expect(screen.getByTestId('plain-http-auto-verify').textContent).toContain('automatic verification stays off for it unless you also tick the box below');
    expect(choice()?.checked).toBe(false);
    expect(screen.getByLabelText(/Verify automatically over this unencrypted http address too/)).toBe(choice());

    // Without auto-verify there is nothing to choose; the warning about the endpoint stays.
    fireEvent.click(byTestId('auto-verify'));
    expect(choice()).toBeNull();
    expect(warning()).not.toBeNull();
  });

  it('says it in Thai too', async () => {
    await renderPage({ settings: settings({ language: 'th', verification: { ...DEMO_VERIFICATION, endpoint: PLAIN } }) });
    expect(warning()?.textContent).toContain('เลขประจำตัวประชาชน');
    expect(warning()?.textContent).toContain('https://');
    expect(screen.getByTestId('plain-http-auto-verify').textContent).toContain('การตรวจสอบอัตโนมัติจึงปิดไว้');
  });

  it('says nothing of the kind for loopback or https, and follows the endpoint as it is typed', async () => {
    await renderPage({ settings: settings({ verification: DEMO_VERIFICATION }) });
    expect(warning()).toBeNull();
    expect(choice()).toBeNull();
    type('endpoint', 'https://diwinfo.diw.go.th/DiwAppChk/DiwAppChk');
    expect(warning()).toBeNull();
    expect(choice()).toBeNull();
    type('endpoint', 'http://localhost:8088/svc');
    expect(warning()).toBeNull();
    type('endpoint', PLAIN);
    expect(warning()).not.toBeNull();
    expect(choice()?.checked).toBe(false);
  });

  it('shows the warning when the WSDL names a plain-HTTP endpoint, as the manual’s does, and asks to check a WSDL read over http', async () => {
    await renderPage({ wsdlResult: { ok: true, value: { ...demoDescription(), endpoint: PLAIN } } });
    expect(byTestId('wsdl-url').value).toBe('http://diwinfo.diw.go.th:8080/DiwAppChk/DiwAppChk?wsdl');
    fireEvent.click(byTestId('load-wsdl'));
    await waitFor(() => expect(byTestId('endpoint').value).toBe(PLAIN));
    expect(warning()).not.toBeNull();
    expect(choice()?.checked).toBe(false);
    expect(screen.getByTestId('wsdl-plain-http').textContent).toContain('check that the service address above is the one DIW gave you');
  });

  it('does not ask to check a WSDL read from loopback', async () => {
    await renderPage({ wsdlResult: { ok: true, value: demoDescription() } });
    type('wsdl-url', DEMO_WSDL_URL);
    fireEvent.click(byTestId('load-wsdl'));
    await screen.findByTestId('wsdl-summary');
    expect(screen.queryByTestId('wsdl-plain-http')).toBeNull();
  });

  it('saves auto-verify over plain HTTP off unless ticked, and says so; ticking it saves the choice', async () => {
    const client = await renderPage({ settings: settings({ verification: { ...DEMO_VERIFICATION, endpoint: PLAIN } }) });
    fireEvent.click(byTestId('save-settings'));
    await waitFor(() => expect(client.callsTo('saveSettings')).toHaveLength(1));
    await waitFor(() => expect(status().textContent).toContain('Automatic verification will not run for this unencrypted http address'));
    expect(status().textContent).toContain('The service address uses unencrypted http');
    expect(savedVerification(client)).toMatchObject({ autoVerify: true, autoVerifyOverPlainHttp: false });

    fireEvent.click(choice()!);
    fireEvent.click(byTestId('save-settings'));
    await waitFor(() => expect(client.callsTo('saveSettings')).toHaveLength(2));
    expect(savedVerification(client)).toMatchObject({ autoVerify: true, autoVerifyOverPlainHttp: true });
    await waitFor(() => expect(status().textContent).not.toContain('Automatic verification will not run'));
    expect(choice()?.checked).toBe(true);
  });

  it('does not keep the choice, unseen, once the endpoint is https', async () => {
    const client = await renderPage({ settings: settings({ verification: { ...DEMO_VERIFICATION, endpoint: PLAIN, autoVerifyOverPlainHttp: true } }) });
    expect(choice()?.checked).toBe(true);
    type('endpoint', 'https://diwinfo.diw.go.th/DiwAppChk/DiwAppChk');
    fireEvent.click(byTestId('save-settings'));
    await waitFor(() => expect(client.callsTo('saveSettings')).toHaveLength(1));
    expect(savedVerification(client)).toMatchObject({ endpoint: 'https://diwinfo.diw.go.th/DiwAppChk/DiwAppChk', autoVerifyOverPlainHttp: false });
  });
});

describe('ClientID', () => {
  it('is a password field with a show toggle, and the saved one is shown masked', async () => {
    await renderPage({ settings: settings({ verification: DEMO_VERIFICATION }) });
    const input = byTestId('client-id');
    expect(input.type).toBe('password');
    expect(screen.getByText(/Saved: DEMO••••••7F3A/)).toBeTruthy();
    expect(document.body.textContent).not.toContain('DEMO-CLIENT-7F3A');

    const toggle = screen.getByRole('button', { name: 'Show the ClientID' });
    fireEvent.click(toggle);
    expect(input.type).toBe('text');
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
  });
});

describe('Test connection', () => {
  const caseThree: VerificationResult = {
    checkedAt: 1,
    roundTripMs: 12,
    clockSkewMs: null,
    endpoint: DEMO_ENDPOINT,
    outcome: {
      kind: 'answered',
      answer: { manualCase: 3, status: false, message: 'Mismatch data in received token', username: null, idCard: null },
    },
    findings: [],
  };

  it('reports what came back in plain words', async () => {
    const client = await renderPage({ settings: settings({ verification: DEMO_VERIFICATION }), testResult: { ok: true, value: caseThree } });
    fireEvent.click(byTestId('test-connection'));
    await waitFor(() =>
      expect(status().textContent).toContain(
        'Service reachable; it answered case 3 “Mismatch data in received token” — expected for a dummy token, so the path works end to end.',
      ),
    );
    expect(client.callsTo('testConnection')).toHaveLength(1);
    expect(status().textContent).toContain('Round trip 12 ms.');
    expect(status().textContent).not.toContain('changes not yet saved');
  });

  it('shows a failure in its own words, with its findings, and says when unsaved changes are not being tested', async () => {
    const failed: VerificationResult = {
      ...caseThree,
      roundTripMs: null,
      outcome: { kind: 'failed', code: 'connection-refused', detail: 'Connection refused: 127.0.0.1:8088' },
      findings: [
        {
          code: 'verify.connection-refused',
          severity: 'error',
          title: { th: 'ติดต่อบริการไม่ได้', en: 'The service refused the connection' },
          detail: { th: 'd', en: 'Nothing listens on 127.0.0.1:8088.' },
          nextStep: { th: 'n', en: 'Check the endpoint address and that the service runs.' },
        },
      ],
    };
    await renderPage({ settings: settings({ verification: DEMO_VERIFICATION }), testResult: { ok: true, value: failed } });
    type('timeout', '99');
    fireEvent.click(byTestId('test-connection'));
    await waitFor(() => expect(status().textContent).toContain('The test got no answer from the service: Connection refused: 127.0.0.1:8088'));
    expect(status().textContent).toContain('The service refused the connection');
    expect(status().textContent).toContain('Next step: Check the endpoint address and that the service runs.');
    expect(status().textContent).toContain('The test uses the saved settings; changes not yet saved are not used.');
    expect(status().getAttribute('data-tone')).toBe('error');
  });
});

describe('Capture sites', () => {
  const captureStatus = () => screen.getByTestId('capture-site-status');

  it('lists the built-in sites read-only with their permission state, and a Grant button where missing', async () => {
    const client = await renderPage({ granted: ['*://*.industry.go.th', '*://localhost', '*://127.0.0.1'] });
    const defaults = screen.getByTestId('default-capture-sites');
    await waitFor(() => expect(within(defaults).getAllByText('permission granted')).toHaveLength(3));
    expect(within(defaults).getByText('*.diw.go.th')).toBeTruthy();
    expect(within(defaults).queryByRole('button', { name: /Remove/ })).toBeNull();
    expect(screen.getByText(/Firefox lets the person decide on site access/)).toBeTruthy();

    fireEvent.click(within(defaults).getByRole('button', { name: 'Grant *.diw.go.th' }));
    expect(client.callsTo('requestOrigin')).toEqual([['*://*.diw.go.th']]);
    await waitFor(() => expect(captureStatus().textContent).toContain('Permission for *://*.diw.go.th granted.'));
    expect(within(defaults).getAllByText('permission granted')).toHaveLength(4);
  });

  it('rejects a bad origin with a clear message, asking nothing and keeping the text', async () => {
    const client = await renderPage();
    type('capture-site-input', 'ftp://10.1.2.3');
    fireEvent.click(byTestId('add-capture-site'));
    expect(screen.getByTestId('capture-site-error').textContent).toContain('“ftp://10.1.2.3” is not a usable origin');
    expect(byTestId('capture-site-input').getAttribute('aria-describedby')).toContain('capture-site-input-error');
    expect(byTestId('capture-site-input').getAttribute('aria-invalid')).toBe('true');
    expect(byTestId('capture-site-input').value).toBe('ftp://10.1.2.3');

    type('capture-site-input', '10.1.2.3:8080');
    fireEvent.keyDown(byTestId('capture-site-input'), { key: 'Enter' });
    expect(screen.getByTestId('capture-site-error').textContent).toContain('“10.1.2.3:8080” is not a usable origin');
    expect(client.callsTo('requestOrigin')).toEqual([]);
    expect(client.callsTo('saveSettings')).toEqual([]);
  });

  it('adds an origin once granted: asks in the click, saves, then registers capture', async () => {
    const client = await renderPage();
    type('capture-site-input', ' http://10.1.2.3:8080/some/path ');
    fireEvent.click(byTestId('add-capture-site'));
    expect(client.callsTo('requestOrigin')).toEqual([['http://10.1.2.3:8080']]);
    expect(client.callsTo('saveSettings')).toEqual([]);

    await waitFor(() => expect(captureStatus().textContent).toContain('http://10.1.2.3:8080 added.'));
    expect(captureStatus().textContent).toContain('Capture registered on: http://10.1.2.3:8080');
    expect(client.settings.captureSites).toEqual(['http://10.1.2.3:8080']);
    const order = client.callOrder();
    expect(order.indexOf('requestOrigin')).toBeLessThan(order.indexOf('saveSettings'));
    expect(order.indexOf('saveSettings')).toBeLessThan(order.indexOf('syncCaptureSites'));
    const added = screen.getByTestId('added-capture-sites');
    await waitFor(() => expect(within(added).getByText('permission granted')).toBeTruthy());
    expect(byTestId('capture-site-input').value).toBe('');
  });

  it('does not add an origin whose permission was denied, and says why', async () => {
    const client = await renderPage({ answerPrompt: () => false });
    type('capture-site-input', 'http://10.1.2.3:8080');
    fireEvent.click(byTestId('add-capture-site'));
    await waitFor(() => expect(captureStatus().textContent).toContain('http://10.1.2.3:8080 was not added: permission was not granted'));
    expect(client.callsTo('saveSettings')).toEqual([]);
    expect(client.callsTo('syncCaptureSites')).toEqual([]);
    expect(screen.queryByTestId('added-capture-sites')).toBeNull();
    expect(byTestId('capture-site-input').value).toBe('http://10.1.2.3:8080');
  });

  it('removes an origin: gives the permission back, saves without it, re-registers', async () => {
    const client = await renderPage({ settings: settings({ captureSites: ['http://10.1.2.3:8080'] }), granted: ['http://10.1.2.3:8080'] });
    fireEvent.click(screen.getByRole('button', { name: 'Remove http://10.1.2.3:8080' }));
    await waitFor(() => expect(captureStatus().textContent).toContain('http://10.1.2.3:8080 removed, and its permission given back.'));
    expect(client.callsTo('removeOrigin')).toEqual([['http://10.1.2.3:8080']]);
    expect(client.settings.captureSites).toEqual([]);
    expect(client.callsTo('syncCaptureSites')).toHaveLength(1);
    expect(client.granted.has('http://10.1.2.3:8080')).toBe(false);
  });

  it('keeps a host permission that another site or the verification endpoint still needs', async () => {
    const client = await renderPage({
      settings: settings({ captureSites: ['http://10.1.2.3:8080', 'http://10.1.2.3:9090'], verification: { endpoint: 'http://10.9.9.9:8088/svc' } }),
      granted: ['http://10.1.2.3:8080', 'http://10.1.2.3:9090'],
    });
    fireEvent.click(screen.getByRole('button', { name: 'Remove http://10.1.2.3:8080' }));
    await waitFor(() =>
      expect(captureStatus().textContent).toContain(
        'http://10.1.2.3:8080 removed, but its permission could not be given back: the same host is still needed by http://10.1.2.3:9090',
      ),
    );
    expect(client.callsTo('removeOrigin')).toEqual([]);
    expect(client.settings.captureSites).toEqual(['http://10.1.2.3:9090']);
  });

  it('keeps verification edits apart: adding a site does not save the unsaved form', async () => {
    const client = await renderPage({ settings: settings({ verification: DEMO_VERIFICATION }) });
    type('timeout', '77');
    type('capture-site-input', 'http://10.1.2.3:8080');
    fireEvent.click(byTestId('add-capture-site'));
    await waitFor(() => expect(client.settings.captureSites).toEqual(['http://10.1.2.3:8080']));
    expect(client.settings.verification.timeoutMs).toBe(10_000);
    expect(byTestId('timeout').value).toBe('77');
  });
});

describe('Language', () => {
  it('is Thai by default and switches to English, saving the choice', async () => {
    const client = await renderPage({ settings: settings({ language: 'th' }) });
    expect(byTestId('save-settings').textContent).toBe('บันทึกการตั้งค่า');
    expect(document.documentElement.lang).toBe('th');
    choose('language', 'en');
    await waitFor(() => expect(byTestId('save-settings').textContent).toBe('Save settings'));
    expect(client.settings.language).toBe('en');
    await waitFor(() => expect(document.documentElement.lang).toBe('en'));
  });

  it('translates a message already on screen when the language changes', async () => {
    await renderPage({ settings: settings({ language: 'th' }) });
    type('capture-site-input', 'nonsense');
    fireEvent.click(byTestId('add-capture-site'));
    expect(screen.getByTestId('capture-site-error').textContent).toContain('ใช้เป็น origin ไม่ได้');
    choose('language', 'en');
    await waitFor(() => expect(screen.getByTestId('capture-site-error').textContent).toContain('is not a usable origin'));
  });
});

describe('Accessibility basics', () => {
  it('labels every form control', async () => {
    await renderPage({ settings: settings({ verification: DEMO_VERIFICATION }) });
    for (const control of document.querySelectorAll('input, select')) {
      const id = control.getAttribute('id');
      expect(id, control.outerHTML).toBeTruthy();
      expect(document.querySelector(`label[for="${id}"]`), control.outerHTML).not.toBeNull();
    }
  });
});
