// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { renderPopup } from '../test-support/render-popup';
import { MockClient } from '../test-support/mock-client';
import { FIXED_NOW, FIXTURE_TOKENS, makeCapture, verifiedValid } from '../test-support/fixtures';
import { explainVerification } from '../domain/soap/explain';
import type { VerificationResult } from '../domain/soap/answer';
import { verificationFingerprint } from '../shared/settings-view';
import { PopupApp } from './popup-app';

afterEach(cleanup);

const INTERRUPTED_OUTCOME = { kind: 'failed', code: 'interrupted', detail: 'stopped' } as const;
const interrupted: VerificationResult = {
  endpoint: 'http://127.0.0.1:8088/DiwAppChk/DiwAppChk',
  checkedAt: FIXED_NOW - 30_000,
  roundTripMs: null,
  clockSkewMs: null,
  outcome: INTERRUPTED_OUTCOME,
  findings: explainVerification(INTERRUPTED_OUTCOME, null),
};

describe('popup: read from storage.session, without waking the background first', () => {
  it('shows the captures and settings from storage, and wakes the background only afterwards', async () => {
    const { client } = await renderPopup({ captures: [makeCapture(FIXTURE_TOKENS.valid)] });
    expect(screen.getByTestId('person-name').textContent).toBe('วิชัย ทดสอบ');
    expect(client.callsTo('readSessionArea')).toEqual([[]]);
    expect(client.callsTo('getCaptures')).toEqual([]);
    expect(client.callsTo('getSettingsView')).toEqual([]);
    await waitFor(() => expect(client.callsTo('wakeBackground')).toHaveLength(1));
    const order = client.calls.map((call) => call.method);
    expect(order.indexOf('wakeBackground')).toBeGreaterThan(order.indexOf('readSessionArea'));
  });

  it('asks the background when no settings view is published yet, and has no need to wake it then', async () => {
    const { client } = await renderPopup({
      captures: [makeCapture(FIXTURE_TOKENS.valid)],
      settings: undefined,
      publishedSettingsView: false,
    });
    expect(screen.getByTestId('person-name').textContent).toBe('วิชัย ทดสอบ');
    expect(client.callsTo('getSettingsView')).toHaveLength(1);
    expect(client.callsTo('getCaptures')).toEqual([[7]]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(client.callsTo('wakeBackground')).toEqual([]);
  });

  it('a capture a stopped worker left verifying shows as interrupted once the woken background settles it', async () => {
    // The woken background settles the capture and storage reports the change.
    class SettlingClient extends MockClient {
      override async wakeBackground() {
        await super.wakeBackground();
        this.captures = this.captures.map(({ verifying: _settled, ...capture }) => ({
          ...capture,
          verification: {
            result: interrupted,
            settingsFingerprint: verificationFingerprint(this.settings.verification),
          },
        }));
        this.emitCapturesChanged();
      }
    }
    const client = new SettlingClient({
      captures: [
        makeCapture(FIXTURE_TOKENS.valid, { verifying: { since: FIXED_NOW - 30_000, settingsFingerprint: 'x' } }),
      ],
    });
    render(<PopupApp client={client} now={() => FIXED_NOW} writeText={async () => undefined} />);
    await waitFor(() => expect(screen.getByTestId('verification').textContent).toContain('ขัดจังหวะ'));
    expect(client.callsTo('getCaptures')).toEqual([]);
  });

  it('applies a change storage reports to what it read, without reading the area again', async () => {
    const { client } = await renderPopup({ captures: [] });
    expect(screen.getByTestId('empty-state')).toBeTruthy();
    client.captures.push(makeCapture(FIXTURE_TOKENS.valid, { tabId: 7 }));
    act(() => client.emitCapturesChanged());
    await waitFor(() => expect(screen.getByTestId('person-name').textContent).toBe('วิชัย ทดสอบ'));
    client.captures = [];
    act(() => client.emitCapturesChanged());
    await waitFor(() => expect(screen.getByTestId('empty-state')).toBeTruthy());
    expect(client.callsTo('readSessionArea')).toHaveLength(1);
  });

  it('keeps the picture through a verification’s running mark, and shows what follows it', async () => {
    const { client } = await renderPopup({ captures: [makeCapture(FIXTURE_TOKENS.valid)] });
    const running = { since: FIXED_NOW, settingsFingerprint: verificationFingerprint(client.settings.verification) };
    client.captures = client.captures.map((capture) => ({ ...capture, verifying: running }));
    act(() => client.emitCapturesChanged());
    expect(screen.getByTestId('person-name').textContent).toBe('วิชัย ทดสอบ');
    client.captures = client.captures.map(({ verifying: _done, ...capture }) => ({
      ...capture,
      verification: { result: interrupted, settingsFingerprint: running.settingsFingerprint },
    }));
    act(() => client.emitCapturesChanged());
    await waitFor(() => expect(screen.getByTestId('verification').textContent).toContain('ขัดจังหวะ'));
    expect(client.callsTo('readSessionArea')).toHaveLength(1);
  });

  it('a change reported while a read is under way is read again, not applied to that read', async () => {
    const client = new MockClient({ captures: [] });
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const before = client.sessionItems();
    client.readSessionArea = async () => {
      client.readSessionArea = MockClient.prototype.readSessionArea.bind(client);
      await held;
      return before;
    };
    render(<PopupApp client={client} now={() => FIXED_NOW} writeText={async () => undefined} />);
    client.captures.push(makeCapture(FIXTURE_TOKENS.valid, { tabId: 7 }));
    act(() => client.emitCapturesChanged());
    release();
    await waitFor(() => expect(screen.getByTestId('person-name').textContent).toBe('วิชัย ทดสอบ'));
  });

  it('shows the answer to Verify from the reply, even before storage reports the stored result', async () => {
    class ReplyOnly extends MockClient {
      override async verify(captureId: string, force: boolean) {
        this.record('verify', captureId, force);
        return { ok: true as const, value: verifiedValid({ checkedAt: FIXED_NOW }) };
      }
    }
    const client = new ReplyOnly({ captures: [makeCapture(FIXTURE_TOKENS.valid)] });
    render(<PopupApp client={client} now={() => FIXED_NOW} writeText={async () => undefined} />);
    fireEvent.click(await screen.findByRole('button', { name: 'ตรวจสอบ' }));
    await waitFor(() => expect(screen.getByTestId('verification').textContent).toContain('Token is valid'));
    expect(client.captures[0]!.verification).toBeUndefined();
  });
});
