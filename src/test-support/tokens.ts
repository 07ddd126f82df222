/**
 * Test-only helpers shared by the domain's tests (never imported by product code): building
 * compact tokens from JSON and made-up national ID numbers whose check digit is right.
 */

import type { Capture } from '../shared/capture';
import { readingToKeep } from '../shared/capture-reading';
import { readToken } from '../domain/read-token';

import { makeToken, withCheckDigit } from '../../demo/token-kit.mjs';

// The one kit (shared with the demo and the real-browser tests), under the name the unit tests use.
export { base64url, makeToken, withCheckDigit } from '../../demo/token-kit.mjs';

/** A made-up person (the ID is invented; only its check digit is right). */
export const SAMPLE_ID = withCheckDigit('110170012345');

export const NBF_SECONDS = 1_795_000_000; // 2026-11-18T11:06:40Z, a fixed instant for tests
export const EXP_SECONDS = NBF_SECONDS + 65 * 60;

export function samplePayload(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    sid: 'S-1-5-21-1004',
    username: 'somchai.t',
    idcard: SAMPLE_ID,
    firstname: 'สมชาย',
    lastname: 'ทดสอบ',
    email: 'somchai.t@example.go.th',
    iss: 'industry-sso-demo',
    org: '9/59/73',
    exp: EXP_SECONDS,
    nbf: NBF_SECONDS,
    ...overrides,
  };
}

/** A capture of a good sample token from a callback page on a local test server, in tab `tabId`. */
export function sampleCapture(tabId: number): Capture {
  const token = makeToken(samplePayload());
  return {
    id: 'c1',
    tabId,
    capturedAt: 1,
    pageOrigin: 'http://127.0.0.1:2',
    pagePath: '/callback',
    source: 'query',
    parameter: 'token',
    token,
    isIndustrySso: true,
    reading: readingToKeep(readToken(token)),
  };
}
