/**
 * The Thai national ID number in the `idcard` claim (manual, claim table row 3): masked for
 * display, and its check digit verified. It is personal data: no message here ever contains it.
 *
 * The check digit (the 13th) is the standard mod-11 scheme of the Department of Provincial
 * Administration: sum d[i] × (13 − i) over the first 12 digits, check = (11 − sum mod 11) mod 10.
 */
import type { Finding } from './finding';

/** True when `digits` is exactly 13 digits and the last is the right check digit. */
export function isValidThaiIdChecksum(digits: string): boolean {
  if (typeof digits !== 'string' || !/^\d{13}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 12; i += 1) sum += Number(digits[i]) * (13 - i);
  return (11 - (sum % 11)) % 10 === Number(digits[12]);
}

/**
 * What separates the groups of an ID number as people and systems write it: a space, a dot, a
 * dash (also the typographic ones), an underscore, a slash, a `+` (a space in form encoding),
 * and the same percent-encoded (`%20`, `%2D`, `%2E`, `%5F`, `%2F`, `%2B`) in a URL.
 */
const SEPARATOR_CODES = new Set([
  0x20, 0x09, 0xa0, 0x2e, 0x2d, 0x5f, 0x2f, 0x2b, 0x2010, 0x2011, 0x2012, 0x2013, 0x2212,
]);
const ENCODED_SEPARATORS = new Set(['20', '2D', '2E', '5F', '2F', '2B']);
/** At most this many separators between two digits (`1 - 1017`), so prose does not join numbers. */
const MAX_SEPARATORS_BETWEEN_DIGITS = 3;
/** Digits in an ID number's run at which it is masked: 13, or a longer run that may hide one. */
export const ID_DIGITS = 13;

/** The digit's value, ASCII 0-9 or Thai ๐-๙ (U+0E50..U+0E59); -1 for any other character. */
function digitValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x0e50 && code <= 0x0e59) return code - 0x0e50;
  return -1;
}

/** How long the separator at `at` is (0: none). */
function separatorLength(text: string, at: number): number {
  const code = text.charCodeAt(at);
  if (SEPARATOR_CODES.has(code)) return 1;
  if (code === 0x25 && at + 2 < text.length && ENCODED_SEPARATORS.has(text.slice(at + 1, at + 3).toUpperCase()))
    return 3;
  return 0;
}

/**
 * Calls `visit` for every run of digits joined by separators (the rule above), in order, with
 * its start, end, its digits in ASCII, and its digits as written (`literal`, below). One pass:
 * each character is looked at a bounded number of times, whatever the text.
 *
 * `%20` is ambiguous: URL-decoded it is a space between groups, read as is its `2` and `0` are
 * digits. In `5%2092719082593` the digits after the `%` are an ID number written whole, and the
 * separator reading alone sees only `5` and `92719082593`. So `literal` keeps the digits of each
 * escape the run was joined across (`52092719082593`), and a run holds an ID when either reading
 * does. Every digit written next to another is in the same run, so no reading is missed.
 */
function forEachDigitRun(
  text: string,
  visit: (start: number, end: number, digits: string, literal: string) => void,
): void {
  let at = 0;
  while (at < text.length) {
    if (digitValue(text.charCodeAt(at)) < 0) {
      at += 1;
      continue;
    }
    const start = at;
    let digits = '';
    let literal = '';
    let end: number;
    for (;;) {
      while (at < text.length) {
        const digit = digitValue(text.charCodeAt(at));
        if (digit < 0) break;
        digits += String(digit);
        literal += String(digit);
        at += 1;
      }
      end = at;
      let next = at;
      let separators = 0;
      let escaped = '';
      while (separators < MAX_SEPARATORS_BETWEEN_DIGITS && next < text.length) {
        const length = separatorLength(text, next);
        if (length === 0) break;
        // An escape written in digits alone (the `20` of `%20`) is two digits as written.
        if (length === 3 && /^[0-9]{2}$/.test(text.slice(next + 1, next + 3)))
          escaped += text.slice(next + 1, next + 3);
        next += length;
        separators += 1;
      }
      if (separators === 0 || next >= text.length || digitValue(text.charCodeAt(next)) < 0) break;
      literal += escaped;
      at = next;
    }
    visit(start, end, digits, literal);
    at = end;
  }
}

