/**
 * Decoding one token into header and payload.
 *
 * Decoding uses `jwt-decode`, but its errors ("invalid base64 for part #2") do not tell a
 * help-desk person what went wrong, so every failure is classified here first (RFC 7515 §7.1
 * compact form, RFC 7516 §7.1 for the 5-part JWE) and explained in Thai and English.
 * Nothing here checks a signature: only the DiwLoginChk service can say a token is genuine (manual §4).
 */
import { jwtDecode } from 'jwt-decode';
import { isIndustrySsoPayload } from './claims';
import { MAX_TOKEN_LENGTH, normaliseTokenText } from './find-tokens';
import type { Localized } from './finding';

type PartName = 'header' | 'payload';
const PART_LABEL: Record<PartName, Localized> = {
  header: { th: 'ส่วนหัว (header)', en: 'header' },
  payload: { th: 'ส่วนข้อมูล (payload)', en: 'payload' },
};

function fail(code: DecodeFailure['code'], message: Localized, part?: PartName): DecodeResult {
  return { ok: false, failure: part === undefined ? { code, message } : { code, part, message } };
}

/** Why a part is not base64url (RFC 4648 §5), in words, or null when it is. */
function base64urlProblem(part: string, name: PartName): Localized | null {
  const label = PART_LABEL[name];
  if (part === '') {
    return {
      th: `${label.th} ว่างเปล่า โทเค็นอาจถูกตัดหรือคัดลอกมาไม่ครบ`,
      en: `The ${label.en} is empty: the token may have been cut or copied incompletely.`,
    };
  }
  const illegal = [...new Set(part.replace(/[A-Za-z0-9_-]/g, ''))];
  if (illegal.length > 0) {
    const shown = illegal
      .slice(0, 8)
      .map((c) =>
        /^[\x21-\x7e]$/.test(c) ? `"${c}"` : `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`,
      )
      .join(' ');
    if (illegal.includes('%')) {
      return {
        th: `${label.th} มีอักขระ ${shown} ดูเหมือนยังเข้ารหัสแบบ URL (%xx) อยู่ ให้คัดลอกค่าที่ถอดรหัสแล้ว`,
        en: `The ${label.en} contains ${shown}: it looks still URL-encoded (%xx). Copy the decoded value.`,
      };
    }
    if (illegal.some((c) => c === '+' || c === '/' || c === '=')) {
      return {
        th: `${label.th} มีอักขระ ${shown} ซึ่งเป็น base64 แบบธรรมดา ไม่ใช่ base64url ที่ JWT ใช้ ระบบที่ออกหรือส่งต่อโทเค็นอาจแปลงรูปแบบผิด`,
        en: `The ${label.en} contains ${shown}, which belong to standard base64, not the base64url a JWT uses: whatever issued or passed on the token changed its encoding.`,
      };
    }
    return {
      th: `${label.th} มีอักขระที่ใช้ใน base64url ไม่ได้: ${shown} อาจมีข้อความอื่นปนมาตอนคัดลอก`,
      en: `The ${label.en} contains characters base64url does not allow: ${shown}. Other text may have been copied along with it.`,
    };
  }
  if (part.length % 4 === 1) {
    // No base64 text can have a length of 4n+1: one character cannot hold a whole byte.
    return {
      th: `${label.th} มีความยาวที่เป็นไปไม่ได้ (${part.length} ตัวอักษร) ดูเหมือนถูกตัด คัดลอกมาไม่ครบ`,
      en: `The ${label.en} has an impossible length (${part.length} characters): it looks truncated — the copy may have been cut.`,
    };
  }
  return null;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeJsonKind(value: unknown): Localized {
  if (Array.isArray(value)) return { th: 'อาร์เรย์ (array)', en: 'an array' };
  if (value === null) return { th: 'ค่า null', en: 'null' };
  if (typeof value === 'number') return { th: 'ตัวเลข', en: 'a number' };
  if (typeof value === 'string') return { th: 'ข้อความ (string)', en: 'a string' };
  if (typeof value === 'boolean') return { th: 'ค่าจริง/เท็จ', en: 'a boolean' };
  return { th: 'ค่าที่ไม่ใช่ออบเจกต์', en: 'not an object' };
}

/** Decodes one part with jwt-decode (header: part #1, payload: part #2) and checks it is an object. */
function decodePart(
  compact: string,
  name: PartName,
): { ok: true; value: Record<string, unknown> } | { ok: false; result: DecodeResult } {
  const label = PART_LABEL[name];
  let value: unknown;
  try {
    value = name === 'header' ? jwtDecode(compact, { header: true }) : jwtDecode(compact);
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    if (/invalid base64/i.test(text)) {
      return {
        ok: false,
        result: fail(
          'bad-base64url',
          { th: `ถอดรหัส base64url ของ${label.th}ไม่ได้`, en: `The ${label.en} is not valid base64url.` },
          name,
        ),
      };
    }
    return {
      ok: false,
      result: fail(
        'not-json',
        {
          th: `${label.th} ถอดรหัสได้ แต่ไม่ใช่ JSON ค่านี้อาจไม่ใช่ JWT หรือถูกแก้ไขระหว่างทาง`,
          en: `The ${label.en} decodes, but is not JSON: this may not be a JWT, or it was altered on the way.`,
        },
        name,
      ),
    };
  }
  if (!isPlainObject(value)) {
    const kind = describeJsonKind(value);
    return {
      ok: false,
      result: fail(
        'not-object',
        {
          th: `${label.th} เป็น JSON แต่เป็น${kind.th} ไม่ใช่ออบเจกต์ตามที่ JWT กำหนด (RFC 7519)`,
          en: `The ${label.en} is JSON, but ${kind.en}, not the object a JWT requires (RFC 7519).`,
        },
        name,
      ),
    };
  }
  return { ok: true, value };
}

/**
 * Decodes a compact token (tolerating `Bearer `, quotes and whitespace around or inside it).
 * Never throws; a failure says what is wrong in words a help-desk person can pass on.
 */
export function decodeToken(text: string): DecodeResult {
  if (typeof text !== 'string' || text.trim() === '') {
    return fail('empty', { th: 'ไม่มีโทเค็น: ข้อความว่างเปล่า', en: 'There is no token: the text is empty.' });
  }
  if (text.length > 4 * MAX_TOKEN_LENGTH) {
    return fail('too-large', {
      th: `ข้อความยาวเกินกว่าจะเป็นโทเค็น (เกิน ${MAX_TOKEN_LENGTH / 1024} KB)`,
      en: `The text is too long to be a token (over ${MAX_TOKEN_LENGTH / 1024} KB).`,
    });
  }
  const compact = normaliseTokenText(text);
  if (compact === '') {
    return fail('empty', {
      th: 'ไม่มีโทเค็น: มีแต่ช่องว่างหรือคำว่า Bearer',
      en: 'There is no token: only spaces or the word Bearer.',
    });
  }
  if (compact.length > MAX_TOKEN_LENGTH) {
    return fail('too-large', {
      th: `ข้อความยาว ${compact.length.toLocaleString('en-US')} ตัวอักษร เกินกว่าจะเป็นโทเค็น (สูงสุด ${MAX_TOKEN_LENGTH / 1024} KB)`,
      en: `The text is ${compact.length.toLocaleString('en-US')} characters long, too long to be a token (at most ${MAX_TOKEN_LENGTH / 1024} KB).`,
    });
  }
  const parts = compact.split('.');
  if (parts.length === 5) {
    return fail('encrypted-jwe', {
      th: 'นี่คือโทเค็นแบบเข้ารหัส (JWE มี 5 ส่วน) ซึ่งอ่านเนื้อหาไม่ได้หากไม่มีกุญแจ ไม่ได้แปลว่าโทเค็นเสีย แต่ไม่ใช่รูปแบบที่คู่มือ Industry SSO บรรยาย',
      en: 'This is an encrypted token (a JWE, 5 parts): its contents cannot be read without the key. It is not corrupt, but it is not the kind of token the Industry SSO manual describes.',
    });
  }
  if (parts.length !== 3) {
    const count = parts.length;
    const hint: Localized =
      count === 1
        ? { th: 'ไม่มีจุด (.) เลย จึงไม่ใช่ JWT', en: 'it has no dots at all, so it is not a JWT' }
        : count === 2
          ? { th: 'ส่วนลายเซ็นอาจหายไปหรือถูกตัด', en: 'the signature part may be missing or cut off' }
          : { th: 'อาจมีข้อความอื่นติดมาด้วย', en: 'other text may have been copied along with it' };
    return fail('wrong-part-count', {
      th: `JWT ต้องมี 3 ส่วนคั่นด้วยจุด แต่ข้อความนี้มี ${count} ส่วน: ${hint.th}`,
      en: `A JWT has 3 parts separated by dots, but this has ${count}: ${hint.en}.`,
    });
  }
  const [headerPart, payloadPart] = parts as [string, string, string];
  for (const [name, part] of [
    ['header', headerPart],
    ['payload', payloadPart],
  ] as const) {
    const problem = base64urlProblem(part, name);
    if (problem !== null) return fail('bad-base64url', problem, name);
  }
  const header = decodePart(compact, 'header');
  if (!header.ok) return header.result;
  const payload = decodePart(compact, 'payload');
  if (!payload.ok) return payload.result;
  return {
    ok: true,
    token: {
      compact,
      header: header.value,
      payload: payload.value,
      isIndustrySso: isIndustrySsoPayload(payload.value),
    },
  };
}

export type DecodeFailureCode =
  'empty' | 'too-large' | 'wrong-part-count' | 'encrypted-jwe' | 'bad-base64url' | 'not-json' | 'not-object';

export interface DecodeFailure {
  code: DecodeFailureCode;
  /** Which part failed, where that applies. */
  part?: 'header' | 'payload';
  message: Localized;
}

export interface DecodedToken {
  /** The compact token as read (whitespace and a leading `Bearer ` removed). */
  compact: string;
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  /** True when the payload carries the manual's claim set (see claims.ts). */
  isIndustrySso: boolean;
}

export type DecodeResult = { ok: true; token: DecodedToken } | { ok: false; failure: DecodeFailure };
