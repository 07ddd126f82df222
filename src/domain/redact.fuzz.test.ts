import { describe, it } from 'vitest';
import fc from 'fast-check';
import { redactText, MAX_REDACTED_LENGTH } from './redact';
import { fuzz, TIMEOUT, upTo } from '../test-support/fuzz';
import { digitsOf, person, run } from '../test-support/fuzz-arbitraries';

// Masking of free text (harness: src/test-support/fuzz.ts).
describe('fuzz', () => {
  it('redactText: never throws, bounded, never the ID nor the ClientID', { timeout: TIMEOUT }, () => {
    const clientId = fc
      .stringMatching(/^[A-Za-z0-9][A-Za-z0-9._~-]{7,23}$/)
      .filter((id) => !/client|token|number/i.test(id));
    fuzz(
      'redactText',
      fc.tuple(run(upTo(60_000)), person, clientId, fc.string({ maxLength: 40 })),
      ([filler, { id, written }, client, around]) => {
        const text = `${around}${String(written)} ${client} ${around}${filler.slice(0, 2_000)}`;
        const out = redactText(text, { clientId: client });
        if (out.length > MAX_REDACTED_LENGTH + 1) return 'not cut';
        if (digitsOf(out).includes(id)) return 'the ID is there';
        if (out.includes(client)) return 'the ClientID is there';
        if (redactText(filler).length > MAX_REDACTED_LENGTH + 1) return 'a long run is not cut';
        return null;
      },
    );
  });
});