/**
 * Every run of digits in `text` that holds an ID number replaced by `mask(digits)`: a run of 13
 * digits or more, written with any of the separators above or none, in ASCII or Thai digits.
 * Longer runs are masked whole: a 13-digit ID with a digit typed beside it is still the ID.
 */
export function maskIdNumbersInText(
  text: string,
  mask: (digits: string) => string = maskIdCard,
  shouldMask: (digits: string) => boolean = (digits) => digits.length >= ID_DIGITS,
): string {
  if (typeof text !== 'string') return text;
  const parts: string[] = [];
  let copied = 0;
  forEachDigitRun(text, (start, end, digits, literal) => {
    // Either reading of the run (see forEachDigitRun) may be the one that holds the ID.
    const held = shouldMask(digits) ? digits : literal !== digits && shouldMask(literal) ? literal : null;
    if (held === null) return;
    parts.push(text.slice(copied, start), mask(held));
    copied = end;
  });
  if (copied === 0) return text;
  parts.push(text.slice(copied));
  return parts.join('');
}

/** The digits (in ASCII) of each run of digits in `text`, by the separator rule above. */
export function digitRunsIn(text: string): string[] {
  const runs: string[] = [];
  if (typeof text === 'string') forEachDigitRun(text, (_start, _end, digits) => runs.push(digits));
  return runs;
}

/** A string that is a national ID number and nothing else: 13 digits, grouped by the rule above. */
export function looksLikeIdNumber(text: string): boolean {
  if (typeof text !== 'string') return false;
  const trimmed = text.trim();
  let whole = false;
  let runs = 0;
  forEachDigitRun(trimmed, (start, end, digits) => {
    runs += 1;
    whole = start === 0 && end === trimmed.length && digits.length === ID_DIGITS;
  });
  return runs === 1 && whole;
}

/** The ID's digits in ASCII once the separators people type (1-2345-67890-12-3, Thai digits) are gone. */
function cleanIdText(value: unknown): string | null {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  if (typeof value !== 'string') return null;
  let cleaned = '';
  for (let at = 0; at < value.length; at += 1) {
    const code = value.charCodeAt(at);
    const digit = digitValue(code);
    if (digit >= 0) cleaned += String(digit);
    else if (SEPARATOR_CODES.has(code) || code === 0x0a || code === 0x0d) continue;
    else cleaned += value[at];
  }
  return cleaned;
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
  if (/^\d+$/.test(cleaned) && cleaned.length >= 10)
    return `${'x'.repeat(length - SHOWN_DIGITS)}${cleaned.slice(-SHOWN_DIGITS)}`;
  return 'x'.repeat(length);
}

function describeShape(value: unknown, cleaned: string | null): { th: string; en: string } {
  if (value === undefined) return { th: 'ไม่มีค่า', en: 'it is missing' };
  if (cleaned === null)
    return {
      th: `เป็นชนิด ${value === null ? 'null' : typeof value} ไม่ใช่ข้อความ`,
      en: `it is ${value === null ? 'null' : `a ${typeof value}`}, not a string`,
    };
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
      title: {
        th: 'เลขตรวจสอบ (หลักที่ 13) ของเลขประจำตัวประชาชนไม่ถูกต้อง',
        en: "The national ID's check digit (13th) is wrong",
      },
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

export interface IdCardCheck {
  /** Safe to show: e.g. `x-xxxx-xxxxx-12-3`. */
  masked: string;
  /** Exactly 13 digits after removing spaces and dashes. */
  wellFormed: boolean;
  /** The Thai check digit (mod 11) is right. False when not well formed. */
  checksumValid: boolean;
  findings: Finding[];
}
