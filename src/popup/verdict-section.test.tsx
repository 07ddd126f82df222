// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { VerdictSection } from './verdict-section';
import { inspectFixture } from '../test-support/fixture-inspections';
import { verificationRefused, verifiedValid, FIXED_NOW, NOT_GENUINE_OUTCOME } from '../test-support/fixtures';
import type { FixtureName } from '../test-support/fixtures';
import type { Language } from '../ui/strings';
import { inLanguage } from '../test-support/in-language';
import type { VerificationResult } from '../domain/soap/answer';

afterEach(cleanup);

function renderVerdict(
  fixture: FixtureName,
  {
    language = 'th' as Language,
    verification = null as VerificationResult | null,
    nowMs = FIXED_NOW,
    onVerify = vi.fn(),
  } = {},
) {
  render(
    <VerdictSection
      inspection={inspectFixture(fixture, nowMs)}
      nowMs={nowMs}
      verification={verification}
      onVerify={onVerify}
      verifyState={{ running: false, error: null }}
    />,
    inLanguage(language),
  );
  return { onVerify };
}

const verdictLine = () => screen.getByRole('heading', { level: 2 });

describe('VerdictSection', () => {
  it('valid: says so, counts down the 20 minutes left, and fills the bar against 65 minutes', () => {
    renderVerdict('valid');
    expect(verdictLine().textContent).toContain('Token ยังใช้ได้');
    expect(screen.getByTestId('countdown').textContent).toContain('เหลือเวลาอีก 20 นาที');
    expect(screen.getByTestId('countdown-clock').textContent).toBe('20:00');
    // 20 of 65 minutes.
    expect(screen.getByRole('meter').getAttribute('aria-valuenow')).toBe(String(Math.round((20 / 65) * 100)));
  });

  it('valid, in English', () => {
    renderVerdict('valid', { language: 'en' });
    expect(verdictLine().textContent).toContain('Token is valid');
    expect(screen.getByTestId('countdown').textContent).toContain('20 min left');
  });

  it('the countdown moves with the clock', () => {
    renderVerdict('valid', { nowMs: FIXED_NOW + 61_000 });
    expect(screen.getByTestId('countdown-clock').textContent).toBe('18:59');
  });

  it('a token the central service calls not genuine (case 3) is not headlined as valid', () => {
    renderVerdict('valid', {
      language: 'en',
      verification: verifiedValid({
        outcome: NOT_GENUINE_OUTCOME,
      }),
    });
    expect(verdictLine().getAttribute('data-verdict')).toBe('not-genuine');
    expect(verdictLine().textContent).toContain('not genuine');
    expect(verdictLine().closest('section')?.className).toContain('verdict--bad');
  });

  it('a valid token with an office that does not match says so on the first screen', () => {
    renderVerdict('unknownOffice', { language: 'en' });
    const also = screen.getByTestId('also-check');
    expect(also.textContent).toMatch(/^Also check \(\d+\): /);
    expect(also.querySelector('a')?.getAttribute('href')).toBe('#findings-heading');
  });

  it('does not repeat what the headline already says', () => {
    renderVerdict('expired');
    expect(screen.queryByTestId('also-check')).toBeNull();
  });

  // Past its expiry or with none: a headline, a countdown line, and an empty bar.
  it.each([
    {
      name: 'expired: says how long ago, with an empty bar',
      fixture: 'expired',
      language: 'th',
      verdict: 'expired',
      headline: 'หมดอายุแล้ว',
      countdown: 'หมดอายุมาแล้ว 10 นาที',
    },
    {
      name: 'no exp: the expiry is unknown, never "valid", and the bar is empty',
      fixture: 'noExp',
      language: 'en',
      verdict: 'expiry-unknown',
      headline: 'Token expiry is unknown',
      countdown: 'Expiry unknown',
    },
  ] as const)('$name', ({ fixture, language, verdict, headline, countdown }) => {
    renderVerdict(fixture, { language });
    expect(verdictLine().getAttribute('data-verdict')).toBe(verdict);
    expect(verdictLine().textContent).toContain(headline);
    expect(screen.getByTestId('countdown').textContent).toContain(countdown);
    expect(screen.getByRole('meter').getAttribute('aria-valuenow')).toBe('0');
  });

  it('not yet valid: says when it starts', () => {
    renderVerdict('notYetValid', { language: 'en' });
    expect(verdictLine().textContent).toContain('not valid yet');
    expect(screen.getByTestId('countdown').textContent).toContain('Becomes valid in 5 min');
  });

  it('a JWT from another system is "not an SSO token"', () => {
    renderVerdict('notSso', { language: 'en' });
    expect(verdictLine().getAttribute('data-verdict')).toBe('not-sso');
    expect(verdictLine().textContent).toContain('Not an Industry SSO token');
  });

  it('JWE: unreadable, with the domain’s own explanation (encrypted, not corrupt)', () => {
    const inspection = inspectFixture('jwe');
    expect(inspection.kind).toBe('unreadable');
    renderVerdict('jwe', { language: 'en' });
    expect(verdictLine().getAttribute('data-verdict')).toBe('unreadable');
    if (inspection.kind !== 'unreadable') return;
    expect(screen.getByRole('alert').textContent).toBe(inspection.failure.message.en);
    expect(screen.queryByRole('meter')).toBeNull();
  });

  it('garbage: unreadable, with the domain’s message in Thai', () => {
    const inspection = inspectFixture('garbage');
    renderVerdict('garbage');
    if (inspection.kind !== 'unreadable') throw new Error('garbage decoded');
    expect(screen.getByRole('alert').textContent).toBe(inspection.failure.message.th);
    expect(screen.getByRole('alert').textContent?.length).toBeGreaterThan(5);
  });

  it('before verification: "not verified yet" and a Verify button that asks without forcing', () => {
    const { onVerify } = renderVerdict('valid', { language: 'en' });
    expect(screen.getByText('Not verified with DiwLoginChk yet')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Verify' }));
    expect(onVerify).toHaveBeenCalledWith(false);
  });

  it('after verification: the manual case, the answer and its findings; "verify again" forces', () => {
    const { onVerify } = renderVerdict('valid', { language: 'en', verification: verifiedValid() });
    const result = screen.getByTestId('verification');
    expect(result.textContent).toContain('Status: true');
    expect(result.textContent).toContain('Token is valid');
    expect(result.textContent).toContain('manual §4.2 case 1');
    expect(result.textContent).toContain('the token is genuine and not expired');
    expect(result.textContent).toContain('round trip 84 ms');
    expect(result.textContent).toContain('Checked 2026-11-24T02:59:00Z');
    // The returned ID number is masked.
    expect(result.textContent).not.toMatch(/\d{13}/);
    fireEvent.click(screen.getByRole('button', { name: 'Verify again' }));
    expect(onVerify).toHaveBeenCalledWith(true);
  });

  it('a failed verification says why', () => {
    renderVerdict('valid', { verification: verificationRefused(), language: 'en' });
    const result = within(screen.getByTestId('verification'));
    expect(result.getByText('Verification failed (connection-refused)')).toBeTruthy();
    expect(result.getByText('The verification service refused the connection')).toBeTruthy();
  });
});

describe('VerdictSection: a token the central service calls not genuine', () => {
  it('has no lifetime bar and no countdown, only a line saying its times are its own claims', () => {
    renderVerdict('valid', {
      language: 'en',
      verification: verifiedValid({
        outcome: NOT_GENUINE_OUTCOME,
      }),
    });
    expect(screen.queryByRole('meter')).toBeNull();
    expect(screen.queryByTestId('countdown-clock')).toBeNull();
    expect(screen.getByTestId('countdown').textContent).toBe(
      'The times in this token are claimed by the token, not trustworthy: DiwLoginChk says it is not genuine.',
    );
  });
});
