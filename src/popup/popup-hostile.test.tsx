// @vitest-environment happy-dom
/**
 * The popup against tokens built to break it: nesting that overflows the stack, claims by the
 * thousand, hidden bidi characters, and one part that cannot be drawn. Each part must still draw.
 * (What the popup says to do about a problem, a forged token and hidden ID numbers are in
 * popup-hostile-guidance.test.tsx.)
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { renderPopup } from '../test-support/render-popup';
import { FIXED_NOW, GOOD_ID, makeCapture, ssoPayload, verifiedValid } from '../test-support/fixtures';
import { makeToken } from '../test-support/tokens';
import { deepArrayJson, deepObjectJson, makeRawToken, objectJson } from '../test-support/hostile-tokens';
import { HEADER, verdictHeading, findingCodes, openRaw, switchTo } from '../test-support/popup-queries';

afterEach(cleanup);

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
