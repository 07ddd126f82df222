import type { Localized } from './finding';
/**
 * The ten claims of the manual's "รายละเอียด Token" table, in the table's order, and how a
 * payload is read against them. Thai labels are the manual's own descriptions (column คำอธิบาย).
 */

/** The table's rows in its order, in the words of its columns. */
const MANUAL_TABLE: readonly Pick<ClaimDefinition, 'name' | 'label' | 'meaning'>[] = [
  {
    name: 'sid',
    label: { th: 'ค่าที่ระบุถึง Object ประจำตัว User', en: 'User object ID' },
    meaning: {
      th: 'รหัสของออบเจกต์ผู้ใช้ในระบบบัญชีผู้ใช้ของกระทรวง',
      en: "The identifier of the user's object in the ministry's user directory.",
    },
  },
  {
    name: 'username',
    label: { th: 'ชื่อผู้ใช้งาน', en: 'User name' },
    meaning: { th: 'ชื่อที่ผู้ใช้ใช้ล็อกอิน', en: 'The name the user logs in with.' },
  },
  {
    name: 'idcard',
    label: { th: 'รหัสประจำตัวประชาชน', en: 'National ID number' },
    meaning: {
      th: 'เลขประจำตัวประชาชน 13 หลัก เป็นข้อมูลส่วนบุคคล จึงปิดบังไว้',
      en: 'The 13-digit Thai national ID number. It is personal data, so it is masked.',
    },
  },
  {
    name: 'firstname',
    label: { th: 'ชื่อ', en: 'First name' },
    meaning: { th: 'ชื่อจริงของผู้ใช้', en: "The user's first name (usually in Thai)." },
  },
  {
    name: 'lastname',
    label: { th: 'นามสกุล', en: 'Last name' },
    meaning: { th: 'นามสกุลของผู้ใช้', en: "The user's family name (usually in Thai)." },
  },
  {
    name: 'email',
    label: { th: 'อีเมล', en: 'E-mail' },
    meaning: { th: 'อีเมลของผู้ใช้', en: "The user's e-mail address." },
  },
  {
    name: 'iss',
    label: { th: 'ระบบงานที่ออก Token', en: 'Issuer' },
    meaning: { th: 'ระบบที่ออกโทเค็นนี้', en: 'The system that issued the token (RFC 7519 §4.1.1).' },
  },
  {
    name: 'org',
    label: { th: 'รหัสหน่วยงาน', en: 'Office code' },
    meaning: {
      th: 'รูปแบบ OrgID/OfficeID/ProvinceID เช่น "9/59/73" คือ 9 = สอจ., 59 = สำนักงานที่สังกัด, 73 = นครปฐม',
      en: 'OrgID/OfficeID/ProvinceID, e.g. "9/59/73": 9 = provincial industry office (สอจ.), 59 = which office, 73 = Nakhon Pathom.',
    },
  },
  {
    name: 'exp',
    label: { th: 'วันที่หมดอายุ Token', en: 'Expires' },
    meaning: {
      th: 'เวลาที่โทเค็นหมดอายุ (คู่มือ: โทเค็นมีอายุ 1 ชม. 5 นาที)',
      en: 'When the token expires (RFC 7519 §4.1.4; the manual: a token lives 1 h 5 min).',
    },
  },
  {
    name: 'nbf',
    label: { th: 'วันที่สร้าง Token', en: 'Created (not before)' },
    meaning: {
      th: 'เวลาที่สร้างโทเค็น ก่อนเวลานี้โทเค็นยังใช้ไม่ได้',
      en: 'When the token was created; it is not valid before this (RFC 7519 §4.1.5).',
    },
  },
];

/** The one claim the manual's table holds that is personal data. */
const PERSONAL_CLAIMS: ReadonlySet<string> = new Set(['idcard']);

export const MANUAL_CLAIMS: readonly ClaimDefinition[] = MANUAL_TABLE.map((row, index) => ({
  ...row,
  manualRow: index + 1,
  personal: PERSONAL_CLAIMS.has(row.name),
}));

const MANUAL_CLAIM_NAMES = new Set(MANUAL_CLAIMS.map((claim) => claim.name));

function hasClaim(payload: Record<string, unknown>, name: string): boolean {
  return Object.prototype.hasOwnProperty.call(payload, name) && payload[name] !== undefined;
}

/** The manual's claims, each present or not, and every other claim kept as it is. */
export function readClaims(payload: Record<string, unknown>): {
  claims: ClaimReading[];
  extraClaims: Array<[string, unknown]>;
} {
  const source = payload !== null && typeof payload === 'object' ? payload : {};
  const claims = MANUAL_CLAIMS.map((definition) => {
    const present = hasClaim(source, definition.name);
    return { definition, present, value: present ? source[definition.name] : undefined };
  });
  const extraClaims = Object.entries(source).filter(([name]) => !MANUAL_CLAIM_NAMES.has(name));
  return { claims, extraClaims };
}

/** The claims that mark an Industry SSO token: no general-purpose JWT carries these two. */
const DISTINCTIVE_CLAIMS = ['idcard', 'org'] as const;
/** Of the ten, how many must be there. Seven lets a token that lacks a few still be read as SSO. */
const MIN_MANUAL_CLAIMS = 7;

/**
 * True when the payload carries the manual's claim set. The rule: both distinctive claims
 * (`idcard` and `org`) AND at least 7 of the ten manual claims. `iss`, `exp`, `nbf` and `email`
 * appear in many JWTs, so they alone never make a token an SSO token; requiring only most of the
 * ten means a token missing one or two claims is still read (and the missing ones reported)
 * rather than dismissed as "not an SSO token".
 */
export function isIndustrySsoPayload(payload: unknown): boolean {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) return false;
  const record = payload as Record<string, unknown>;
  if (!DISTINCTIVE_CLAIMS.every((name) => hasClaim(record, name))) return false;
  return MANUAL_CLAIMS.filter((claim) => hasClaim(record, claim.name)).length >= MIN_MANUAL_CLAIMS;
}

export interface ClaimDefinition {
  /** Claim name as it appears in the payload, e.g. `idcard`. */
  name: string;
  /** Its row number in the manual's "รายละเอียด Token" table (1..10). */
  manualRow: number;
  label: Localized;
  meaning: Localized;
  /** Personal data that is masked on screen and in reports. */
  personal: boolean;
}

export interface ClaimReading {
  definition: ClaimDefinition;
  present: boolean;
  value: unknown;
}
