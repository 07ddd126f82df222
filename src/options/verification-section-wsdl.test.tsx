// @vitest-environment happy-dom
/** The verification section: loading the WSDL, and mapping its parameters when it gives no guess. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import type { WsdlDescription } from '../domain/soap/wsdl';
import {
  DEMO_ENDPOINT,
  DEMO_WSDL_URL,
  demoDescription,
  renderPage,
  byTestId,
  type,
  choose,
  status,
  savedVerification,
} from '../test-support/render-options-page';
import { describedOperation } from '../test-support/wsdl-fixtures';

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
        describedOperation({ name: 'Ping', inputNamespace: 'urn:checker', inputParameters: [] }),
        describedOperation({
          name: 'Check',
          style: 'rpc',
          soapAction: 'urn:checker#Check',
          inputParameters: ['arg0', 'arg1'],
        }),
      ],
      guess: null,
      notes: [],
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
