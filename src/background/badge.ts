/**
 * The toolbar badge on a tab with a capture: minutes left of its newest token, green, amber
 * under 5 minutes, red once expired. Refreshed each minute by an alarm (a worker timer would die
 * with the worker) and cleared when the tab's captures are.
 */
import { decodeToken } from '../domain/decode-token';
import { readTokenTimes } from '../domain/time';
import type { Capture } from '../shared/capture';

export const BADGE_ALARM = 'badge-refresh';
const AMBER_BELOW_MS = 5 * 60_000;

export const BADGE_COLOURS = { valid: '#15803d', ending: '#b45309', expired: '#b91c1c', unknown: '#475569' } as const;

export interface Badge {
  text: string;
  colour: string;
  /** For the tooltip: the newest capture's state in words. */
  title: string;
}

/** The badge for a tab's newest capture, or null for no badge. */
export function badgeFor(newest: Capture | undefined, nowMs: number): Badge | null {
  if (!newest) return null;
  const decoded = decodeToken(newest.token);
  if (!decoded.ok) return null;
  const times = readTokenTimes(decoded.token.payload, nowMs);
  if (times.state === 'expired')
    return { text: 'exp', colour: BADGE_COLOURS.expired, title: 'Token expired / โทเค็นหมดอายุแล้ว' };
  if (times.state === 'not-yet-valid')
    return { text: 'nbf', colour: BADGE_COLOURS.ending, title: 'Token not yet valid / โทเค็นยังไม่เริ่มใช้ได้' };
  if (times.remainingMs === null)
    return { text: '?', colour: BADGE_COLOURS.unknown, title: 'Token expiry unreadable / อ่านเวลาหมดอายุไม่ได้' };
  // Round down: a badge that says "1" must not still be showing when the token has expired.
  const minutes = Math.floor(times.remainingMs / 60_000);
  const colour = times.remainingMs < AMBER_BELOW_MS ? BADGE_COLOURS.ending : BADGE_COLOURS.valid;
  return { text: minutes > 999 ? '999+' : `${minutes}m`, colour, title: `${minutes} min left / เหลือ ${minutes} นาที` };
}
