// Building compact tokens and made-up national ID numbers: one kit for the demo world, the
// real-browser tests and the unit tests. The ID check digit here is written apart from the
// extension's own (src/domain/id-card.ts) on purpose: tests use this one as the oracle.

/**
 * base64url (RFC 4648 §5) of UTF-8 text, unpadded, as JOSE writes it.
 * @param {string} text
 * @returns {string}
 */
export function base64url(text) {
  return Buffer.from(text, 'utf8').toString('base64url');
}

/**
 * A compact JWS from header and payload, with a fixed junk signature: nothing checks it.
 * @param {unknown} payload
 * @param {unknown} [header]
 * @param {string} [signature]
 * @returns {string}
 */
export function makeToken(payload, header = { alg: 'HS256', typ: 'JWT' }, signature = 'c2lnbmF0dXJlLW5vdC1jaGVja2Vk') {
  return `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}.${signature}`;
}

/**
 * The Thai national ID check digit: the first 12 digits weighted 13 down to 2, then
 * (11 − sum mod 11) mod 10.
 * @param {string} first12 twelve digits
 * @returns {number}
 */
export function thaiIdCheckDigit(first12) {
  let sum = 0;
  for (let i = 0; i < 12; i += 1) sum += Number(first12[i]) * (13 - i);
  return (11 - (sum % 11)) % 10;
}

/**
 * Twelve digits and their check digit: a made-up ID number that passes the check.
 * @param {string} first12
 * @returns {string}
 */
export function withCheckDigit(first12) {
  return `${first12}${thaiIdCheckDigit(first12)}`;
}
