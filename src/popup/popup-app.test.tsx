// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { render } from '@testing-library/preact';
import { renderPopup } from '../test-support/render-popup';
import { MockClient } from '../test-support/mock-client';
import { PopupApp } from './popup-app';
import { startOpeningReads } from './use-popup-data';
import { FIXED_NOW, FIXTURE_TOKENS, GOOD_ID, makeCapture, verifiedValid } from '../test-support/fixtures';
import { DEFAULT_CAPTURE_SITES } from '../shared/capture-sites';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const verdict = () => document.getElementById('verdict-heading')!;

describe('PopupApp: which token', () => {
  it('shows the newest capture of the current tab', async () => {
    await renderPopup({
      tabId: 7,
      captures: [
        makeCapture(FIXTURE_TOKENS.expired, { tabId: 7, capturedAt: FIXED_NOW - 60 * 60_000 }),
        makeCapture(FIXTURE_TOKENS.valid, { tabId: 7, capturedAt: FIXED_NOW - 60_000 }),
        makeCapture(FIXTURE_TOKENS.notYetValid, { tabId: 9, capturedAt: FIXED_NOW }),
      ],
    });
    expect(screen.getByTestId('countdown').textContent).toContain('เหลือเวลาอีก 20 นาที');
    expect(screen.getByTestId('person-name').textContent).toBe('วิชัย ทดสอบ');
  });

  it('shows the reading the background kept with the capture, and reads a token kept without one itself', async () => {
    const kept = makeCapture(FIXTURE_TOKENS.valid, { tabId: 7 });
    const reading = kept.reading as Extract<typeof kept.reading, { kind: 'decoded' }>;
    const office = reading.org!.path.at(-1)!;
    const lastOffice = () => within(screen.getByTestId('office-path')).getAllByRole('listitem').at(-1)!.textContent;
    // The popup shows what the background read, not a reading of its own: a marked name shows.
    const marked = {
      ...reading,
      org: { ...reading.org!, path: [...reading.org!.path.slice(0, -1), { ...office, name: 'สำนักงานที่อ่านไว้' }] },
    };
    await renderPopup({ captures: [{ ...kept, reading: marked }] });
    expect(lastOffice()).toContain('สำนักงานที่อ่านไว้');
    cleanup();
    // A token nested too deep has no reading stored: the popup loads the reader and reads it.
    await renderPopup({ captures: [{ ...kept, reading: undefined }] });
    expect(await screen.findByTestId('person-name')).toHaveProperty('textContent', 'วิชัย ทดสอบ');
    expect(lastOffice()).toContain(office.name);
    // The switcher names it too.
    expect(within(screen.getByTestId('picker-this-tab')).getByRole('button').textContent).toContain('วิชัย ทดสอบ');
  });

  it('masks the ID number again when another token is shown, and keeps it revealed only for the one revealed', async () => {
    const other = makeCapture(FIXTURE_TOKENS.notYetValid, { tabId: 9, capturedAt: FIXED_NOW });
    await renderPopup({ captures: [makeCapture(FIXTURE_TOKENS.valid, { tabId: 7 }), other] });
    const idShown = () => screen.getByTestId('idcard').textContent!;
    fireEvent.click(screen.getByRole('button', { name: 'แสดงเลขบัตรเต็ม' }));
    await waitFor(() => expect(idShown()).toContain(GOOD_ID));
    fireEvent.click(within(screen.getByTestId('picker-elsewhere')).getByRole('button'));
    await waitFor(() => expect(screen.getByTestId('countdown').textContent).toContain('จะเริ่มใช้ได้ในอีก 5 นาที'));
    expect(idShown()).not.toContain(GOOD_ID);
  });

  it('switches between this tab’s captures and those elsewhere', async () => {
    const other = makeCapture(FIXTURE_TOKENS.notYetValid, { tabId: 9, capturedAt: FIXED_NOW });
    await renderPopup({
      captures: [
        makeCapture(FIXTURE_TOKENS.expired, { tabId: 7, capturedAt: FIXED_NOW - 60 * 60_000 }),
        makeCapture(FIXTURE_TOKENS.valid, { tabId: 7, capturedAt: FIXED_NOW - 60_000 }),
        other,
      ],
    });
    const picker = screen.getByRole('navigation', { name: 'Token ที่จับได้' });
    const thisTab = within(screen.getByTestId('picker-this-tab')).getAllByRole('button');
    expect(thisTab).toHaveLength(2);
    expect(thisTab[0]!.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(within(screen.getByTestId('picker-elsewhere')).getByRole('button'));
    await waitFor(() => expect(screen.getByTestId('countdown').textContent).toContain('จะเริ่มใช้ได้ในอีก 5 นาที'));
    fireEvent.click(within(picker).getAllByRole('button')[1]!);
    await waitFor(() => expect(screen.getByTestId('countdown').textContent).toContain('หมดอายุมาแล้ว 10 นาที'));
  });

  it('stays live: a capture arriving while open is shown', async () => {
    const { client } = await renderPopup({ captures: [] });
    expect(screen.getByTestId('empty-state')).toBeTruthy();
    client.captures.push(makeCapture(FIXTURE_TOKENS.valid, { tabId: 7 }));
    act(() => client.emitCapturesChanged());
    await waitFor(() => expect(screen.getByTestId('person-name').textContent).toBe('วิชัย ทดสอบ'));
  });

  it('a capture stored while the entry’s first read was under way, before the popup listened, is shown', async () => {
    const client = new MockClient({ captures: [] });
    // What the read will find was taken before the capture arrived.
    const before = client.sessionItems();
    client.readSessionArea = async () => before;
    const opening = startOpeningReads(client);
    client.captures.push(makeCapture(FIXTURE_TOKENS.valid, { tabId: 7 }));
    client.emitCapturesChanged();
    client.readSessionArea = MockClient.prototype.readSessionArea.bind(client);
    render(<PopupApp client={client} now={() => FIXED_NOW} opening={opening} />);
    await waitFor(() => expect(screen.getByTestId('person-name').textContent).toBe('วิชัย ทดสอบ'));
  });

  it('the countdown ticks each second', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    let now = FIXED_NOW;
    await renderPopup({ captures: [makeCapture(FIXTURE_TOKENS.valid)], clock: () => now });
    expect(screen.getByTestId('countdown-clock').textContent).toBe('20:00');
    now += 3_000;
    await act(async () => {
      vi.advanceTimersByTime(1_000);
    });
    expect(screen.getByTestId('countdown-clock').textContent).toBe('19:57');
  });
});

