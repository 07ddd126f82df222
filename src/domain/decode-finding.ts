/**
 * What to tell a person about a text that does not decode as a token: for a stored token (the
 * reading) and for pasted text alike. Its own module, so that the popup can load it for a paste
 * without the rest of the token reader.
 */
import type { DecodeFailure, DecodeFailureCode } from './decode-token';
import type { Finding, Localized } from './finding';

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
