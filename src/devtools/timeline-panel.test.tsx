// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { timelineHop } from '../test-support/timeline-hops';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { PanelApp } from './panel-app';
import type { TimelineSource } from './use-timeline';
import type { TimelineHop } from '../domain/login-timeline';
import { MASKED } from '../domain/login-timeline';
import { DEFAULT_SETTINGS } from '../shared/settings';
import { settingsView } from '../shared/settings-view';

afterEach(cleanup);

const SSO = 'http://127.0.0.1:18081';
const APP = 'http://127.0.0.1:18082';

const hop = (overrides: Partial<TimelineHop>) =>
  timelineHop({ url: `${SSO}/authorize?user=somchai`, durationMs: 31, status: 302, ...overrides });

const LOGIN: TimelineHop[] = [
  hop({ url: `${SSO}/`, status: 200, durationMs: 8 }),
  hop({
    location: `${APP}/callback?token=[token]`,
    tokenPlaces: ['location'],
    tokenIds: ['7:abc'],
    requestHeaders: [{ name: 'Cookie', value: MASKED }],
    responseHeaders: [
      { name: 'Location', value: `${APP}/callback?token=[token]` },
      { name: 'Set-Cookie', value: MASKED },
    ],
  }),
  hop({ url: `${APP}/callback?token=[token]`, status: 200, tokenPlaces: ['query'], tokenIds: ['7:abc'] }),
  hop({ url: `${APP}/frame`, frame: 'sub', status: null, durationMs: null }),
];

function fakeSource(initial: TimelineHop[]) {
  let listener: ((hops: TimelineHop[]) => void) | null = null;
  const source: TimelineSource = {
    read: vi.fn(async () => initial),
    watch: vi.fn((_tabId, onChange) => {
      listener = onChange;
      return () => (listener = null);
    }),
  };
  return { source, push: (hops: TimelineHop[]) => listener?.(hops) };
}

function renderPanel(hops: TimelineHop[], tabId: number | null = 7, language: 'th' | 'en' = 'th') {
  const { source, push } = fakeSource(hops);
  const client = {
    getSettingsView: vi.fn(async () => settingsView({ ...DEFAULT_SETTINGS, language })),
    setLanguage: vi.fn(async (next: 'th' | 'en') => ({
      ok: true as const,
      value: settingsView({ ...DEFAULT_SETTINGS, language: next }),
    })),
  };
  const writeText = vi.fn(async (_text: string) => undefined);
  render(<PanelApp tabId={tabId} source={source} client={client} writeText={writeText} />);
  return { source, push, client, writeText };
}

describe('the DevTools panel', () => {
  it('shows the inspected tab’s hops in order, and marks those that carried the token and where', async () => {
    const { source } = renderPanel(LOGIN);
    await waitFor(() => expect(screen.getAllByTestId('hop')).toHaveLength(4));
    expect(source.read).toHaveBeenCalledWith(7);
    const rows = screen.getAllByTestId('hop');
    expect(rows.map((row) => row.dataset.token)).toEqual(['no', 'yes', 'yes', 'no']);
    expect(within(rows[1]!).getByTestId('hop-token').textContent).toBe('โทเค็นอยู่ใน Location');
    expect(within(rows[2]!).getByTestId('hop-token').textContent).toBe('โทเค็นอยู่ใน query');
    expect(rows[1]!.textContent).toContain('302');
    expect(rows[1]!.textContent).toContain('31 ms');
    expect(rows[3]!.textContent).toContain('กำลังโหลด');
    expect(rows[3]!.textContent).toContain('เฟรม');
  });

  it('opens a hop to its request and response headers, credentials masked', async () => {
    renderPanel(LOGIN);
    await waitFor(() => expect(screen.getAllByTestId('hop')).toHaveLength(4));
    const row = screen.getAllByTestId('hop')[1]!;
    fireEvent.click(row.querySelector('summary')!);
    expect(row.querySelector('details')!.open).toBe(true);
    const text = row.textContent ?? '';
    expect(text).toContain('Header ของคำขอ');
    expect(text).toContain(`Cookie${MASKED}`);
    expect(text).toContain(`Set-Cookie${MASKED}`);
    expect(text).toContain(`ส่งต่อไปที่: ${APP}/callback?token=[token]`);
  });

  it('follows the login live, as the recorder writes', async () => {
    const { push } = renderPanel([]);
    await waitFor(() => expect(screen.getByTestId('timeline-empty')).toBeTruthy());
    act(() => push(LOGIN.slice(0, 2)));
    expect(screen.getAllByTestId('hop')).toHaveLength(2);
  });

  it('copies the timeline as text in the language shown, tokens removed', async () => {
    const { writeText } = renderPanel(LOGIN, 7, 'en');
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Login timeline' })).toBeTruthy());
    await waitFor(() => expect(screen.getAllByTestId('hop')).toHaveLength(4));
    fireEvent.click(screen.getByRole('button', { name: 'Copy timeline as text' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledOnce());
    const text = writeText.mock.calls[0]![0];
    expect(text).toContain('Login timeline (tokens removed)');
    expect(text).toContain(`2. 2026-11-24T03:00:00Z GET 302 31 ms ${SSO}/authorize?user=somchai`);
    expect(text).toContain('token in: query');
  });

  it('switches language, and saves the choice as the popup does', async () => {
    const { client } = renderPanel(LOGIN);
    await waitFor(() => expect(screen.getAllByTestId('hop')).toHaveLength(4));
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByRole('heading', { name: 'Login timeline' })).toBeTruthy();
    expect(client.setLanguage).toHaveBeenCalledWith('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('says so when no tab is known, and reads nothing', async () => {
    const { source } = renderPanel(LOGIN, null);
    expect(screen.getByTestId('timeline-empty').textContent).toContain('ไม่ทราบ');
    expect(source.read).not.toHaveBeenCalled();
  });
});
