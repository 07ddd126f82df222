// @vitest-environment happy-dom
/** The verification section: saving, and a save the background refuses. (Loading the WSDL: verification-section-wsdl.test.tsx.) */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { OptionsTestClient } from '../test-support/options-test-client';
import {
  settings,
  DEMO_VERIFICATION,
  renderPage,
  byTestId,
  type,
  status,
  savedVerification,
} from '../test-support/render-options-page';

afterEach(cleanup);

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
