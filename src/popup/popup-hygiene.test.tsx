// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { renderPopup } from '../test-support/render-popup';
import { FIXED_NOW, FIXTURE_TOKENS, makeCapture, verifiedValid } from '../test-support/fixtures';
import type { TokenHygiene } from '../domain/token-hygiene';
import { DEFAULT_SETTINGS } from '../shared/settings';
import { verificationFingerprint } from '../shared/settings-view';

afterEach(cleanup);

const CALLBACK = 'https://app.industry.go.th/callback/broken?token=[token]';
const HYGIENE: TokenHygiene = {
  hops: [{ places: ['query'], url: CALLBACK, status: 500 }],
  page: {
    pageOrigin: 'https://app.industry.go.th',
    referrerPolicy: 'unsafe-url',
    resourceOrigins: ['https://cdn.example'],
  },
};

const shownCodes = () =>
  [...screen.getByTestId('findings').querySelectorAll('[data-code]')].map((item) => item.getAttribute('data-code'));

describe('the popup: how the application handled the token', () => {
  it('lists the capture’s hygiene findings with the token’s own, and the callback error once verified valid', async () => {
    const capture = makeCapture(FIXTURE_TOKENS.valid, {
      tabId: 7,
      capturedAt: FIXED_NOW - 60_000,
      hygiene: HYGIENE,
      verification: {
        result: verifiedValid(),
        settingsFingerprint: verificationFingerprint(DEFAULT_SETTINGS.verification),
      },
    });
    const { writeText } = await renderPopup({ tabId: 7, settings: DEFAULT_SETTINGS, captures: [capture] });
    await waitFor(() => expect(shownCodes()).toContain('app-callback-error'));
    expect(shownCodes()).toEqual(
      expect.arrayContaining(['app-token-left-in-url', 'app-token-in-query', 'app-token-to-other-origins']),
    );
    expect(screen.getByTestId('findings').textContent).toContain('https://cdn.example');

    fireEvent.click(screen.getByRole('button', { name: 'คัดลอกรายงาน' }));
    await waitFor(() => expect(writeText).toHaveBeenCalled());
    const report = writeText.mock.calls[0]![0];
    expect(report).toContain('ระบบงานจัดการโทเค็นอย่างไร');
    expect(report).toContain('app-token-to-other-origins');
  });

  it('shows none for a capture without them', async () => {
    await renderPopup({ tabId: 7, captures: [makeCapture(FIXTURE_TOKENS.valid, { tabId: 7 })] });
    expect(shownCodes().filter((code) => code?.startsWith('app-'))).toEqual([]);
  });
});
