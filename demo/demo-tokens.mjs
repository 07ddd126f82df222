// Signing and checking of the demo world's tokens. The SSO look-alike signs with this key and
// the DiwAppChk-like service checks with it, which is how the service "knows which tokens it
// issued": a tampered token fails the signature, an expired one fails the clock.
// HS256 (RFC 7518 §3.2) with node:crypto; a demo-only key, never a real secret.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { base64url } from './token-kit.mjs';

export const DEMO_SIGNING_KEY = 'industry-sso-demo-signing-key-not-a-secret';
/** The ClientID the demo's "administrator" assigned (manual §4). Any other is case 4. */
export const DEMO_CLIENT_ID = 'DEMO-CLIENT-7F3A';
/** The manual's note: a token lives 1 h 05 min. */
export const MANUAL_LIFETIME_SECONDS = 65 * 60;

/** @param {string} input */

/**
 * Signs `payload` (an object of claims) into a compact JWS.
 * @param {Record<string, unknown>} payload
 * @param {{ key?: string }} [options]
 * @returns {string}
 */
export function signToken(payload, { key = DEMO_SIGNING_KEY } = {}) {
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const body = base64url(JSON.stringify(payload));
  const signature = createHmac('sha256', key).update(`${header}.${body}`).digest('base64url');
  return `${header}.${body}.${signature}`;
}

/**
 * What DiwLoginChk would say of a token, before the ClientID is considered:
 * `{ state: 'valid' | 'expired' | 'mismatch', claims }`. `claims` is null on mismatch.
 * @param {unknown} token
 * @param {number} [nowMs]
 * @returns {{ state: 'mismatch', claims: null } | { state: 'valid' | 'expired', claims: Record<string, any> }}
 */
export function checkToken(token, nowMs = Date.now()) {
  const parts = typeof token === 'string' ? token.trim().split('.') : [];
  if (parts.length !== 3) return { state: 'mismatch', claims: null };
  const [header = '', body = '', signature = ''] = parts;
  const expected = createHmac('sha256', DEMO_SIGNING_KEY).update(`${header}.${body}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { state: 'mismatch', claims: null };
  let claims;
  try {
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return { state: 'mismatch', claims: null };
  }
  const exp = typeof claims.exp === 'number' ? claims.exp * 1000 : NaN;
  if (!(exp > nowMs)) return { state: 'expired', claims };
  return { state: 'valid', claims };
}
