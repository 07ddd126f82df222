import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MANUAL_LIFETIME_MS, readTime, readTokenTimes } from './time';
import { formatDuration, formatIsoUtc, formatThaiDateTime } from './time-format';

const NBF = 1_795_000_000; // 2026-11-18T11:06:40Z
const EXP = NBF + 65 * 60;

describe('readTime', () => {
  it('reads RFC 7519 seconds, milliseconds, numeric strings and date strings, naming the form', () => {
    expect(readTime('exp', EXP)).toEqual({ claim: 'exp', raw: EXP, form: 'numeric-seconds', epochMs: EXP * 1000 });
    expect(readTime('exp', EXP * 1000)).toMatchObject({ form: 'numeric-milliseconds', epochMs: EXP * 1000 });
    expect(readTime('exp', ` ${EXP} `)).toMatchObject({ form: 'numeric-string', epochMs: EXP * 1000 });
    expect(readTime('exp', String(EXP * 1000))).toMatchObject({ form: 'numeric-string', epochMs: EXP * 1000 });
    expect(readTime('nbf', '2026-11-18T11:06:40Z')).toMatchObject({ form: 'date-string', epochMs: NBF * 1000 });
    expect(readTime('nbf', '2026-11-18T18:06:40+07:00')).toMatchObject({ form: 'date-string', epochMs: NBF * 1000 });
    expect(readTime('exp', EXP + 0.5)).toMatchObject({ form: 'numeric-seconds', epochMs: EXP * 1000 + 500 });
  });

  it('says missing or invalid for what is not a time', () => {
    expect(readTime('exp', undefined)).toMatchObject({ form: 'missing', epochMs: null });
    for (const raw of [null, 'soon', '', NaN, Infinity, 1e300, true, {}, [1], '1e5', '99999999999999999999']) {
      expect(readTime('exp', raw)).toMatchObject({ form: 'invalid', epochMs: null });
    }
  });

  it('never throws and gives an instant exactly when the form is readable', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.double(),
          fc.integer(),
          fc.string(),
          fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
        ),
        (raw) => {
          const t = readTime('exp', raw);
          expect(t.epochMs === null).toBe(t.form === 'missing' || t.form === 'invalid');
          if (t.epochMs !== null) expect(Number.isFinite(t.epochMs)).toBe(true);
        },
      ),
    );
  });
});

describe('readTokenTimes', () => {
  const payload = { exp: EXP, nbf: NBF };
  it('is valid between nbf and exp, with the time remaining and the lifetime', () => {
    const times = readTokenTimes(payload, (NBF + 600) * 1000);
    expect(times.state).toBe('valid');
    expect(times.remainingMs).toBe(55 * 60 * 1000);
    expect(times.lifetimeMs).toBe(MANUAL_LIFETIME_MS);
  });

  it('is expired on and after exp, and not yet valid before nbf', () => {
    expect(readTokenTimes(payload, EXP * 1000).state).toBe('expired');
    expect(readTokenTimes(payload, EXP * 1000 + 1).remainingMs).toBe(-1);
    expect(readTokenTimes(payload, NBF * 1000 - 1).state).toBe('not-yet-valid');
    expect(readTokenTimes(payload, NBF * 1000).state).toBe('valid');
  });

  it('is unknown without a readable exp', () => {
    const times = readTokenTimes({ nbf: NBF }, NBF * 1000 + 5);
    expect(times).toMatchObject({ state: 'unknown', remainingMs: null, lifetimeMs: null });
    expect(readTokenTimes({ exp: 'later' }, 0).state).toBe('unknown');
  });
});

describe('formatting', () => {
  it('formats Thai Buddhist-era Bangkok time and ISO UTC', () => {
    const ms = Date.UTC(2026, 10, 24, 8, 8, 39, 123);
    expect(formatThaiDateTime(ms)).toBe('24 พ.ย. 2569 15:08:39');
    // Midnight in Bangkok is 00, not 24.
    expect(formatThaiDateTime(Date.UTC(2026, 0, 1, 17, 0, 5))).toBe('2 ม.ค. 2569 00:00:05');
    expect(formatIsoUtc(ms)).toBe('2026-11-24T08:08:39Z');
    expect(formatIsoUtc(NaN)).toBe('—');
    expect(formatThaiDateTime(Infinity)).toBe('—');
  });

  it('formats durations in Thai and English, with seconds only below a minute', () => {
    expect(formatDuration(MANUAL_LIFETIME_MS, 'th')).toBe('1 ชม. 5 นาที');
    expect(formatDuration(MANUAL_LIFETIME_MS, 'en')).toBe('1 h 5 min');
    expect(formatDuration(45_900, 'en')).toBe('45 s');
    expect(formatDuration(45_900, 'th')).toBe('45 วินาที');
    expect(formatDuration(5 * 60_000 + 59_000, 'en')).toBe('5 min');
    expect(formatDuration(2 * 3600_000, 'en')).toBe('2 h');
    expect(formatDuration(3 * 86_400_000 + 2 * 3600_000 + 7 * 60_000, 'en')).toBe('3 d 2 h');
    expect(formatDuration(-90_000, 'en')).toBe('-1 min');
    expect(formatDuration(NaN, 'th')).toBe('—');
  });
});
