import { describe, expect, it } from 'vitest';
import { formatCountdownClock } from './countdown-clock';

describe('formatCountdownClock', () => {
  it('shows minutes and seconds under an hour', () => {
    expect(formatCountdownClock(19 * 60_000 + 42_000)).toBe('19:42');
    expect(formatCountdownClock(5_000)).toBe('0:05');
  });
  it('shows hours once there is one, e.g. the manual lifetime', () => {
    expect(formatCountdownClock(65 * 60_000)).toBe('1:05:00');
  });
  it('counts whole seconds down (a partial second is not yet gone)', () => {
    expect(formatCountdownClock(59_999)).toBe('0:59');
  });
  it('gives the magnitude of a negative span (the caller says "ago")', () => {
    expect(formatCountdownClock(-61_000)).toBe('1:01');
  });
  it('never throws on a non-finite value', () => {
    expect(formatCountdownClock(Number.NaN)).toBe('—');
  });
});
