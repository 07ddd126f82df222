/**
 * The whole reading of one token: decode, claims, times, office, national ID, and every finding
 * most serious first. This is what the popup shows and what the ticket report is built from.
 */
import { MANUAL_CLAIMS, readClaims } from './claims';
import { checkIdCard } from './id-card';
import { resolveOrg } from './org';
import { readTokenTimes } from './time';
import { timeFindings } from './time-findings';
import { decodeToken } from './decode-token';
import type { DecodeFailure, DecodeFailureCode } from './decode-token';
import type { Finding, Localized } from './finding';
import type { TokenTimes } from './time';
import { sortFindings } from './sort-findings';
import { jsonDepth } from './json-depth';
import { PRETTY_JSON_LIMITS } from './bounded-json';
import type { DecodedToken } from './decode-token';
import type { ClaimReading } from './claims';
import type { OrgResolution } from './org';
import type { IdCardCheck } from './id-card';

const RECOPY: Localized = {
  th: 'คัดลอกโทเค็นใหม่ทั้งหมด หรือใช้โทเค็นที่ส่วนขยายจับได้เองจากหน้าล็อกอิน ถ้ายังเป็นอยู่ ระบบงานอาจตัดโทเค็นระหว่างส่งต่อ ให้แจ้งผู้พัฒนาระบบงานพร้อมรายงานนี้',
  en: "Copy the whole token again, or use the one the extension captured from the login. If it keeps happening, the application may be cutting the token on the way: send this report to the application's developers.",
};

/** What to do about each way a text can fail to decode (also what the paste box says). */
export const DECODE_NEXT_STEP: Record<DecodeFailureCode, Localized> = {
  empty: {
    th: 'วางโทเค็น หรือให้ผู้ใช้ล็อกอินผ่าน Industry SSO ขณะเปิดส่วนขยายไว้ เพื่อให้จับโทเค็นได้',
    en: 'Paste a token, or have the user log in through the Industry SSO with the extension installed so it captures one.',
  },
  'too-large': {
    th: 'คัดลอกเฉพาะตัวโทเค็น (ข้อความที่ขึ้นต้นด้วย eyJ)',
    en: 'Copy only the token itself (the text starting with eyJ).',
  },
  'wrong-part-count': RECOPY,
  'bad-base64url': RECOPY,
  'encrypted-jwe': {
    th: 'ถามผู้พัฒนาระบบงานว่าโทเค็นนี้มาจากระบบใด โทเค็นของ Industry SSO ตามคู่มืออ่านได้โดยไม่ต้องใช้กุญแจ ตรวจสอบความถูกต้องได้ด้วยบริการ DiwLoginChk',
    en: "Ask the application's developers which system issued it: Industry SSO tokens as the manual describes them are readable without a key. Check it with the DiwLoginChk service.",
  },
  'not-json': {
    th: 'ค่านี้ไม่ใช่โทเค็นของ Industry SSO ตรวจว่าคัดลอกมาจากที่ถูกต้อง',
    en: 'This is not an Industry SSO token: check where it was copied from.',
  },
  'not-object': {
    th: 'ค่านี้ไม่ใช่โทเค็นของ Industry SSO ตรวจว่าคัดลอกมาจากที่ถูกต้อง',
    en: 'This is not an Industry SSO token: check where it was copied from.',
  },
};

/** A decode failure as a finding, with what to do next: for a stored token and for pasted text alike. */
export function decodeFinding(failure: DecodeFailure): Finding {
  const title: Localized =
    failure.code === 'encrypted-jwe'
      ? { th: 'โทเค็นถูกเข้ารหัส อ่านเนื้อหาไม่ได้', en: 'The token is encrypted and cannot be read' }
      : failure.code === 'empty'
        ? { th: 'ไม่มีโทเค็น', en: 'There is no token' }
        : { th: 'อ่านโทเค็นไม่ได้', en: 'The token cannot be read' };
  return {
    code: `decode-${failure.code}`,
    severity: 'error',
    title,
    detail: failure.message,
    nextStep: DECODE_NEXT_STEP[failure.code],
  };
}

