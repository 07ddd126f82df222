/**
 * The Thai national ID number in the `idcard` claim (manual, claim table row 3): masked for
 * display, and its check digit verified. It is personal data: no message here ever contains it.
 *
 * The check digit (the 13th) is the standard mod-11 scheme of the Department of Provincial
 * Administration: sum d[i] × (13 − i) over the first 12 digits, check = (11 − sum mod 11) mod 10.
 */
import type { Finding, IdCardCheck } from './types';

/** True when `digits` is exactly 13 digits and the last is the right check digit. */
export function isValidThaiIdChecksum(digits: string): boolean {
  if (typeof digits !== 'string' || !/^\d{13}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 12; i += 1) sum += Number(digits[i]) * (13 - i);
  return (11 - (sum % 11)) % 10 === Number(digits[12]);
}

/** Spaces, dashes and dots people type between the groups (1-2345-67890-12-3). */
function cleanIdText(value: unknown): string | null {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  if (typeof value !== 'string') return null;
  return value.replace(/[\s.\-]/g, '');
}

/** How many digits are shown: the last three, as on a masked ID card print-out. */
const SHOWN_DIGITS = 3;

/**
 * The ID with all but its last three digits hidden, in the usual grouping: `x-xxxx-xxxxx-12-3`.
 * A value that is not 13 digits shows its last three digits only when it has at least ten
 * (fewer would reveal too large a share); anything else is all `x`. Never throws.
 */
export function maskIdCard(value: unknown): string {
  const cleaned = cleanIdText(value);
  if (cleaned === null || cleaned === '') return '—';
  if (/^\d{13}$/.test(cleaned)) return `x-xxxx-xxxxx-${cleaned.slice(10, 12)}-${cleaned.slice(12)}`;
  const length = Math.min(cleaned.length, 13);
  if (/^\d+$/.test(cleaned) && cleaned.length >= 10) return `${'x'.repeat(length - SHOWN_DIGITS)}${cleaned.slice(-SHOWN_DIGITS)}`;
  return 'x'.repeat(length);
}

function describeShape(value: unknown, cleaned: string | null): { th: string; en: string } {
  if (value === undefined) return { th: 'ไม่มีค่า', en: 'it is missing' };
  if (cleaned === null) return { th: `เป็นชนิด ${value === null ? 'null' : typeof value} ไม่ใช่ข้อความ`, en: `it is ${value === null ? 'null' : `a ${typeof value}`}, not a string` };
  const digits = cleaned.replace(/\D/g, '').length;
  const others = cleaned.length - digits;
  return {
    th: `มีตัวเลข ${digits} หลัก${others > 0 ? ` และอักขระอื่น ${others} ตัว` : ''}`,
    en: `it has ${digits} digit${digits === 1 ? '' : 's'}${others > 0 ? ` and ${others} other character${others === 1 ? '' : 's'}` : ''}`,
  };
}

/** Masks the value and checks its form and check digit; findings never show the number. */
export function checkIdCard(value: unknown): IdCardCheck {
  const cleaned = cleanIdText(value);
  const masked = maskIdCard(value);
  const wellFormed = cleaned !== null && /^\d{13}$/.test(cleaned);
  const checksumValid = wellFormed && isValidThaiIdChecksum(cleaned);
  const findings: Finding[] = [];
  if (!wellFormed) {
    const shape = describeShape(value, cleaned);
    findings.push({
      code: 'idcard-malformed',
      severity: 'warning',
      title: { th: 'เลขประจำตัวประชาชนในโทเค็นไม่ใช่ตัวเลข 13 หลัก', en: 'The national ID in the token is not 13 digits' },
      detail: { th: `ค่า idcard ${shape.th}`, en: `The idcard claim is malformed: ${shape.en}.` },
      nextStep: {
        th: 'ให้ผู้ดูแลระบบบัญชีผู้ใช้ตรวจเลขประจำตัวประชาชนของผู้ใช้นี้ในระบบ ระบบงานที่ใช้เลขนี้จับคู่ผู้ใช้จะหาไม่พบ',
        en: "Ask the user-directory administrators to check this user's ID number: applications that match users by it will not find them.",
      },
    });
  } else if (!checksumValid) {
    findings.push({
      code: 'idcard-bad-checksum',
      severity: 'warning',
      title: { th: 'เลขตรวจสอบ (หลักที่ 13) ของเลขประจำตัวประชาชนไม่ถูกต้อง', en: "The national ID's check digit (13th) is wrong" },
      detail: {
        th: `เลข ${masked} มี 13 หลัก แต่หลักสุดท้ายไม่ตรงกับที่คำนวณได้ อาจพิมพ์ผิดในระบบบัญชีผู้ใช้ หรือเป็นบัญชีทดสอบ`,
        en: `${masked} has 13 digits, but its last digit does not match the computed check digit: a typing error in the user directory, or a test account.`,
      },
      nextStep: {
        th: 'ให้ผู้ใช้เทียบเลขกับบัตรประชาชน แล้วแจ้งผู้ดูแลระบบบัญชีผู้ใช้ให้แก้ไข',
        en: 'Ask the user to compare it with their ID card, and have the user-directory administrators correct it.',
      },
    });
  }
  if (typeof value === 'number') {
    findings.push({
      code: 'idcard-not-string',
      severity: 'info',
      title: { th: 'เลขประจำตัวประชาชนเป็นตัวเลข ไม่ใช่ข้อความ', en: 'The national ID is a JSON number, not a string' },
      detail: {
        th: 'ค่า idcard ถูกส่งเป็นตัวเลข ระบบงานที่คาดว่าเป็นข้อความอาจอ่านผิด',
        en: 'The idcard claim is a number; applications that expect a string may misread it.',
      },
      nextStep: {
        th: 'แจ้งผู้ดูแลระบบ SSO หากระบบงานอ่านค่านี้ไม่ได้',
        en: 'Tell the SSO administrators if an application cannot read it.',
      },
    });
  }
  return { masked, wellFormed, checksumValid, findings };
}

/** A string that is a national ID number: 13 digits, perhaps grouped with spaces or dashes. */
function looksLikeIdNumber(text: string): boolean {
  return /^[\d\s-]+$/.test(text) && /^\d{13}$/.test(text.replace(/[\s-]/g, ''));
}

const MAX_MASK_DEPTH = 20;

/**
 * A copy of a claim value fit to show or report: any string that is a 13-digit number is masked
 * wherever it sits, since an ID can hide in an unknown claim too. Numbers stay: 13-digit
 * numbers in tokens are usually millisecond times.
 */
export function maskIdNumbersIn(value: unknown, depth = 0): unknown {
  if (depth > MAX_MASK_DEPTH) return '[…]';
  if (typeof value === 'string') return looksLikeIdNumber(value) ? maskIdCard(value) : value;
  if (Array.isArray(value)) return value.map((item) => maskIdNumbersIn(item, depth + 1));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, maskIdNumbersIn(item, depth + 1)]));
  }
  return value;
}

/** A payload with `idcard` masked whatever its form, and any ID number elsewhere masked too. */
export function maskIdNumbersInPayload(payload: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(payload).map(([key, value]) => [key, key === 'idcard' ? maskIdCard(value) : maskIdNumbersIn(value)]));
}
