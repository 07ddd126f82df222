/**
 * Fixture tokens and captures for the UI's component tests. Every person here is made up: the
 * surnames say so (ทดสอบ = test, ตัวอย่าง = example), the e-mails are on example.com (RFC 2606),
 * and the ID numbers are built so that they pass the Thai check digit and nothing else.
 *
 * The clock is fixed (`FIXED_NOW`) so that countdowns and verdicts are the same on every run.
 * Tokens carry an unverifiable signature: the UI never checks signatures, the verification
 * service does.
 */
import type { Capture } from '../shared/capture';
import { readingToKeep } from '../shared/capture-reading';
import { readToken } from '../domain/read-token';
import type { VerificationResult } from '../domain/soap/answer';
import { base64url, makeToken, withCheckDigit } from '../../demo/token-kit.mjs';

/** 2026-11-24 10:00:00 in Bangkok (UTC+7). */
export const FIXED_NOW = Date.UTC(2026, 10, 24, 3, 0, 0);
const MINUTE = 60_000;
/** The manual's note: a token lives 1 h 05 min. */
const MANUAL_LIFETIME_S = 65 * 60;

/** A made-up ID that passes the check digit. */
export const GOOD_ID = withCheckDigit('110070000123');
/** The same with the last digit changed, so the check digit fails. */
export const BAD_ID = `${GOOD_ID.slice(0, 12)}${(Number(GOOD_ID[12]) + 1) % 10}`;

/** The manual's ten claims for a made-up officer, valid for 20 more minutes at FIXED_NOW. */
export function ssoPayload(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const nbf = Math.floor((FIXED_NOW - 45 * MINUTE) / 1000);
  return {
    sid: 'S-1-5-21-fixture-0001',
    username: 'wichai.t',
    idcard: GOOD_ID,
    firstname: 'วิชัย',
    lastname: 'ทดสอบ',
    email: 'wichai.t@example.com',
    iss: 'https://sso.industry.go.th',
    // The manual's own example: สำนักงานอุตสาหกรรมจังหวัดนครปฐม.
    org: '9/59/73',
    nbf,
    exp: nbf + MANUAL_LIFETIME_S,
    ...overrides,
  };
}

const nbfAt = (ms: number) => Math.floor(ms / 1000);

/** The fixtures the issue names, each a compact token (or text that is not one). */
export const FIXTURE_TOKENS = {
  valid: makeToken(ssoPayload()),
  expired: makeToken(
    ssoPayload({ nbf: nbfAt(FIXED_NOW - 75 * MINUTE), exp: nbfAt(FIXED_NOW - 75 * MINUTE) + MANUAL_LIFETIME_S }),
  ),
  notYetValid: makeToken(
    ssoPayload({ nbf: nbfAt(FIXED_NOW + 5 * MINUTE), exp: nbfAt(FIXED_NOW + 5 * MINUTE) + MANUAL_LIFETIME_S }),
  ),
  /** OfficeID 9999 is not in the manual's table. */
  unknownOffice: makeToken(ssoPayload({ org: '9/9999/73' })),
  /** OfficeID 281 (Pattani) names parent 220, which the table lacks. */
  danglingParent: makeToken(ssoPayload({ org: '9/281/94' })),
  /** An OrgID the manual names no organisation for. */
  unnamedOrg: makeToken(ssoPayload({ org: '1/435/' })),
  badId: makeToken(ssoPayload({ idcard: BAD_ID })),
  /** exp in milliseconds instead of RFC 7519 seconds. */
  millisecondExp: makeToken(ssoPayload({ exp: (nbfAt(FIXED_NOW - 45 * MINUTE) + MANUAL_LIFETIME_S) * 1000 })),
  /** An SSO token with no `exp`: neither valid nor expired, its expiry is unknown. */
  noExp: makeToken(ssoPayload({ exp: undefined })),
  /** A JWT from some other system: none of the manual's distinctive claims. */
  notSso: makeToken({ sub: '1234', name: 'Other system', iat: nbfAt(FIXED_NOW), exp: nbfAt(FIXED_NOW + 10 * MINUTE) }),
  /** An encrypted JWE: five parts (RFC 7516 §7.1). */
  jwe: `${base64url(JSON.stringify({ alg: 'RSA-OAEP', enc: 'A256GCM' }))}.ZW5jcnlwdGVkLWtleQ.aXYtaXYtaXY.Y2lwaGVydGV4dA.dGFn`,
  garbage: 'this is not a token at all',
} as const;

export type FixtureName = keyof typeof FIXTURE_TOKENS;

let captureCounter = 0;

/** A capture of `token` as the background would store it. */
export function makeCapture(token: string, overrides: Partial<Capture> = {}): Capture {
  captureCounter += 1;
  return {
    id: `capture-${captureCounter}`,
    tabId: 7,
    capturedAt: FIXED_NOW - 2 * MINUTE,
    pageOrigin: 'https://app.industry.go.th',
    pagePath: '/sso/callback',
    source: 'query',
    parameter: 'token',
    token,
    isIndustrySso: true,
    reading: readingToKeep(readToken(token)),
    ...overrides,
  };
}

/** A DiwLoginChk answer of the manual's case 1 ("Token is valid"). */
export function verifiedValid(overrides: Partial<VerificationResult> = {}): VerificationResult {
  return {
    checkedAt: FIXED_NOW - MINUTE,
    roundTripMs: 84,
    clockSkewMs: 1_000,
    endpoint: 'http://127.0.0.1:8088/DiwAppChk/DiwAppChk',
    outcome: {
      kind: 'answered',
      answer: { manualCase: 1, status: true, message: 'Token is valid', username: 'wichai.t', idCard: GOOD_ID },
    },
    findings: [
      {
        code: 'verify-valid',
        severity: 'info',
        title: { th: 'DiwLoginChk: Token ถูกต้องและยังไม่หมดอายุ', en: 'DiwLoginChk: the token is genuine and not expired' },
        detail: { th: 'กรณีที่ 1 ตามคู่มือ', en: 'Manual case 1' },
        nextStep: { th: 'ไม่ต้องทำอะไรเพิ่ม', en: 'Nothing to do.' },
      },
    ],
    ...overrides,
  };
}

/** The manual's case 3: the service answered, and says the token is not one it issued. */
export const NOT_GENUINE_OUTCOME: VerificationResult['outcome'] = {
  kind: 'answered',
  answer: {
    manualCase: 3,
    status: false,
    message: 'Mismatch data in received token',
    username: null,
    idCard: null,
  },
};

/** A verification that never reached the service. */
export function verificationRefused(): VerificationResult {
  return {
    checkedAt: FIXED_NOW - MINUTE,
    roundTripMs: null,
    clockSkewMs: null,
    endpoint: 'http://127.0.0.1:9/DiwAppChk',
    outcome: { kind: 'failed', code: 'connection-refused', detail: 'connect ECONNREFUSED 127.0.0.1:9' },
    findings: [
      {
        code: 'verify-connection-refused',
        severity: 'error',
        title: { th: 'เชื่อมต่อบริการตรวจสอบไม่ได้', en: 'The verification service refused the connection' },
        detail: { th: 'ไม่มีบริการที่ 127.0.0.1:9', en: 'Nothing listens on 127.0.0.1:9' },
        nextStep: { th: 'ตรวจที่อยู่บริการในหน้าตั้งค่า', en: 'Check the service address in the options.' },
      },
    ],
  };
}
