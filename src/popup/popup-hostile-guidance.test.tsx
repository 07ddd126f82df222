// @vitest-environment happy-dom
/**
 * The popup against hostile tokens, continued: every problem says what to do in the language
 * shown, a forged token the central service refuses, and personal numbers hidden in other claims.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { renderPopup } from '../test-support/render-popup';
import { PopupApp } from './popup-app';
import { MockClient } from '../test-support/mock-client';
import {
  FIXED_NOW,
  GOOD_ID,
  makeCapture,
  ssoPayload,
  verifiedValid,
  NOT_GENUINE_OUTCOME,
} from '../test-support/fixtures';
import { makeToken } from '../test-support/tokens';
import { DECODE_NEXT_STEP } from '../domain/decode-finding';
import { checkIdCard } from '../domain/id-card';
import { verdictHeading, openRaw, switchTo } from '../test-support/popup-queries';

afterEach(cleanup);

describe('popup: every problem says what to do, in the language shown', () => {
  const paste = async (text: string) => {
    fireEvent.input(screen.getByLabelText(/Token \(JWT\)/), { target: { value: text } });
    fireEvent.click(screen.getByRole('button', { name: /อ่าน Token|Read token/ }));
    return screen.findByTestId('paste-error');
  };

  it('a cut-off token: what is wrong and the next step, re-worded when the language changes', async () => {
    await renderPopup({ captures: [] });
    const cut = makeToken(ssoPayload()).split('.').slice(0, 2).join('.');
    const problem = await paste(cut);
    expect(problem.textContent).toContain('ทำต่ออย่างไร');
    expect(problem.textContent).toContain(DECODE_NEXT_STEP['wrong-part-count'].th);
    expect(problem.textContent).toContain('ส่วนลายเซ็นอาจหายไปหรือถูกตัด');
    switchTo('English');
    await waitFor(() =>
      expect(screen.getByTestId('paste-error').textContent).toContain(DECODE_NEXT_STEP['wrong-part-count'].en),
    );
    expect(screen.getByTestId('paste-error').textContent).toContain('the signature part may be missing or cut off');
  });

  it('an encrypted JWE and text with the wrong number of parts each get their own next step', async () => {
    await renderPopup({ captures: [] });
    const jwe = `${makeToken({}).split('.')[0]}.a.b.c.d`;
    expect((await paste(jwe)).textContent).toContain(DECODE_NEXT_STEP['encrypted-jwe'].th);
    // The first problem stays on screen until the second paste's answer replaces it.
    const problem = await paste('eyJhbGciOiJIUzI1NiJ9.a.b.c');
    await waitFor(() => expect(problem.textContent).toContain(DECODE_NEXT_STEP['wrong-part-count'].th));
  });

  it('an empty paste says what to paste, without asking the background', async () => {
    const { client } = await renderPopup({ captures: [] });
    expect((await paste('   ')).textContent).toContain(DECODE_NEXT_STEP.empty.th);
    expect(client.callsTo('pasteToken')).toHaveLength(0);
  });

  it('a verification error is re-worded when the language changes', async () => {
    await renderPopup({
      captures: [makeCapture(makeToken(ssoPayload()))],
      verifyResult: { ok: false, error: { th: 'ยังไม่ได้ตั้ง ClientID', en: 'No ClientID set' } },
    });
    fireEvent.click(screen.getByRole('button', { name: 'ตรวจสอบ' }));
    expect((await screen.findByRole('alert')).textContent).toBe('ยังไม่ได้ตั้ง ClientID');
    switchTo('English');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('No ClientID set'));
  });

  it('a background that cannot be reached is re-worded when the language changes', async () => {
    // Both ways the popup meets the background on opening: asked for the captures, or woken
    // after reading them from storage.
    class Unreachable extends MockClient {
      override async getCaptures(): Promise<never> {
        throw new Error('Receiving end does not exist.');
      }
      override async wakeBackground(): Promise<never> {
        throw new Error('Receiving end does not exist.');
      }
    }
    const client = new Unreachable({ captures: [] });
    render(<PopupApp client={client} now={() => FIXED_NOW} writeText={async () => undefined} />);
    const alert = await screen.findByText(/ติดต่อส่วนเบื้องหลังของส่วนขยายไม่ได้: Receiving end does not exist\./);
    switchTo('English');
    await waitFor(() =>
      expect(alert.textContent).toBe('Could not reach the extension background: Receiving end does not exist.'),
    );
  });
});

describe('popup: a token DiwLoginChk calls not genuine (case 3)', () => {
  const case3 = verifiedValid({ outcome: NOT_GENUINE_OUTCOME });

  it('shows its times only as the token’s claims, greyed: no green bar, no countdown', async () => {
    await renderPopup({
      captures: [makeCapture(makeToken(ssoPayload()))],
      verifyResult: { ok: true, value: case3 },
      settings: undefined,
    });
    fireEvent.click(screen.getByRole('button', { name: 'ตรวจสอบ' }));
    await waitFor(() => expect(verdictHeading().getAttribute('data-verdict')).toBe('not-genuine'));
    expect(screen.queryByRole('meter')).toBeNull();
    expect(screen.queryByTestId('countdown-clock')).toBeNull();
    expect(screen.getByTestId('countdown').textContent).toContain('เชื่อถือไม่ได้');
    for (const id of ['exp', 'nbf', 'lifetime']) {
      const cell = screen.getByTestId(id);
      expect(cell.className).toContain('claimed');
      expect(cell.textContent).toContain('ค่าที่ Token อ้างเอง เชื่อถือไม่ได้');
      expect(cell.querySelector('.check--good')).toBeNull();
    }
    switchTo('English');
    await waitFor(() =>
      expect(screen.getByTestId('exp').textContent).toContain('claimed by the token, not trustworthy'),
    );
  });

  it('a genuine token keeps its countdown and plain times', async () => {
    await renderPopup({
      captures: [makeCapture(makeToken(ssoPayload()))],
      verifyResult: { ok: true, value: verifiedValid() },
    });
    fireEvent.click(screen.getByRole('button', { name: 'ตรวจสอบ' }));
    await waitFor(() => expect(screen.getByTestId('verification').textContent).toContain('Token is valid'));
    expect(screen.getByRole('meter')).toBeTruthy();
    expect(screen.getByTestId('exp').className).not.toContain('claimed');
  });
});

describe('popup: a username or sid that is the national ID number', () => {
  const dashed = `${GOOD_ID.slice(0, 1)}-${GOOD_ID.slice(1, 5)}-${GOOD_ID.slice(5, 10)}-${GOOD_ID.slice(10, 12)}-${GOOD_ID.slice(12)}`;

  it('is masked like the ID until the person reveals it, everywhere on screen', async () => {
    const token = makeToken(
      ssoPayload({ username: GOOD_ID, sid: `u${dashed}`, firstname: undefined, lastname: undefined }),
    );
    await renderPopup({ captures: [makeCapture(token)] });
    openRaw();
    const masked = checkIdCard(GOOD_ID).masked;
    expect(screen.getByTestId('username').textContent).toContain(masked);
    expect(screen.getByTestId('sid').textContent).not.toContain(GOOD_ID.slice(5, 10));
    expect(document.body.textContent).not.toContain(GOOD_ID);
    expect(document.body.textContent).not.toContain(dashed);
    expect(JSON.parse(screen.getByTestId('raw-payload').textContent!).sid).not.toContain(GOOD_ID.slice(5, 10));
    expect(within(screen.getByTestId('picker-this-tab')).getByRole('button').textContent).toContain(masked);
    fireEvent.click(screen.getByRole('button', { name: 'แสดงเลขบัตรเต็ม' }));
    await waitFor(() => expect(screen.getByTestId('username').textContent).toBe(GOOD_ID));
    expect(screen.getByTestId('sid').textContent).toBe(`u${dashed}`);
    expect(JSON.parse(screen.getByTestId('raw-payload').textContent!).username).toBe(GOOD_ID);
  });

  it('a username that is not the ID number is shown as it is', async () => {
    await renderPopup({ captures: [makeCapture(makeToken(ssoPayload({ username: '1234567890123' })))] });
    expect(screen.getByTestId('username').textContent).toBe('1234567890123');
  });

  it('the username DiwLoginChk returns is masked too when it is the ID number', async () => {
    const answer = verifiedValid({
      outcome: {
        kind: 'answered',
        answer: { manualCase: 1, status: true, message: 'Token is valid', username: GOOD_ID, idCard: GOOD_ID },
      },
    });
    await renderPopup({
      captures: [makeCapture(makeToken(ssoPayload({ username: GOOD_ID })))],
      verifyResult: { ok: true, value: answer },
    });
    fireEvent.click(screen.getByRole('button', { name: 'ตรวจสอบ' }));
    await waitFor(() => expect(screen.getByTestId('verification').textContent).toContain('Token is valid'));
    expect(document.body.textContent).not.toContain(GOOD_ID);
  });
});
