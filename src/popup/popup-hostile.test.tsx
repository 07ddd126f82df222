// @vitest-environment happy-dom
/**
 * The popup against tokens built to break it: nesting that overflows the stack, claims by the
 * thousand, hidden bidi characters, a forged token the central service refuses, and personal
 * numbers hidden in other claims. Each part must still draw, and say what to do.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { renderPopup } from '../test-support/render-popup';
import { PopupApp } from './popup-app';
import { MockClient } from '../test-support/mock-client';
import { FIXED_NOW, GOOD_ID, makeCapture, makeToken, ssoPayload, verifiedValid } from '../test-support/fixtures';
import { deepArrayJson, deepObjectJson, makeRawToken, objectJson } from '../test-support/hostile-tokens';
import { DECODE_NEXT_STEP } from '../domain/inspect';
import { checkIdCard } from '../domain/id-card';

afterEach(cleanup);

const HEADER = '{"alg":"HS256","typ":"JWT"}';
const verdictHeading = () => document.getElementById('verdict-heading')!;
const findingCodes = () =>
  [...screen.getByTestId('findings').querySelectorAll('[data-code]')].map((item) => item.getAttribute('data-code'));
const openRaw = () => fireEvent.click(screen.getByRole('heading', { level: 2, name: /ข้อมูลดิบ|Raw token/ }));
const switchTo = (language: 'English' | 'ไทย') => fireEvent.click(screen.getByRole('button', { name: language }));

describe('popup: absurd nesting', () => {
  it('a 13.7 KB token whose exp is nested 5,000 deep gets a verdict, every section, and a finding saying what to do', async () => {
    const token = makeRawToken(HEADER, objectJson(ssoPayload({ exp: undefined }), `"exp":${deepArrayJson(5000)}`));
    expect(token.length).toBeGreaterThan(13_000);
    await renderPopup({ captures: [makeCapture(token)] });
    expect(verdictHeading().getAttribute('data-verdict')).toBe('expiry-unknown');
    expect(screen.getByTestId('person-name').textContent).toBe('วิชัย ทดสอบ');
    expect(findingCodes()).toContain('token-absurd-nesting');
    expect(screen.getByTestId('exp').textContent!.length).toBeLessThan(700);
    expect(screen.getByTestId('raw-payload').textContent).toContain('[…]');
    expect(screen.queryByTestId('section-failed')).toBeNull();
  });

  it('a header nested 5,000 deep is printed down to a few levels, not thrown on', async () => {
    await renderPopup({
      captures: [
        makeCapture(makeRawToken(`{"alg":"HS256","x":${deepObjectJson(5000)}}`, JSON.stringify(ssoPayload()))),
      ],
    });
    openRaw();
    const header = screen.getByRole('region', { name: /ข้อมูลดิบ/ }).querySelector('pre')!;
    expect(header.textContent).toContain('{…}');
    expect(header.textContent).toContain('"alg": "HS256"');
    expect(screen.getByTestId('raw-payload').textContent).toContain('"username": "wichai.t"');
    expect(verdictHeading().getAttribute('data-verdict')).toBe('valid');
  });

  it('a 3 KB token with a 1,000-deep header shows a few KB of JSON, not two million characters', async () => {
    const token = makeRawToken(`{"alg":"HS256","x":${deepArrayJson(1000)}}`, JSON.stringify(ssoPayload()));
    expect(token.length).toBeLessThan(4_000);
    await renderPopup({ captures: [makeCapture(token)] });
    const shown = [...document.querySelectorAll('pre.json')].reduce((sum, pre) => sum + pre.textContent!.length, 0);
    expect(shown).toBeLessThan(2_000);
  });

  it('revealing the ID with an extra claim nested 5,000 deep does not throw, and the claim is shown bounded', async () => {
    await renderPopup({
      captures: [makeCapture(makeRawToken(HEADER, objectJson(ssoPayload(), `"extra":${deepArrayJson(5000)}`)))],
    });
    fireEvent.click(screen.getByRole('button', { name: 'แสดงเลขบัตรเต็ม' }));
    await waitFor(() => expect(screen.getByTestId('idcard').textContent).toBe(GOOD_ID));
    const extra = screen.getByText('extra').closest('dt')!.nextElementSibling!;
    expect(extra.textContent).toMatch(/^\[\[\[\[\[…\]\]\]\]\]$/);
    expect(screen.queryByTestId('section-failed')).toBeNull();
  });

  it('a payload with 3,000 claims lists the first 50 and says how many more', async () => {
    const many = Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`claim${i}`, i]));
    await renderPopup({ captures: [makeCapture(makeToken(ssoPayload(many)))] });
    const extra = screen.getByText(/claim อื่นที่ไม่อยู่ในคู่มือ/).closest('details')!;
    expect(extra.querySelectorAll('dt')).toHaveLength(50);
    expect(screen.getByTestId('extra-claims-more').textContent).toBe('และอีก 2,950 รายการ');
    switchTo('English');
    await waitFor(() => expect(screen.getByTestId('extra-claims-more').textContent).toBe('and 2,950 more'));
    const raw = screen.getByTestId('raw-payload');
    expect(raw.textContent!.length).toBeLessThanOrEqual(16 * 1024);
    expect(raw.nextElementSibling!.textContent).toMatch(/^… [\d,]+ more characters$/);
  });
});

describe('popup: hidden characters in claims', () => {
  const HIDDEN = [
    '\u202A',
    '\u202B',
    '\u202C',
    '\u202D',
    '\u202E',
    '\u2066',
    '\u2067',
    '\u2068',
    '\u2069',
    '\u200B',
    '\u200C',
    '\u200D',
    '\u200E',
    '\u200F',
    '\uFEFF',
    '\u2060',
    '\u061C',
  ];

  it('are shown as ⟨U+…⟩ in every claim name and value on screen, so nothing reads as what it is not', async () => {
    const token = makeToken(
      ssoPayload({
        firstname: 'วิ\u202Eชัย',
        lastname: `ทด${HIDDEN.join('')}สอบ`,
        username: 'admin\u202Egnp.exe',
        email: 'a\u200Bb@example.com',
        sid: 'S-1\u2066-2',
        iss: 'https://sso\u200D.industry.go.th',
        'role\u202E': 'user\u2067x',
      }),
      { alg: 'HS256\u202E', typ: 'JWT' },
    );
    await renderPopup({ captures: [makeCapture(token)] });
    openRaw();
    const text = document.body.textContent!;
    for (const character of HIDDEN) expect(text).not.toContain(character);
    expect(screen.getByTestId('person-name').textContent).toBe(
      'วิ⟨U+202E⟩ชัย ทด⟨U+202A⟩⟨U+202B⟩⟨U+202C⟩⟨U+202D⟩⟨U+202E⟩⟨U+2066⟩⟨U+2067⟩⟨U+2068⟩⟨U+2069⟩⟨U+200B⟩⟨U+200C⟩⟨U+200D⟩⟨U+200E⟩⟨U+200F⟩⟨U+FEFF⟩⟨U+2060⟩⟨U+061C⟩สอบ',
    );
    expect(screen.getByTestId('username').textContent).toBe('admin⟨U+202E⟩gnp.exe');
    expect(screen.getByTestId('iss').textContent).toBe('https://sso⟨U+200D⟩.industry.go.th');
    expect(screen.getByText('role⟨U+202E⟩')).toBeTruthy();
    expect(screen.getByTestId('raw-payload').textContent).toContain('"role⟨U+202E⟩": "user⟨U+2067⟩x"');
    // The switcher's label for the capture too.
    expect(within(screen.getByTestId('picker-this-tab')).getByRole('button').textContent).toContain('วิ⟨U+202E⟩ชัย');
  });
  it('are shown as ⟨U+…⟩ where findings quote a claim or the service’s answer', async () => {
    const quoting = verifiedValid({
      findings: [
        {
          code: 'verify-username-differs',
          severity: 'warning',
          title: { th: 'ชื่อผู้ใช้ไม่ตรง\u202E', en: 'Usernames differ\u202E' },
          detail: { th: 'บริการตอบ Username "ad\u202Emin"', en: 'The service returned Username "ad\u202Emin".' },
          nextStep: { th: 'ตรวจ\u200B', en: 'Check\u200B' },
        },
      ],
    });
    await renderPopup({ captures: [makeCapture(makeToken(ssoPayload()))], verifyResult: { ok: true, value: quoting } });
    fireEvent.click(screen.getByRole('button', { name: 'ตรวจสอบ' }));
    await waitFor(() =>
      expect(screen.getByTestId('findings').textContent).toContain('บริการตอบ Username "ad⟨U+202E⟩min"'),
    );
    expect(document.body.textContent).not.toMatch(/[\u202E\u200B]/);
  });
});

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
    expect((await paste('eyJhbGciOiJIUzI1NiJ9.a.b.c')).textContent).toContain(DECODE_NEXT_STEP['wrong-part-count'].th);
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
    class Unreachable extends MockClient {
      override async getCaptures(): Promise<never> {
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
  const case3 = verifiedValid({
    outcome: {
      kind: 'answered',
      answer: {
        manualCase: 3,
        status: false,
        message: 'Mismatch data in received token',
        username: null,
        idCard: null,
      },
    },
  });

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

describe('popup: one part that cannot be drawn', () => {
  it('says so in its place and leaves the others; the next token starts clean', async () => {
    // A stored capture from an older or broken background: a source the page has no words for.
    const broken = makeCapture(makeToken(ssoPayload()), {
      source: 'carrier-pigeon' as never,
      capturedAt: FIXED_NOW - 60_000,
    });
    const good = makeCapture(makeToken(ssoPayload({ firstname: 'สมศรี' })), { capturedAt: FIXED_NOW - 120_000 });
    await renderPopup({ captures: [broken, good] });
    expect(screen.getByTestId('section-failed').textContent).toContain('ส่วนนี้แสดงไม่ได้');
    expect(verdictHeading().getAttribute('data-verdict')).toBe('valid');
    expect(screen.getByTestId('person-name').textContent).toBe('วิชัย ทดสอบ');
    expect(screen.getByTestId('findings')).toBeTruthy();
    expect(screen.getByTestId('raw-payload')).toBeTruthy();
    switchTo('English');
    await waitFor(() =>
      expect(screen.getByTestId('section-failed').textContent).toContain('This part could not be shown'),
    );
    fireEvent.click(within(screen.getByTestId('picker-this-tab')).getAllByRole('button')[1]!);
    await waitFor(() => expect(screen.getByTestId('person-name').textContent).toBe('สมศรี ทดสอบ'));
    expect(screen.queryByTestId('section-failed')).toBeNull();
  });
});
