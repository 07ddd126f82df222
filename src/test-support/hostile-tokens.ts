/**
 * Test-only helpers (never imported by product code): tokens a hostile issuer could make, built
 * as JSON text, since `JSON.stringify` itself overflows the stack on the nesting they carry.
 */

const base64url = (text: string): string => Buffer.from(text, 'utf8').toString('base64url');

/** `[[[…1…]]]`, `depth` arrays deep, as JSON text. */
export function deepArrayJson(depth: number): string {
  return `${'['.repeat(depth)}1${']'.repeat(depth)}`;
}

/** `{"a":{"a":…1…}}`, `depth` objects deep, as JSON text. */
export function deepObjectJson(depth: number): string {
  return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/**
 * A JSON object with `members` (JSON text, e.g. `"exp":[[1]]`) written after the plain ones;
 * a member named twice takes the later value, as `JSON.parse` does.
 */
export function objectJson(plain: Record<string, unknown>, members: string): string {
  const head = JSON.stringify(plain).slice(0, -1);
  return `${head}${head.length > 1 ? ',' : ''}${members}}`;
}

/** A compact JWS from header and payload JSON text; the signature is junk (nothing here checks it). */
export function makeRawToken(headerJson: string, payloadJson: string): string {
  return `${base64url(headerJson)}.${base64url(payloadJson)}.c2lnbmF0dXJlLW5vdC1jaGVja2Vk`;
}
