/*
 * The verdict's ticking countdown is the domain's formatDuration in its `clock` style; the
 * popup is the only page that shows it, so what it must print is pinned here.
 */
import { describe, expect, it } from 'vitest';
import { formatDuration } from '../domain/time-format';

const clock = (ms: number) => formatDuration(ms, 'th', 'clock');

describe('formatDuration, clock style', () => {
  it('shows minutes and seconds under an hour', () => {
    expect(clock(19 * 60_000 + 42_000)).toBe('19:42');
    expect(clock(5_000)).toBe('0:05');
  });
  it('shows hours once there is one, e.g. the manual lifetime', () => {
    expect(clock(65 * 60_000)).toBe('1:05:00');
  });
  it('counts whole seconds down (a partial second is not yet gone)', () => {
    expect(clock(59_999)).toBe('0:59');
  });
  it('gives the magnitude of a negative span (the caller says "ago")', () => {
    expect(clock(-61_000)).toBe('1:01');
  });
  it('is the same in both languages, and never throws on a non-finite value', () => {
    expect(formatDuration(65 * 60_000, 'en', 'clock')).toBe(clock(65 * 60_000));
    expect(clock(Number.NaN)).toBe('—');
  });
});
