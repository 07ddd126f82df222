// The Chrome extension id that administrators write into policies is not chosen: Chromium derives
// it from the manifest `key`. This keeps the documented id and the shipped key from drifting apart.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import identity from '../extension-identity.json' with { type: 'json' };

/**
 * Chromium's rule: the first 128 bits of SHA-256 over the DER public key, each hex digit 0-f as a-p.
 * @param {string} base64Key
 */
function chromeIdFromPublicKey(base64Key) {
  const digest = createHash('sha256').update(Buffer.from(base64Key, 'base64')).digest('hex');
  return [...digest.slice(0, 32)].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

describe('extension identity', () => {
  it('documents the Chrome id that the public key produces', () => {
    expect(chromeIdFromPublicKey(identity.chromePublicKey)).toBe(identity.chromeId);
  });

  it('ships a public key only, never a private one', () => {
    const der = Buffer.from(identity.chromePublicKey, 'base64');
    // An RSA 2048 SubjectPublicKeyInfo is 294 bytes; a private key is over 1,100.
    expect(der.length).toBeLessThan(600);
    expect(JSON.stringify(identity)).not.toMatch(/PRIVATE/);
  });
});