describe('PopupApp: empty state and paste', () => {
  it('says where capture works, links to the options, and offers the paste box open', async () => {
    const { client } = await renderPopup({ captures: [], settings: undefined });
    const empty = screen.getByTestId('empty-state');
    for (const site of DEFAULT_CAPTURE_SITES) expect(empty.textContent).toContain(site.label);
    fireEvent.click(screen.getByRole('button', { name: 'เพิ่มเว็บไซต์ในหน้าตั้งค่า' }));
    expect(client.callsTo('openOptionsPage')).toHaveLength(1);
    expect(screen.getByLabelText('Token (JWT) เช่นจากอีเมลหรือ log')).toBeTruthy();
    expect(screen.getByText('วาง Token จากที่อื่น').closest('details')!.open).toBe(true);
  });

  it('says plainly when the browser has not allowed capture on a site (Firefox leaves it to the person)', async () => {
    await renderPopup({ captures: [], deniedOrigins: ['*://*.industry.go.th', '*://127.0.0.1'] });
    const warning = await screen.findByTestId('sites-not-allowed');
    expect(warning.textContent).toContain('*.industry.go.th, 127.0.0.1');
    expect(warning.textContent).toContain('ยังไม่อนุญาต');
    expect(warning.textContent).not.toContain('*.diw.go.th');
  });

  it('says nothing about permissions when every site is allowed', async () => {
    const { client } = await renderPopup({ captures: [] });
    await waitFor(() => expect(client.callsTo('hasOrigin').length).toBe(DEFAULT_CAPTURE_SITES.length));
    expect(screen.queryByTestId('sites-not-allowed')).toBeNull();
  });

  it('a pasted bad token shows the domain’s message, never a blank popup', async () => {
    await renderPopup({ captures: [] });
    fireEvent.input(screen.getByLabelText(/Token \(JWT\)/), { target: { value: FIXTURE_TOKENS.jwe } });
    fireEvent.click(screen.getByRole('button', { name: 'อ่าน Token' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent!.length).toBeGreaterThan(10);
    expect(screen.getByTestId('empty-state')).toBeTruthy();
  });

  it('a pasted good token is read and selected', async () => {
    const { client } = await renderPopup({ captures: [] });
    fireEvent.input(screen.getByLabelText(/Token \(JWT\)/), { target: { value: `Bearer ${FIXTURE_TOKENS.valid}` } });
    fireEvent.click(screen.getByRole('button', { name: 'อ่าน Token' }));
    await waitFor(() => expect(screen.getByTestId('person-name').textContent).toBe('วิชัย ทดสอบ'));
    expect(client.callsTo('pasteToken')).toEqual([[`Bearer ${FIXTURE_TOKENS.valid}`]]);
    // With a token shown, the paste box is still there, collapsed.
    expect(screen.getByText('วาง Token จากที่อื่น').closest('details')!.open).toBe(false);
  });
});

describe('PopupApp: actions', () => {
  /** Shows a valid capture, clicks Verify, and waits until the service's "valid" is shown. */
  async function verifyValidCapture() {
    const { client } = await renderPopup({
      captures: [makeCapture(FIXTURE_TOKENS.valid)],
      verifyResult: { ok: true, value: verifiedValid() },
    });
    fireEvent.click(screen.getByRole('button', { name: 'ตรวจสอบ' }));
    await waitFor(() => expect(screen.getByTestId('verification').textContent).toContain('Token is valid'));
    return client;
  }

  it('verifies through the client and shows the result', async () => {
    const client = await verifyValidCapture();
    expect(client.callsTo('verify')).toEqual([[client.captures[0]!.id, false]]);
  });

  it('hides a "valid" it showed once the verification settings change elsewhere (options page), and offers Verify again', async () => {
    const client = await verifyValidCapture();
    // Both the popup's own copy and the stored one were made under the old ClientID.
    expect(client.captures[0]!.verification).toBeDefined();
    act(() => {
      client.settings = {
        ...client.settings,
        verification: { ...client.settings.verification, clientId: 'ANOTHER-CLIENT' },
      };
      client.emitSettingsChanged();
    });
    await waitFor(() => expect(screen.queryByTestId('verification')).toBeNull());
    expect(screen.getByRole('button', { name: 'ตรวจสอบ' })).toBeTruthy();
  });

  it('a verification the background cannot make shows its message', async () => {
    await renderPopup({
      captures: [makeCapture(FIXTURE_TOKENS.valid)],
      verifyResult: { ok: false, error: { th: 'ยังไม่ได้ตั้ง ClientID', en: 'No ClientID set' } },
    });
    fireEvent.click(screen.getByRole('button', { name: 'ตรวจสอบ' }));
    expect((await screen.findByRole('alert')).textContent).toBe('ยังไม่ได้ตั้ง ClientID');
  });

  it('switches to English and remembers it through the settings', async () => {
    const { client } = await renderPopup({ captures: [makeCapture(FIXTURE_TOKENS.valid)] });
    expect(document.documentElement.lang).toBe('th');
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    await waitFor(() => expect(screen.getByTestId('countdown').textContent).toContain('20 min left'));
    expect(client.settings.language).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(screen.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('saving the language keeps settings changed elsewhere since the popup opened', async () => {
    const { client } = await renderPopup({ captures: [makeCapture(FIXTURE_TOKENS.valid)] });
    // Meanwhile, the options page saves a ClientID.
    client.settings = {
      ...client.settings,
      verification: { ...client.settings.verification, clientId: 'CLIENT-FROM-OPTIONS' },
    };
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    await waitFor(() => expect(client.settings.language).toBe('en'));
    expect(client.settings.verification.clientId).toBe('CLIENT-FROM-OPTIONS');
  });

  it('says beside Verify when the service is plain HTTP to another host, and not for loopback or https', async () => {
    const { DEFAULT_SETTINGS } = await import('../shared/settings');
    const withEndpoint = (endpoint: string) => ({
      ...DEFAULT_SETTINGS,
      language: 'en' as const,
      verification: { ...DEFAULT_SETTINGS.verification, clientId: 'C-1234', endpoint },
    });
    await renderPopup({
      captures: [makeCapture(FIXTURE_TOKENS.valid)],
      settings: withEndpoint('http://diwinfo.diw.go.th:8080/DiwAppChk/DiwAppChk'),
    });
    expect(screen.getByTestId('plain-http').textContent).toMatch(/unencrypted/);
    cleanup();
    await renderPopup({
      captures: [makeCapture(FIXTURE_TOKENS.valid)],
      settings: withEndpoint('http://127.0.0.1:18080/DiwAppChk/DiwAppChk'),
    });
    expect(screen.queryByTestId('plain-http')).toBeNull();
    cleanup();
    await renderPopup({
      captures: [makeCapture(FIXTURE_TOKENS.valid)],
      settings: withEndpoint('https://diwinfo.diw.go.th/DiwAppChk/DiwAppChk'),
    });
    expect(screen.queryByTestId('plain-http')).toBeNull();
  });

  it('never asks for the settings with the ClientID: it reads the view without it, and sends only the language', async () => {
    const { client } = await renderPopup({ captures: [makeCapture(FIXTURE_TOKENS.valid)] });
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    await waitFor(() => expect(client.settings.language).toBe('en'));
    expect(client.callsTo('getSettings')).toEqual([]);
    expect(client.callsTo('saveSettings')).toEqual([]);
    expect(client.callsTo('setLanguage')).toEqual([['en']]);
  });

  it('opens in the remembered language', async () => {
    await renderPopup({
      captures: [makeCapture(FIXTURE_TOKENS.valid)],
      settings: { ...(await import('../shared/settings')).DEFAULT_SETTINGS, language: 'en' },
    });
    expect(verdict().textContent).toContain('Token is valid');
  });

  it('copies a text and a Markdown report built by the domain, with the ID masked', async () => {
    const { writeText } = await renderPopup({ captures: [makeCapture(FIXTURE_TOKENS.valid)] });
    fireEvent.click(screen.getByRole('button', { name: 'คัดลอกรายงาน' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledTimes(1));
    fireEvent.click(screen.getByRole('button', { name: 'คัดลอกแบบ Markdown' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledTimes(2));
    const [text, markdown] = writeText.mock.calls.map((call) => call[0]);
    expect(text).toContain('สำนักงานอุตสาหกรรมจังหวัดนครปฐม');
    expect(text).not.toContain(GOOD_ID);
    expect(markdown).not.toBe(text);
    expect(markdown).not.toContain(GOOD_ID);
    expect(screen.getAllByText('คัดลอกแล้ว').length).toBeGreaterThan(0);
  });

  it('clears this tab, then all', async () => {
    const { client } = await renderPopup({
      captures: [makeCapture(FIXTURE_TOKENS.valid, { tabId: 7 }), makeCapture(FIXTURE_TOKENS.expired, { tabId: 9 })],
    });
    fireEvent.click(screen.getByRole('button', { name: 'ล้างแท็บนี้' }));
    await waitFor(() => expect(screen.getByTestId('empty-state')).toBeTruthy());
    expect(client.callsTo('clearCaptures')).toEqual([[{ scope: 'tab', tabId: 7 }]]);
    expect(await screen.findByText('ล้างแล้ว 1 รายการ')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'ล้างทั้งหมด' }));
    await waitFor(() => expect(client.captures).toHaveLength(0));
    expect(client.callsTo('clearCaptures')[1]).toEqual([{ scope: 'all' }]);
  });
});

describe('PopupApp: every fixture renders a full reading', () => {
  const cases = [
    'valid',
    'expired',
    'notYetValid',
    'noExp',
    'unknownOffice',
    'danglingParent',
    'badId',
    'notSso',
  ] as const;
  for (const fixture of cases) {
    it(fixture, async () => {
      await renderPopup({ captures: [makeCapture(FIXTURE_TOKENS[fixture])] });
      expect(screen.getByTestId('findings')).toBeTruthy();
      expect(screen.getByTestId('raw-payload').textContent).not.toContain(GOOD_ID);
    });
  }
});

describe('PopupApp: a stored token that cannot be read', () => {
  for (const fixture of ['jwe', 'garbage'] as const) {
    it(`${fixture}: the verdict says unreadable, with the domain’s reason`, async () => {
      await renderPopup({ captures: [makeCapture(FIXTURE_TOKENS[fixture])] });
      expect(screen.getByRole('heading', { level: 2, name: /อ่าน Token ไม่ได้/ })).toBeTruthy();
      expect(screen.getByRole('alert').textContent!.length).toBeGreaterThan(10);
    });
  }
});
