/**
 * Printing instants and durations the one way this extension shows them: a Thai Buddhist-era
 * date in Bangkok, ISO 8601 in UTC, and durations in words or as a ticking clock. Kept apart
 * from reading the token's time claims (time.ts) because the popup and report print times that
 * never came from a token, such as when a capture or a check happened.
 */

/** ECMAScript's Date range (±100,000,000 days, ECMA-262 §21.4.1.1). */
export const MAX_EPOCH_MS = 8.64e15;

const THAI_DATE_TIME = new Intl.DateTimeFormat('th-TH-u-ca-buddhist', {
  timeZone: 'Asia/Bangkok',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** A Thai Buddhist-era date and time in Bangkok, e.g. "24 พ.ย. 2569 15:08:39". */
export function formatThaiDateTime(epochMs: number): string {
  if (!Number.isFinite(epochMs) || Math.abs(epochMs) > MAX_EPOCH_MS) return '—';
  return THAI_DATE_TIME.format(epochMs);
}

/** ISO 8601 in UTC without milliseconds, e.g. "2026-11-24T08:08:39Z". */
export function formatIsoUtc(epochMs: number): string {
  if (!Number.isFinite(epochMs) || Math.abs(epochMs) > MAX_EPOCH_MS) return '—';
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const UNITS = {
  th: { day: 'วัน', hour: 'ชม.', minute: 'นาที', second: 'วินาที' },
  en: { day: 'd', hour: 'h', minute: 'min', second: 's' },
} as const;

/**
 * A duration, the one way this extension prints one.
 * - `words` (the default): largest units first, "1 ชม. 5 นาที" / "1 h 5 min", rounded down to
 *   minutes, which is what a person reads out on the phone. Seconds show only below one minute;
 *   a negative duration keeps its sign ("-5 min").
 * - `clock`: running digits, "1:04:59" or "19:42", so a countdown visibly ticks each second.
 *   Whole seconds count down (a partial second is not yet gone); a negative duration shows its
 *   magnitude, as the words beside it say "ago" or "in".
 */
export function formatDuration(ms: number, language: 'th' | 'en', style: 'words' | 'clock' = 'words'): string {
  if (!Number.isFinite(ms)) return '—';
  if (style === 'clock') return clockDigits(ms);
  const units = UNITS[language === 'en' ? 'en' : 'th'];
  const sign = ms < 0 ? '-' : '';
  const totalSeconds = Math.floor(Math.abs(ms) / 1000);
  if (totalSeconds < 60) return `${sign}${totalSeconds} ${units.second}`;
  const days = Math.floor(totalSeconds / 86_400);
  const hours = Math.floor((totalSeconds % 86_400) / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const parts: string[] = [];
  if (days > 0) parts.push(`${days} ${units.day}`);
  if (hours > 0) parts.push(`${hours} ${units.hour}`);
  // Minutes are dropped once a duration runs to days: "3 d 2 h" is what a person reads.
  if (minutes > 0 && days === 0) parts.push(`${minutes} ${units.minute}`);
  if (parts.length === 0) parts.push(`${days} ${units.day}`);
  return `${sign}${parts.join(' ')}`;
}

function clockDigits(ms: number): string {
  const totalSeconds = Math.floor(Math.abs(ms) / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return hours > 0 ? `${hours}:${two(minutes)}:${two(seconds)}` : `${minutes}:${two(seconds)}`;
}
