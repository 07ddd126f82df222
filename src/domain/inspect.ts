/**
 * The whole reading of one token at a moment: what it says (read-token.ts), its times against the
 * clock, the verdict, and every finding most serious first. This is what the popup shows, every
 * second, and what the ticket report is built from. It needs only the time rules, so the popup
 * carries this and not the token reader.
 */
import { readTokenTimes } from './time';
import { timeFindings } from './time-findings';
import type { DecodeFailure, DecodedToken } from './decode-token';
import type { Finding } from './finding';
import type { TokenTimes } from './time';
import { sortFindings } from './sort-findings';
import type { ClaimReading } from './claims';
import type { OrgResolution } from './org';
import type { IdCardCheck } from './id-card';
import type { TokenReading } from './read-token';

const EXPIRY_UNKNOWN: Finding = {
  code: 'expiry-unknown',
  severity: 'error',
  title: { th: 'บอกไม่ได้ว่าโทเค็นยังใช้ได้หรือไม่', en: 'Whether the token is still valid cannot be told' },
  detail: {
    th: 'ไม่มีเวลาหมดอายุ (exp) ที่อ่านได้ จึงถือว่าโทเค็นใช้ไม่ได้ (แสดงเป็นหมดอายุ) จนกว่าบริการ DiwLoginChk จะยืนยัน',
    en: 'There is no readable expiry (exp), so the token is treated as not valid (shown as expired) until the DiwLoginChk service confirms it.',
  },
  nextStep: {
    th: 'ตรวจสอบโทเค็นกับบริการ DiwLoginChk คำตอบของบริการเป็นตัวตัดสิน',
    en: 'Check the token with the DiwLoginChk service: its answer decides.',
  },
};

/**
 * The verdict for an Industry SSO token follows its times. A token whose expiry cannot be read
 * is neither valid nor expired as far as we can know: it gets its own verdict, and the
 * `expiry-unknown` finding says why. Honest beats a guess in either direction.
 */
function verdictFor(times: TokenTimes): InspectionVerdict {
  switch (times.state) {
    case 'valid':
      return 'valid';
    case 'not-yet-valid':
      return 'not-yet-valid';
    case 'expired':
      return 'expired';
    case 'unknown':
      return 'expiry-unknown';
  }
}

/** A reading at `nowMs` (the caller's clock). Never throws. */
export function inspectReading(reading: TokenReading, nowMs: number): TokenInspection {
  if (reading.kind === 'unreadable') {
    return { kind: 'unreadable', verdict: 'unreadable', failure: reading.failure, findings: reading.findings };
  }
  const { token, claims, extraClaims, org, idCard, claimFindings, contentFindings } = reading;
  const times = readTokenTimes(token.payload, nowMs);
  let verdict: InspectionVerdict;
  let timeFacts: Finding[];
  if (!token.isIndustrySso) {
    verdict = 'not-sso';
    // Only the plain facts about time: "the manual lists nbf" would be noise for a foreign token.
    timeFacts = timeFindings(times).filter((f) => f.code === 'token-expired' || f.code === 'token-not-yet-valid');
  } else {
    verdict = verdictFor(times);
    timeFacts = [...(times.state === 'unknown' ? [EXPIRY_UNKNOWN] : []), ...timeFindings(times)];
  }
  const findings = sortFindings([...claimFindings, ...timeFacts, ...contentFindings]);
  return { kind: 'decoded', verdict, token, claims, extraClaims, times, org, idCard, findings };
}

/** `expiry-unknown`: an SSO token whose `exp` is missing or unreadable; it is not called valid, nor expired. */
export type InspectionVerdict = 'valid' | 'expired' | 'not-yet-valid' | 'expiry-unknown' | 'not-sso' | 'unreadable';

export type TokenInspection =
  | { kind: 'unreadable'; verdict: 'unreadable'; failure: DecodeFailure; findings: Finding[] }
  | {
      kind: 'decoded';
      verdict: InspectionVerdict;
      token: DecodedToken;
      claims: ClaimReading[];
      /** Claims the manual does not list, kept as they are. */
      extraClaims: Array<[name: string, value: unknown]>;
      times: TokenTimes;
      org: OrgResolution | null;
      idCard: IdCardCheck | null;
      /** Every finding, most serious first. */
      findings: Finding[];
    };
