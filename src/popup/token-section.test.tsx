// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/preact';
import { TokenSection } from './token-section';
import { decodedFixture } from './fixture-inspections';
import { makeCapture, FIXTURE_TOKENS, type FixtureName } from '../ui/test-fixtures';
import { formatIsoUtc, formatThaiDateTime } from '../domain/time';
import type { Language } from '../ui/i18n';

afterEach(cleanup);

const renderToken = (fixture: FixtureName, language: Language = 'th') =>
  render(<TokenSection inspection={decodedFixture(fixture)} capture={makeCapture(FIXTURE_TOKENS[fixture])} language={language} />);

describe('TokenSection', () => {
  it('shows iss, and nbf/exp in Buddhist-era Bangkok time with ISO UTC visible beside', () => {
    const { times } = decodedFixture('valid');
    renderToken('valid');
    expect(screen.getByTestId('iss').textContent).toBe('https://sso.industry.go.th');
    for (const [id, reading] of [['nbf', times.nbf], ['exp', times.exp]] as const) {
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
    expect(screen.getByTestId('source').textContent).toBe('URL query (token) · https://app.industry.go.th/sso/callback');
  });
});
