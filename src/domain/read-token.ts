/**
 * What a token says whatever the time: decode, claims, office, national ID, and the findings
 * about them. The background reads each token once, when it keeps it, and stores this reading
 * beside it, so the popup does not carry the office directory and these texts, nor read again on
 * every opening; `inspectReading` (inspect.ts) adds what depends on the clock. A reading is plain
 * data (no functions, no classes): it is kept in `storage.session` as it is.
 */
import { MANUAL_CLAIMS, readClaims } from './claims';
import { checkIdCard } from './id-card';
import { resolveOrg } from './org';
import { decodeToken } from './decode-token';
import type { DecodeFailure, DecodedToken } from './decode-token';
import { decodeFinding } from './decode-finding';
import type { Finding } from './finding';
import { jsonDepth } from './json-depth';
import { PRETTY_JSON_LIMITS } from './bounded-json';
import type { ClaimReading } from './claims';
import type { OrgResolution } from './org';
import type { IdCardCheck } from './id-card';
import { inspectReading, type TokenInspection } from './inspect';

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

/** Reads one token. Never throws. */
export function readToken(compact: string): TokenReading {
  const decoded = decodeToken(compact);
  if (!decoded.ok) {
    return { kind: 'unreadable', failure: decoded.failure, findings: [decodeFinding(decoded.failure)] };
  }
  const { token } = decoded;
  const { payload } = token;
  const { claims, extraClaims } = readClaims(payload);
  const has = (name: string) => claims.some((claim) => claim.definition.name === name && claim.present);
  const claimFindings: Finding[] = [];
  if (!token.isIndustrySso) {
    claimFindings.push(notSsoFinding(claims.filter((claim) => claim.present).length));
  } else {
    const missing = claims.filter((claim) => !claim.present).map((claim) => claim.definition.name);
    if (missing.length > 0) claimFindings.push(claimsMissingFinding(missing));
    const notText = TEXT_CLAIMS.filter((name) => has(name) && typeof payload[name] !== 'string');
    if (notText.length > 0) claimFindings.push(claimsNotTextFinding(notText));
  }
  const org = has('org') ? resolveOrg(payload.org) : null;
  const idCard = has('idcard') ? checkIdCard(payload.idcard) : null;
  const contentFindings: Finding[] = [];
  const tooDeep = (['header', 'payload'] as const).filter(
    (part) => jsonDepth(token[part], ABSURD_NESTING_DEPTH + 1) > ABSURD_NESTING_DEPTH,
  );
  if (tooDeep.length > 0) contentFindings.push(absurdNestingFinding(tooDeep));
  if (org) contentFindings.push(...org.findings);
  if (idCard) contentFindings.push(...idCard.findings);
  return { kind: 'decoded', token, claims, extraClaims, org, idCard, claimFindings, contentFindings };
}

/**
 * True when the token nests deeper than the raw view prints. Such a reading is not kept in
 * storage: copying it there walks every level, and the browser's copy may refuse one deep enough.
 */
export function isAbsurdlyNested(reading: TokenReading): boolean {
  return (
    reading.kind === 'decoded' && reading.contentFindings.some((finding) => finding.code === 'token-absurd-nesting')
  );
}

/** Reads one token at `nowMs` (the caller's clock). Never throws. */
export function inspectToken(compact: string, nowMs: number): TokenInspection {
  return inspectReading(readToken(compact), nowMs);
}

export type TokenReading =
  | { kind: 'unreadable'; failure: DecodeFailure; findings: Finding[] }
  | {
      kind: 'decoded';
      token: DecodedToken;
      claims: ClaimReading[];
      /** Claims the manual does not list, kept as they are. */
      extraClaims: Array<[name: string, value: unknown]>;
      org: OrgResolution | null;
      idCard: IdCardCheck | null;
      /** About the claim set: not the SSO's, claims missing, claims that should be text. */
      claimFindings: Finding[];
      /** About what the claims hold: nesting, the office, the national ID. */
      contentFindings: Finding[];
    };
