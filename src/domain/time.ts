/**
 * Reading `exp`, `nbf` (and `iat`) and saying what they mean now.
 *
 * RFC 7519 §2 defines NumericDate as seconds since 1970-01-01T00:00:00Z. The manual does not say
 * which form the Industry SSO uses ("วันที่หมดอายุ Token"), so milliseconds, numeric strings and
 * date strings are read too, and the form found is reported: a library that follows the RFC will
 * misread anything else. The clock is always passed in (`nowMs`), never read here.
 */
import { MAX_EPOCH_MS } from './time-format';

// Formatting lives in time-format.ts, and what the times mean to a person (the findings) in
// time-findings.ts: the background reads times too, and need not carry those texts.

/** The manual: "Token จะมีระยะเวลา 1 ชม. 5 นาที". */
export const MANUAL_LIFETIME_MS = 65 * 60 * 1000;

/**
 * Numbers above this are read as milliseconds: 1e11 seconds is the year 5138, while 1e11
 * milliseconds is 1973, so no real token time is ambiguous.
 */
const MILLISECONDS_THRESHOLD = 1e11;
/** A lifetime within this of 65 minutes is the manual's (issuers round to whole seconds). */
export const LIFETIME_TOLERANCE_MS = 1000;

function fromNumber(value: number): { epochMs: number; inMilliseconds: boolean } | null {
  if (!Number.isFinite(value)) return null;
  const inMilliseconds = Math.abs(value) > MILLISECONDS_THRESHOLD;
  const epochMs = inMilliseconds ? value : value * 1000;
  return Math.abs(epochMs) <= MAX_EPOCH_MS ? { epochMs: Math.round(epochMs), inMilliseconds } : null;
}

function reading(claim: TimeReading['claim'], raw: unknown, form: TimeForm, epochMs: number | null): TimeReading {
  return { claim, raw, form, epochMs };
}

/** Reads one time claim, saying which form it had. Never throws. */
export function readTime(claim: TimeReading['claim'], raw: unknown): TimeReading {
  if (raw === undefined) return reading(claim, raw, 'missing', null);
  if (typeof raw === 'number') {
    const read = fromNumber(raw);
    if (read === null) return reading(claim, raw, 'invalid', null);
    return reading(claim, raw, read.inMilliseconds ? 'numeric-milliseconds' : 'numeric-seconds', read.epochMs);
  }
  if (typeof raw === 'string') {
    const text = raw.trim();
    if (/^-?\d+(\.\d+)?$/.test(text)) {
      const read = fromNumber(Number(text));
      return read === null ? reading(claim, raw, 'invalid', null) : reading(claim, raw, 'numeric-string', read.epochMs);
    }
    // Only strings that look like dates: Date.parse alone accepts odd things such as "1".
    if (text.length <= 64 && /\d{4}|\d{1,2}[/-]\d{1,2}/.test(text)) {
      const parsed = Date.parse(text);
      if (Number.isFinite(parsed)) return reading(claim, raw, 'date-string', parsed);
    }
  }
  return reading(claim, raw, 'invalid', null);
}

/** All three time claims and the token's state at `nowMs` (RFC 7519 §4.1.4, §4.1.5). */
export function readTokenTimes(payload: Record<string, unknown>, nowMs: number): TokenTimes {
  const source: Record<string, unknown> = payload !== null && typeof payload === 'object' ? payload : {};
  const exp = readTime('exp', source.exp);
  const nbf = readTime('nbf', source.nbf);
  const iat = readTime('iat', source.iat);
  let state: TokenTimes['state'];
  // nbf first: a token not valid yet is that, whatever its exp says.
  if (nbf.epochMs !== null && nowMs < nbf.epochMs) state = 'not-yet-valid';
  else if (exp.epochMs === null) state = 'unknown';
  // "on or after which the JWT MUST NOT be accepted" (§4.1.4): equal means expired.
  else if (nowMs >= exp.epochMs) state = 'expired';
  else state = 'valid';
  return {
    exp,
    nbf,
    iat,
    state,
    remainingMs: exp.epochMs === null ? null : exp.epochMs - nowMs,
    lifetimeMs: exp.epochMs === null || nbf.epochMs === null ? null : exp.epochMs - nbf.epochMs,
  };
}

export type TimeForm =
  'missing' | 'numeric-seconds' | 'numeric-milliseconds' | 'numeric-string' | 'date-string' | 'invalid';

export interface TimeReading {
  claim: 'exp' | 'nbf' | 'iat';
  raw: unknown;
  form: TimeForm;
  /** The instant, when it could be read. */
  epochMs: number | null;
}

export type LifetimeState = 'valid' | 'expired' | 'not-yet-valid' | 'unknown';

export interface TokenTimes {
  exp: TimeReading;
  nbf: TimeReading;
  iat: TimeReading;
  state: LifetimeState;
  /** exp − now; negative once expired; null when exp is unreadable. */
  remainingMs: number | null;
  /** exp − nbf; null when either is unreadable. */
  lifetimeMs: number | null;
}