function notSsoFinding(presentCount: number): Finding {
  return {
    code: 'not-industry-sso',
    severity: 'warning',
    title: { th: 'ไม่ใช่โทเค็นของ Industry SSO', en: 'Not an Industry SSO token' },
    detail: {
      th: `อ่านโทเค็นได้ แต่มีฟิลด์ตามคู่มือเพียง ${presentCount} จาก 10 และขาด idcard หรือ org ซึ่งเป็นลักษณะเฉพาะของ Industry SSO`,
      en: `The token decodes, but carries only ${presentCount} of the manual's 10 claims, and lacks idcard or org, which mark an Industry SSO token.`,
    },
    nextStep: {
      th: 'ตรวจว่าระบบงานส่งผู้ใช้ไปล็อกอินที่ Industry SSO จริง โทเค็นนี้อาจมาจากระบบล็อกอินอื่น',
      en: 'Check that the application really sends users to the Industry SSO: this token may come from another login system.',
    },
  };
}

function claimsMissingFinding(missing: readonly string[]): Finding {
  const definitions = MANUAL_CLAIMS.filter((claim) => missing.includes(claim.name));
  return {
    code: 'claims-missing',
    severity: 'warning',
    title: { th: 'โทเค็นขาดฟิลด์ที่คู่มือกำหนด', en: 'The token lacks claims the manual lists' },
    detail: {
      th: `ไม่มี: ${definitions.map((d) => `${d.name} (${d.label.th})`).join(', ')}`,
      en: `Missing: ${definitions.map((d) => `${d.name} (${d.label.en})`).join(', ')}.`,
    },
    nextStep: {
      th: 'แจ้งผู้ดูแลระบบ SSO ว่าโทเค็นของผู้ใช้นี้ขาดฟิลด์ ระบบงานที่ต้องใช้ฟิลด์เหล่านี้อาจทำงานผิด',
      en: "Tell the SSO administrators this user's token lacks these claims: applications that need them may fail.",
    },
  };
}

/**
 * Nesting deeper than the raw view prints. The manual's claims are flat text and numbers, so a
 * token nested this deep was not made by the SSO; it is what a token built to crash the programs
 * that read it looks like (a stack overflow in JSON printing or any recursive walk).
 */
const ABSURD_NESTING_DEPTH = PRETTY_JSON_LIMITS.maxDepth;

function absurdNestingFinding(parts: ReadonlyArray<'header' | 'payload'>): Finding {
  const words = { header: { th: 'ส่วนหัว (header)', en: 'header' }, payload: { th: 'ส่วนข้อมูล (payload)', en: 'payload' } };
  return {
    code: 'token-absurd-nesting',
    severity: 'warning',
    title: { th: 'โทเค็นมีข้อมูลซ้อนกันลึกผิดปกติ', en: 'The token nests data absurdly deep' },
    detail: {
      th: `${parts.map((part) => words[part].th).join(' และ ')} ซ้อนกันลึกเกิน ${ABSURD_NESTING_DEPTH} ชั้น ขณะที่ฟิลด์ตามคู่มือเป็นเพียงข้อความและตัวเลข จึงแสดงเพียง ${ABSURD_NESTING_DEPTH} ชั้นแรก ส่วนที่ลึกกว่าแสดงเป็น […]`,
      en: `The ${parts.map((part) => words[part].en).join(' and ')} nest${parts.length === 1 ? 'es' : ''} more than ${ABSURD_NESTING_DEPTH} levels deep, while the manual's claims are plain text and numbers. Only the first ${ABSURD_NESTING_DEPTH} levels are shown; deeper parts appear as […].`,
    },
    nextStep: {
      th: 'อย่าเชื่อโทเค็นนี้ ตรวจสอบกับบริการ DiwLoginChk และส่งรายงานนี้ให้ผู้ดูแลระบบ SSO และผู้พัฒนาระบบงาน โทเค็นจริงของ Industry SSO ไม่มีข้อมูลแบบนี้ อาจเป็นโทเค็นที่สร้างขึ้นเพื่อทำให้โปรแกรมที่อ่านมันล่ม',
      en: "Do not trust this token: check it with the DiwLoginChk service and send this report to the SSO administrators and the application's developers. A genuine Industry SSO token carries nothing like this; it may have been made to crash the programs that read it.",
    },
  };
}

