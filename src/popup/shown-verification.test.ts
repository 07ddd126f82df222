import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FIXTURE_TOKENS, makeCapture, verifiedValid } from '../test-support/fixtures';
import { shownVerification } from './shown-verification';

describe('shownVerification', () => {
  const capture = makeCapture(FIXTURE_TOKENS.valid);

  it('shows whichever of the stored and the fresh result is newer, and only one made under the current settings', () => {
    fc.assert(
      fc.property(
        fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
        fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
        fc.constantFrom('now', 'before'),
        (storedAt, freshAt, freshFingerprint) => {
          const stored = storedAt === null ? null : verifiedValid({ checkedAt: storedAt });
          const fresh = freshAt === null ? null : verifiedValid({ checkedAt: freshAt });
          const shown = shownVerification(
            stored ? { ...capture, verification: { result: stored, settingsFingerprint: 'now' } } : capture,
            fresh ? { captureId: capture.id, settingsFingerprint: freshFingerprint, result: fresh } : null,
            'now',
          );
          const candidates = [stored, freshFingerprint === 'now' ? fresh : null].filter((result) => result !== null);
          if (candidates.length === 0) expect(shown).toBeNull();
          else expect(shown?.checkedAt).toBe(Math.max(...candidates.map((result) => result.checkedAt)));
          if (freshFingerprint !== 'now' && shown !== null) expect(shown).toBe(stored);
        },
      ),
    );
  });

  it('never shows a fresh result for another capture', () => {
    const fresh = { captureId: 'another', settingsFingerprint: 'now', result: verifiedValid() };
    expect(shownVerification(capture, fresh, 'now')).toBeNull();
    expect(shownVerification(null, fresh, 'now')).toBeNull();
  });
});
