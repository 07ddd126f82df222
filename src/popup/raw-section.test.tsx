// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { RawSection } from './raw-section';
import { FindingsSection } from './findings-section';
import { decodedFixture } from '../test-support/fixture-inspections';
import { inLanguage } from '../test-support/in-language';
import { GOOD_ID, BAD_ID, FIXED_NOW, ssoPayload, verificationRefused } from '../test-support/fixtures';
import { makeToken } from '../test-support/tokens';
import { inspectToken } from '../domain/read-token';
import { checkIdCard } from '../domain/id-card';

afterEach(cleanup);

describe('RawSection', () => {
  it('shows header and payload as JSON with the ID masked, and copies what it shows', async () => {
    const writeText = vi.fn(async () => undefined);
    render(
      <RawSection inspection={decodedFixture('valid')} revealId={false} writeText={writeText} />,
      inLanguage('en'),
    );
    const payload = JSON.parse(screen.getByTestId('raw-payload').textContent!);
    expect(payload.idcard).toBe(checkIdCard(GOOD_ID).masked);
    expect(payload.username).toBe('wichai.t');
    fireEvent.click(screen.getByRole('button', { name: 'Copy JSON' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledTimes(1));
    const copied = (writeText.mock.calls[0] as unknown as [string])[0];
    expect(copied).toContain('"alg": "HS256"');
    expect(copied).not.toContain(GOOD_ID);
    await waitFor(() => expect(screen.getByText('Copied')).toBeTruthy());
  });

  it('masks an ID number in any other claim too, unless revealed', () => {
    const inspection = inspectToken(makeToken(ssoPayload({ owner_pid: GOOD_ID })), FIXED_NOW);
    if (inspection.kind !== 'decoded') throw new Error('fixture did not decode');
    const { rerender } = render(
      <RawSection inspection={inspection} revealId={false} writeText={vi.fn()} />,
      inLanguage('en'),
    );
    expect(screen.getByTestId('raw-payload').textContent).not.toContain(GOOD_ID);
    expect(JSON.parse(screen.getByTestId('raw-payload').textContent!).owner_pid).toBe(checkIdCard(GOOD_ID).masked);
    rerender(<RawSection inspection={inspection} revealId={true} writeText={vi.fn()} />);
    expect(JSON.parse(screen.getByTestId('raw-payload').textContent!).owner_pid).toBe(GOOD_ID);
  });

  it('shows the full ID once revealed above', () => {
    render(<RawSection inspection={decodedFixture('valid')} revealId={true} writeText={vi.fn()} />, inLanguage('th'));
    expect(JSON.parse(screen.getByTestId('raw-payload').textContent!).idcard).toBe(GOOD_ID);
  });

  it('says "could not copy" when the clipboard refuses', async () => {
    const writeText = vi.fn(async () => {
      throw new Error('denied');
    });
    render(
      <RawSection inspection={decodedFixture('valid')} revealId={false} writeText={writeText} />,
      inLanguage('en'),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Copy JSON' }));
    await waitFor(() => expect(screen.getByText('Could not copy')).toBeTruthy());
  });
});

describe('FindingsSection', () => {
  it('lists token and verification findings, most serious first, each with its next step', () => {
    const inspection = decodedFixture('badId');
    const verification = verificationRefused();
    const findings = [...inspection.findings, ...verification.findings];
    render(<FindingsSection findings={findings} />, inLanguage('en'));
    const items = screen.getAllByRole('listitem');
    expect(items).toHaveLength(findings.length);
    const rank = { error: 0, warning: 1, info: 2 } as const;
    const shown = items.map((item) => findings.find((f) => f.code === item.getAttribute('data-code'))!);
    for (let i = 1; i < shown.length; i += 1)
      expect(rank[shown[i - 1]!.severity]).toBeLessThanOrEqual(rank[shown[i]!.severity]);
    // The refused connection (an error) comes before the ID warning.
    expect(items[0]!.getAttribute('data-code')).toBe('verify-connection-refused');
    expect(items[0]!.textContent).toContain('Next step: Check the service address in the options.');
    const idItem = items.find((item) => item.getAttribute('data-code') === 'idcard-bad-checksum')!;
    expect(idItem.textContent).not.toContain(BAD_ID);
  });

  it('says when there is nothing to report', () => {
    render(<FindingsSection findings={[]} />, inLanguage('th'));
    expect(screen.getByText('ไม่พบสิ่งผิดปกติ')).toBeTruthy();
  });
});