/** The manual's text claims; `idcard`, `org`, `exp` and `nbf` have their own checks. */
const TEXT_CLAIMS = ['sid', 'username', 'firstname', 'lastname', 'email', 'iss'] as const;

function claimsNotTextFinding(names: readonly string[]): Finding {
  return {
    code: 'claims-not-text',
    severity: 'warning',
    title: { th: 'ฟิลด์บางตัวไม่ได้เป็นข้อความ', en: 'Some claims are not text' },
    detail: {
      th: `ฟิลด์เหล่านี้ควรเป็นข้อความแต่ไม่ใช่: ${names.join(', ')}`,
      en: `These claims should be text but are not: ${names.join(', ')}.`,
    },
    nextStep: {
      th: 'แจ้งผู้ดูแลระบบ SSO ระบบงานที่อ่านฟิลด์เหล่านี้เป็นข้อความอาจทำงานผิด',
      en: 'Tell the SSO administrators: applications that read these claims as text may fail.',
    },
  };
}

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

/** Reads one token at `nowMs` (the caller's clock). Never throws. */
export function inspectToken(compact: string, nowMs: number): TokenInspection {
  const decoded = decodeToken(compact);
  if (!decoded.ok) {
    return {
      kind: 'unreadable',
      verdict: 'unreadable',
      failure: decoded.failure,
      findings: [decodeFinding(decoded.failure)],
    };
  }
  const { token } = decoded;
  const { payload } = token;
  const { claims, extraClaims } = readClaims(payload);
  const times = readTokenTimes(payload, nowMs);
  const has = (name: string) => claims.some((claim) => claim.definition.name === name && claim.present);
  const org = has('org') ? resolveOrg(payload.org) : null;
  const idCard = has('idcard') ? checkIdCard(payload.idcard) : null;
  const findings: Finding[] = [];
  let verdict: InspectionVerdict;
  if (!token.isIndustrySso) {
    verdict = 'not-sso';
    findings.push(notSsoFinding(claims.filter((claim) => claim.present).length));
    // Only the plain facts about time: "the manual lists nbf" would be noise for a foreign token.
    findings.push(...timeFindings(times).filter((f) => f.code === 'token-expired' || f.code === 'token-not-yet-valid'));
  } else {
    verdict = verdictFor(times);
    const missing = claims.filter((claim) => !claim.present).map((claim) => claim.definition.name);
    if (missing.length > 0) findings.push(claimsMissingFinding(missing));
    const notText = TEXT_CLAIMS.filter((name) => has(name) && typeof payload[name] !== 'string');
    if (notText.length > 0) findings.push(claimsNotTextFinding(notText));
    if (times.state === 'unknown') findings.push(EXPIRY_UNKNOWN);
    findings.push(...timeFindings(times));
  }
  const tooDeep = (['header', 'payload'] as const).filter(
    (part) => jsonDepth(token[part], ABSURD_NESTING_DEPTH + 1) > ABSURD_NESTING_DEPTH,
  );
  if (tooDeep.length > 0) findings.push(absurdNestingFinding(tooDeep));
  if (org) findings.push(...org.findings);
  if (idCard) findings.push(...idCard.findings);
  return { kind: 'decoded', verdict, token, claims, extraClaims, times, org, idCard, findings: sortFindings(findings) };
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
