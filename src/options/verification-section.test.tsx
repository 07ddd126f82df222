// @vitest-environment happy-dom
/** The verification section: loading the WSDL, saving, and a save the background refuses. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import type { WsdlDescription } from '../domain/soap/wsdl';
import { OptionsTestClient } from '../test-support/options-test-client';
import {
  DEMO_ENDPOINT,
  DEMO_WSDL_URL,
  demoDescription,
  settings,
  DEMO_VERIFICATION,
  renderPage,
  byTestId,
  type,
  choose,
  status,
  savedVerification,
} from '../test-support/render-options-page';

afterEach(cleanup);

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
        {
          name: 'Check',
          style: 'rpc',
          soapAction: 'urn:checker#Check',
          inputNamespace: '',
          inputParameters: ['arg0', 'arg1'],
        },
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
    const tokenOptions = within(byTestId('token-parameter'))
      .getAllByRole('option')
      .map((option) => option.textContent);
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
    expect(status().textContent).toContain(
      'Could not load the WSDL: Connection refused by 127.0.0.1:9. You can type the service details below.',
    );
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
    expect(screen.getByTestId('wsdl-failure').textContent).toBe(
      'The WSDL could not be loaded: Connection refused by 127.0.0.1:9',
    );
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
    const client = await renderPage({
      answerPrompt: () => false,
      wsdlResult: { ok: false, error: { th: 'x', en: 'Failed to fetch' } },
    });
    type('wsdl-url', 'not a url');
    fireEvent.click(byTestId('load-wsdl'));
    expect(client.callsTo('requestOrigin')).toEqual([]);
    expect(status().textContent).toContain('Not saved. Please correct: WSDL URL');

    type('wsdl-url', 'http://10.1.2.3:8080/svc?wsdl');
    fireEvent.click(byTestId('load-wsdl'));
    await waitFor(() =>
      expect(status().textContent).toContain('Permission to read http://10.1.2.3:8080 was not granted.'),
    );
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

    await waitFor(() =>
      expect(status().textContent).toContain('Settings saved, and the extension may reach http://127.0.0.1:8088.'),
    );
    const order = client.callOrder();
    expect(order.indexOf('requestOrigin')).toBeLessThan(order.indexOf('saveSettings'));
    expect(savedVerification(client)?.timeoutMs).toBe(30_000);
    expect(client.settings.verification.timeoutMs).toBe(30_000);
    expect(screen.getByTestId('endpoint-permission').textContent).toBe('Allowed to reach http://127.0.0.1:8088.');
  });

  it('explains a denied permission and does not claim access it does not have', async () => {
    const client = await renderPage({
      settings: settings({ verification: DEMO_VERIFICATION }),
      answerPrompt: () => false,
    });
    fireEvent.click(byTestId('save-settings'));

    await waitFor(() =>
      expect(status().textContent).toContain('permission to reach http://127.0.0.1:8088 was not granted'),
    );
    expect(status().textContent).toContain('verification cannot reach the service until it is');
    expect(status().textContent).toContain('about:addons');
    expect(status().getAttribute('data-tone')).toBe('warning');
    expect(status().textContent).not.toContain('may reach');
    const permission = screen.getByTestId('endpoint-permission');
    expect(permission.textContent).toContain('Not yet allowed to reach http://127.0.0.1:8088.');

    // Granting later, from the button beside it, is a click of its own.
    client.answerPrompt = () => true;
    fireEvent.click(within(permission).getByRole('button', { name: 'Grant' }));
    await waitFor(() =>
      expect(screen.getByTestId('endpoint-permission').textContent).toBe('Allowed to reach http://127.0.0.1:8088.'),
    );
  });

  it('refuses invalid fields without asking or saving, and keeps every typed value', async () => {
    const client = await renderPage({ settings: settings({ verification: DEMO_VERIFICATION }) });
    type('endpoint', 'ftp://127.0.0.1/service');
    type('timeout', '0');
    type('token-parameter', 'ClientID');
    fireEvent.click(byTestId('save-settings'));

    expect(client.callsTo('requestOrigin')).toEqual([]);
    expect(client.callsTo('saveSettings')).toEqual([]);
    expect(status().textContent).toContain(
      'Not saved. Please correct: Timeout (seconds), Service address (endpoint), Parameter that takes the ClientID',
    );
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
    expect(status().textContent).toContain(
      'Not saved. Please correct: Service address (endpoint), Operation that verifies',
    );
  });

  it('saves without a ClientID but warns that verification will not work', async () => {
    const client = await renderPage({ settings: settings({ verification: { ...DEMO_VERIFICATION, clientId: '' } }) });
    fireEvent.click(byTestId('save-settings'));
    await waitFor(() => expect(client.callsTo('saveSettings')).toHaveLength(1));
    await waitFor(() =>
      expect(status().textContent).toContain('No ClientID: verification will not work until one is entered.'),
    );
  });
});

describe('A refused save', () => {
  it('shows the background’s reason, stores nothing, and keeps every typed value', async () => {
    const refusal = {
      th: 'การตั้งค่าไม่ถูกต้อง จึงไม่ได้บันทึกอะไรเลย: ภาษา',
      en: 'the settings are not valid, so nothing was stored: Language: must be one of: th, en',
    };
    const client = await renderPage({
      settings: settings({ verification: DEMO_VERIFICATION }),
      refuseSave: () => refusal,
    });
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
    const result = await client.saveSettings({
      ...settings(),
      verification: { ...settings().verification, endpoint: 'javascript:alert(1)' },
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.en).toContain('Service address (endpoint)');
    expect(client.settings).toEqual(settings());
  });
});
