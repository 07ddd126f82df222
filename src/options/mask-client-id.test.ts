import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { maskClientId } from './mask-client-id';

describe('maskClientId', () => {
  it('keeps four characters at each end of a long ClientID', () => {
    expect(maskClientId('DEMO-CLIENT-7F3A')).toBe('DEMO••••••7F3A');
  });

  it('shows less of a shorter one, and nothing of a very short one', () => {
    expect(maskClientId('AB345678YZ')).toBe('AB••••••YZ');
    expect(maskClientId('secret')).toBe('••••••');
  });

  it('shows nothing for no ClientID', () => {
    expect(maskClientId('   ')).toBe('');
  });

  it('never shows the middle, and never gives the length away', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 200 }).filter((s) => s.trim().length > 0),
        (clientId) => {
          const masked = maskClientId(clientId);
          const value = clientId.trim();
          expect(masked).toContain('••••••');
          // At most 8 characters of the original are visible, and never more than a third of it.
          const visible = masked.replace('••••••', '').length;
          expect(visible).toBeLessThanOrEqual(Math.min(8, Math.floor((value.length * 2) / 3)));
          if (value.length >= 12) expect(masked.length).toBe(14);
        },
      ),
    );
  });
});
