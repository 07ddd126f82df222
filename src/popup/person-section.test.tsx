// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { PersonSection } from './person-section';
import { decodedFixture } from '../test-support/fixture-inspections';
import { BAD_ID, GOOD_ID, type FixtureName } from '../test-support/fixtures';
import { checkIdCard } from '../domain/id-card';
import { inLanguage } from '../test-support/in-language';

afterEach(cleanup);

function Harness({ fixture }: { fixture: FixtureName }) {
  const [reveal, setReveal] = useState(false);
  return (
    <PersonSection inspection={decodedFixture(fixture)} revealId={reveal} onToggleReveal={() => setReveal(!reveal)} />
  );
}

describe('PersonSection', () => {
  it('the fixture IDs are what they claim (cross-check with the domain)', () => {
    expect(checkIdCard(GOOD_ID).checksumValid).toBe(true);
    expect(checkIdCard(BAD_ID)).toMatchObject({ wellFormed: true, checksumValid: false });
  });

  it('shows name, username, e-mail and sid', () => {
    render(<Harness fixture="valid" />, inLanguage('th'));
    expect(screen.getByTestId('person-name').textContent).toBe('วิชัย ทดสอบ');
    expect(screen.getByTestId('username').textContent).toBe('wichai.t');
    expect(screen.getByText('wichai.t@example.com')).toBeTruthy();
    expect(screen.getByText('S-1-5-21-fixture-0001')).toBeTruthy();
  });

  it('masks the national ID until revealed, with a pressed-state toggle', () => {
    const { container } = render(<Harness fixture="valid" />, inLanguage('en'));
    expect(container.textContent).not.toContain(GOOD_ID);
    expect(screen.getByTestId('idcard').textContent).toBe(checkIdCard(GOOD_ID).masked);
    const toggle = screen.getByRole('button', { name: 'Show full ID number' });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByTestId('idcard').textContent).toBe(GOOD_ID);
    fireEvent.click(toggle);
    expect(container.textContent).not.toContain(GOOD_ID);
  });

  it('says the check digit is right for a good ID', () => {
    render(<Harness fixture="valid" />, inLanguage('en'));
    expect(screen.getByTestId('idcard-check').textContent).toContain('Check digit (13th) is correct');
  });

  it('says the check digit is wrong for a bad ID, without revealing it', () => {
    const { container } = render(<Harness fixture="badId" />, inLanguage('th'));
    expect(screen.getByTestId('idcard-check').textContent).toContain('เลขตรวจสอบ (หลักที่ 13) ไม่ถูกต้อง');
    expect(container.textContent).not.toContain(BAD_ID);
  });
});
