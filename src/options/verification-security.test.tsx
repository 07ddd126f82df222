// @vitest-environment happy-dom
/** The verification section: plain HTTP, the ClientID as a secret, and Test connection. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import type { VerificationResult } from '../domain/soap/answer';
import {
  DEMO_ENDPOINT,
  DEMO_WSDL_URL,
  demoDescription,
  settings,
  DEMO_VERIFICATION,
  renderPage,
  byTestId,
  type,
  status,
  savedVerification,
} from '../test-support/render-options-page';
import { NOT_GENUINE_OUTCOME, verificationRefused } from '../test-support/fixtures';

afterEach(cleanup);

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
    expect(screen.getByTestId('plain-http-auto-verify').textContent).toContain(
      'automatic verification stays off for it unless you also tick the box below',
    );
    expect(choice()?.checked).toBe(false);
    expect(screen.getByLabelText(/Verify automatically over this unencrypted http address too/)).toBe(choice());

    // Without auto-verify there is nothing to choose; the warning about the endpoint stays.
    fireEvent.click(byTestId('auto-verify'));
    expect(choice()).toBeNull();
    expect(warning()).not.toBeNull();
  });

  it('says it in Thai too', async () => {
    await renderPage({
      settings: settings({ language: 'th', verification: { ...DEMO_VERIFICATION, endpoint: PLAIN } }),
    });
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
    const demo = demoDescription();
    // The WSDL's port names the address; the description's endpoint is that port's.
    const plain = {
      ...demo,
      endpoint: PLAIN,
      operations: demo.operations.map((operation) => ({ ...operation, endpoint: PLAIN })),
    };
    await renderPage({ wsdlResult: { ok: true, value: plain } });
    expect(byTestId('wsdl-url').value).toBe('http://diwinfo.diw.go.th:8080/DiwAppChk/DiwAppChk?wsdl');
    fireEvent.click(byTestId('load-wsdl'));
    await waitFor(() => expect(byTestId('endpoint').value).toBe(PLAIN));
    expect(warning()).not.toBeNull();
    expect(choice()?.checked).toBe(false);
    expect(screen.getByTestId('wsdl-plain-http').textContent).toContain(
      'check that the service address above is the one DIW gave you',
    );
  });

  it('does not ask to check a WSDL read from loopback', async () => {
    await renderPage({ wsdlResult: { ok: true, value: demoDescription() } });
    type('wsdl-url', DEMO_WSDL_URL);
    fireEvent.click(byTestId('load-wsdl'));
    await screen.findByTestId('wsdl-summary');
    expect(screen.queryByTestId('wsdl-plain-http')).toBeNull();
  });

  it('saves auto-verify over plain HTTP off unless ticked, and says so; ticking it saves the choice', async () => {
    const client = await renderPage({
      settings: settings({ verification: { ...DEMO_VERIFICATION, endpoint: PLAIN } }),
    });
    fireEvent.click(byTestId('save-settings'));
    await waitFor(() => expect(client.callsTo('saveSettings')).toHaveLength(1));
    await waitFor(() =>
      expect(status().textContent).toContain('Automatic verification will not run for this unencrypted http address'),
    );
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
    const client = await renderPage({
      settings: settings({ verification: { ...DEMO_VERIFICATION, endpoint: PLAIN, autoVerifyOverPlainHttp: true } }),
    });
    expect(choice()?.checked).toBe(true);
    type('endpoint', 'https://diwinfo.diw.go.th/DiwAppChk/DiwAppChk');
    fireEvent.click(byTestId('save-settings'));
    await waitFor(() => expect(client.callsTo('saveSettings')).toHaveLength(1));
    expect(savedVerification(client)).toMatchObject({
      endpoint: 'https://diwinfo.diw.go.th/DiwAppChk/DiwAppChk',
      autoVerifyOverPlainHttp: false,
    });
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
    outcome: NOT_GENUINE_OUTCOME,
    findings: [],
  };

  it('reports what came back in plain words', async () => {
    const client = await renderPage({
      settings: settings({ verification: DEMO_VERIFICATION }),
      testResult: { ok: true, value: caseThree },
    });
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
    const failed = verificationRefused();
    await renderPage({
      settings: settings({ verification: DEMO_VERIFICATION }),
      testResult: { ok: true, value: failed },
    });
    type('timeout', '99');
    fireEvent.click(byTestId('test-connection'));
    await waitFor(() =>
      expect(status().textContent).toContain(
        'The test got no answer from the service: connect ECONNREFUSED 127.0.0.1:9',
      ),
    );
    expect(status().textContent).toContain('The verification service refused the connection');
    expect(status().textContent).toContain('Next step: Check the service address in the options.');
    expect(status().textContent).toContain('The test uses the saved settings; changes not yet saved are not used.');
    expect(status().getAttribute('data-tone')).toBe('error');
  });
});
