// @vitest-environment happy-dom
/**
 * axe-core over the rendered popup in happy-dom. happy-dom has no layout, so axe cannot judge
 * colour contrast here (it reports it as "incomplete", not as a violation); the real-browser
 * run (test/e2e/popup.test.ts) repeats the check with layout and colours.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import axe from 'axe-core';
import { renderPopup } from '../test-support/render-popup';
import { FIXTURE_TOKENS, makeCapture, verifiedValid, FIXED_NOW, NOT_GENUINE_OUTCOME } from '../test-support/fixtures';
import type { FixtureName } from '../test-support/fixtures';
import { DEFAULT_SETTINGS } from '../shared/settings';
import { verificationFingerprint } from '../shared/settings-view';

afterEach(cleanup);

async function violations() {
  const results = await axe.run(document.body, { resultTypes: ['violations'] });
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('popup accessibility (axe-core, happy-dom)', () => {
  it('axe really runs here: an unnamed button is reported', async () => {
    const broken = document.createElement('button');
    document.body.append(broken);
    try {
      expect((await violations()).some((line) => line.startsWith('button-name'))).toBe(true);
    } finally {
      broken.remove();
    }
  });

  // Stored under the settings the popup runs with: a result stored under other settings is
  // hidden (as the background hides it), and the verified state would go unchecked.
  const currentSettings = verificationFingerprint(DEFAULT_SETTINGS.verification);
  const fixtures: FixtureName[] = ['valid', 'expired', 'danglingParent', 'badId', 'notSso', 'jwe'];
  for (const fixture of fixtures) {
    it(`${fixture}: no violations, with every details section open`, async () => {
      await renderPopup({
        settings: DEFAULT_SETTINGS,
        captures: [
          makeCapture(FIXTURE_TOKENS[fixture], {
            verification: { result: verifiedValid(), settingsFingerprint: currentSettings },
          }),
          makeCapture(FIXTURE_TOKENS.valid, { tabId: 9, capturedAt: FIXED_NOW - 5 * 60_000 }),
        ],
      });
      // The verified state is drawn wherever a token decodes (a JWE does not: no verification block).
      if (fixture === 'jwe') expect(screen.queryByTestId('verification')).toBeNull();
      else expect(screen.getByTestId('verification').textContent).toContain('Token is valid');
      for (const details of document.querySelectorAll('details')) details.open = true;
      expect(await violations()).toEqual([]);
    });
  }

  it('empty state with a paste error: no violations', async () => {
    await renderPopup({ captures: [] });
    fireEvent.input(screen.getByLabelText(/Token \(JWT\)/), { target: { value: 'garbage' } });
    fireEvent.click(screen.getByRole('button', { name: 'อ่าน Token' }));
    await screen.findByRole('alert');
    expect(await violations()).toEqual([]);
  });

  it('a section that could not be drawn, and a forged token’s times: no violations', async () => {
    const case3 = verifiedValid({
      outcome: NOT_GENUINE_OUTCOME,
    });
    await renderPopup({
      captures: [makeCapture(FIXTURE_TOKENS.valid, { source: 'carrier-pigeon' as never })],
      verifyResult: { ok: true, value: case3 },
    });
    fireEvent.click(screen.getByRole('button', { name: 'ตรวจสอบ' }));
    await screen.findByTestId('section-failed');
    await screen.findByText(/เชื่อถือไม่ได้ เพราะ DiwLoginChk/);
    for (const details of document.querySelectorAll('details')) details.open = true;
    expect(await violations()).toEqual([]);
  });
});
