/**
 * Test-only helpers shared by the domain's tests (never imported by product code): building
 * compact tokens from JSON and made-up national ID numbers whose check digit is right.
 */

import type { Capture } from '../shared/capture';

export const base64url = (text: string): string => Buffer.from(text, 'utf8').toString('base64url');

/** A compact JWS from header and payload; the signature is fixed junk (nothing here checks it). */
export function makeToken(
  payload: unknown,
  header: unknown = { alg: 'HS256', typ: 'JWT' },
  signature = 'c2lnbmF0dXJlLW5vdC1jaGVja2Vk',
): string {
  return `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}.${signature}`;
}

/** Appends the Thai mod-11 check digit to 12 digits (computed independently of id-card.ts). */
export function withCheckDigit(first12: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i += 1) sum += Number(first12[i]) * (13 - i);
  return `${first12}${(11 - (sum % 11)) % 10}`;
}

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
  return {
    id: 'c1',
    tabId,
    capturedAt: 1,
    pageOrigin: 'http://127.0.0.1:2',
    pagePath: '/callback',
    source: 'query',
    parameter: 'token',
    token: makeToken(samplePayload()),
    isIndustrySso: true,
  };
}
