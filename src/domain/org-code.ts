/**
 * Reading the `org` claim's text, "OrgID/OfficeID/ProvinceID", into three numbers. Only the
 * syntax is checked here; whether the office exists and agrees with the other two numbers is
 * org.ts's job, against the office directory.
 */
import type { Localized } from './finding';

/** No OrgID, OfficeID or ProvinceID in the manual comes near this; larger is garbage. */
const MAX_ID = 99_999;
/** Longer than any real code; org.ts also cuts the claim to this for display. */
export const MAX_RAW_LENGTH = 100;

export type ParseResult = { ok: true; code: OrgCode } | { ok: false; reason: Localized };

function reject(th: string, en: string): ParseResult {
  return { ok: false, reason: { th, en } };
}

/** Thai digits (๐–๙) read as 0–9: some Thai systems write numbers with them. */
function toAsciiDigits(text: string): string {
  return text.replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50));
}

const PART_NAMES = ['OrgID', 'OfficeID', 'ProvinceID'] as const;

/**
 * Parses "OrgID/OfficeID/ProvinceID". Tolerates spaces, leading zeros, Thai digits and a
 * missing or empty province ("1/435/" and "1/435": offices outside the provinces have none).
 */
export function parseOrgCode(raw: unknown): ParseResult {
  if (typeof raw !== 'string') {
    return reject(
      `รหัสหน่วยงานต้องเป็นข้อความ แต่ได้ ${raw === null ? 'null' : typeof raw}`,
      `The office code must be text, but it is ${raw === null ? 'null' : `a ${typeof raw}`}.`,
    );
  }
  const text = toAsciiDigits(raw).trim();
  if (text === '') return reject('รหัสหน่วยงานว่างเปล่า', 'The office code is empty.');
  if (text.length > MAX_RAW_LENGTH) return reject('รหัสหน่วยงานยาวเกินไป', 'The office code is far too long.');
  const parts = text.split('/').map((part) => part.trim());
  if (parts.length < 2) {
    return reject(
      'รหัสหน่วยงานต้องอยู่ในรูป OrgID/OfficeID/ProvinceID เช่น "9/59/73" แต่ไม่มีเครื่องหมาย /',
      'The office code must look like OrgID/OfficeID/ProvinceID, e.g. "9/59/73", but it has no "/".',
    );
  }
  if (parts.length > 3) {
    return reject(
      `รหัสหน่วยงานมี ${parts.length} ส่วน มากกว่า 3 ส่วน (OrgID/OfficeID/ProvinceID)`,
      `The office code has ${parts.length} parts, more than the 3 of OrgID/OfficeID/ProvinceID.`,
    );
  }
  const numbers: Array<number | null> = [];
  for (const [index, part] of parts.entries()) {
    const name = PART_NAMES[index]!;
    if (part === '') {
      if (index === 2) {
        numbers.push(null);
        continue;
      }
      return reject(`${name} ในรหัสหน่วยงานว่างเปล่า`, `The ${name} in the office code is empty.`);
    }
    if (/^-\s*\d+$/.test(part)) return reject(`${name} ติดลบ (${part})`, `The ${name} is negative (${part}).`);
    if (!/^\d+$/.test(part))
      return reject(
        `${name} ไม่ใช่ตัวเลข (${JSON.stringify(part.slice(0, 20))})`,
        `The ${name} is not a number (${JSON.stringify(part.slice(0, 20))}).`,
      );
    const value = Number(part);
    if (value > MAX_ID)
      return reject(
        `${name} ใหญ่เกินกว่าจะเป็นรหัสจริง (${part.slice(0, 20)})`,
        `The ${name} is too large to be a real code (${part.slice(0, 20)}).`,
      );
    numbers.push(value);
  }
  return { ok: true, code: { orgId: numbers[0]!, officeId: numbers[1]!, provinceId: numbers[2] ?? null } };
}

export interface OrgCode {
  orgId: number;
  officeId: number;
  provinceId: number | null;
}
