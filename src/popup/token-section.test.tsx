// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/preact';
import { TokenSection } from './token-section';
import { decodedFixture } from '../test-support/fixture-inspections';
import { makeToken } from '../test-support/tokens';
import {
  makeCapture,
  ssoPayload,
  FIXTURE_TOKENS,
  GOOD_ID,
  FIXED_NOW,
  type FixtureName,
} from '../test-support/fixtures';
import { inspectToken } from '../domain/read-token';
import { checkIdCard } from '../domain/id-card';
import { formatIsoUtc, formatThaiDateTime } from '../domain/time-format';
import type { Language } from '../ui/strings';
import { inLanguage } from '../test-support/in-language';

afterEach(cleanup);

const renderToken = (fixture: FixtureName, language: Language = 'th') =>
  render(
    <TokenSection
      inspection={decodedFixture(fixture)}
      capture={makeCapture(FIXTURE_TOKENS[fixture])}
      revealId={false}
    />,
    inLanguage(language),
  );

describe('TokenSection', () => {
  it('shows iss, and nbf/exp in Buddhist-era Bangkok time with ISO UTC visible beside', () => {
    const { times } = decodedFixture('valid');
    renderToken('valid');
    expect(screen.getByTestId('iss').textContent).toBe('https://sso.industry.go.th');
    for (const [id, reading] of [
      ['nbf', times.nbf],
      ['exp', times.exp],
    ] as const) {
      const cell = screen.getByTestId(id);
      expect(cell.textContent).toContain(formatThaiDateTime(reading.epochMs!));
      expect(cell.textContent).toContain(formatIsoUtc(reading.epochMs!));
      // The Buddhist era: 2026 CE is 2569 BE.
      expect(cell.textContent).toContain('2569');
    }
  });

  it('a 65-minute lifetime matches the manual', () => {
    renderToken('valid', 'en');
    expect(screen.getByTestId('lifetime').textContent).toContain('as the manual says');
    expect(screen.queryByTestId('time-forms')).toBeNull();
  });

  it('exp in milliseconds: the non-standard form is named', () => {
    renderToken('millisecondExp', 'en');
    expect(screen.getByTestId('time-forms').textContent).toContain('exp time format: milliseconds (non-standard)');
  });

  it('says where the token was captured, without the token', () => {
    renderToken('valid', 'en');
    expect(screen.getByTestId('source').textContent).toBe(
      'URL query (token) · https://app.industry.go.th/sso/callback',
    );
  });

  it('marks a token the page put in its own URL after loading, and not one a navigation brought', () => {
    render(
      <TokenSection
        inspection={decodedFixture('valid')}
        capture={{ ...makeCapture(FIXTURE_TOKENS.valid), inPage: true }}
        revealId={false}
      />,
      inLanguage('en'),
    );
    expect(screen.getByTestId('source-in-page').textContent).toMatch(/put in the URL by the page/);
    cleanup();
    renderToken('valid', 'en');
    expect(screen.queryByTestId('source-in-page')).toBeNull();
  });

  it('masks an ID number hidden in an extra claim unless revealed, as the report does', () => {
    const token = makeToken(ssoPayload({ citizen: { pid: GOOD_ID }, ms: 1_796_197_091_000 }));
    const inspection = inspectToken(token, FIXED_NOW);
    if (inspection.kind !== 'decoded') throw new Error('fixture did not decode');
    const { container, rerender } = render(
      <TokenSection inspection={inspection} capture={makeCapture(token)} revealId={false} />,
      inLanguage('en'),
    );
    const extra = () => container.querySelector('details.extra')!.textContent!;
    expect(extra()).not.toContain(GOOD_ID);
    expect(extra()).toContain(checkIdCard(GOOD_ID).masked);
    // A 13-digit number (not a string) is a millisecond time, not an ID: shown as it is.
    expect(extra()).toContain('1796197091000');
    rerender(<TokenSection inspection={inspection} capture={makeCapture(token)} revealId={true} />);
    expect(extra()).toContain(GOOD_ID);
  });
});
