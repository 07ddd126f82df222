/**
 * Finding JWT-shaped values where the SSO leaves them (a callback URL's query or #fragment, a
 * POSTed form, pasted text), and decoding one into header and payload.
 *
 * Decoding uses `jwt-decode`, but its errors ("invalid base64 for part #2") do not tell a
 * help-desk person what went wrong, so every failure is classified here first (RFC 7515 §7.1
 * compact form, RFC 7516 §7.1 for the 5-part JWE) and explained in Thai and English.
 * Nothing here checks a signature: only the DiwLoginChk service can say a token is genuine (manual §4).
 */
import { jwtDecode } from 'jwt-decode';
import { isIndustrySsoPayload } from './claims';
import type { DecodeFailure, DecodeResult, Localized, TokenCandidate } from './types';

/** A token is a few hundred bytes; anything this large is not one, and is not worth parsing. */
export const MAX_TOKEN_LENGTH = 64 * 1024;

const BASE64URL_RUN = '[A-Za-z0-9_-]';
/**
 * How a token starts. A JOSE header is a JSON object (it names `alg`), so its first bytes are
 * `{"` or `{ `; in base64url that is `ey` and then I–L or A–D. Requiring that third letter too
 * keeps host names such as `eyes.example.com` (and `www.example.com`) in a `redirect=`
 * parameter from counting as tokens: a host name is written in lower case.
 */
const JOSE_START = 'ey[A-DI-L]';
/**
 * JWT-shaped: three dot-separated base64url runs (JWS, RFC 7515) or five (JWE, RFC 7516), the
 * first starting as a JOSE header does (above). The signature may be empty (`alg: none`).
 * Every pattern here is anchored or starts only where a run of token characters starts, and its
 * runs are separated by dots they cannot match, so matching is linear in the text's length.
 */
const JWS_SHAPE = new RegExp(`^${JOSE_START}${BASE64URL_RUN}*\\.${BASE64URL_RUN}+\\.${BASE64URL_RUN}*$`);
const JWE_SHAPE = new RegExp(`^${JOSE_START}${BASE64URL_RUN}*\\.${BASE64URL_RUN}*\\.${BASE64URL_RUN}+\\.${BASE64URL_RUN}+\\.${BASE64URL_RUN}*$`);
/**
 * The same shapes, found inside longer text (not preceded or followed by more token characters).
 * The look-behind lets a match start only at the first character of a run of token characters,
 * so each run is tried once: no quadratic rescanning of a long run of letters or dots.
 */
const TOKEN_IN_TEXT = new RegExp(
  `(?<![A-Za-z0-9_.-])${JOSE_START}${BASE64URL_RUN}*(?:\\.${BASE64URL_RUN}*){2}(?:(?:\\.${BASE64URL_RUN}*){2})?(?![A-Za-z0-9_.-])`,
  'g',
);

export function isJwtShaped(value: string): boolean {
  return value.length <= MAX_TOKEN_LENGTH && (JWS_SHAPE.test(value) || JWE_SHAPE.test(value));
}

/** `decodeURIComponent` that never throws: a malformed escape leaves the text as it was. */
function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Splits `a=b&c=d` (query or fragment) into decoded pairs; `+` is a space (HTML form encoding). */
function parseParameters(text: string): Array<[name: string, value: string]> {
  if (text === '') return [];
  return text.split('&').flatMap((pair): Array<[string, string]> => {
    if (pair === '') return [];
    const equals = pair.indexOf('=');
    const name = equals < 0 ? pair : pair.slice(0, equals);
    const value = equals < 0 ? '' : pair.slice(equals + 1);
    return [[safeDecode(name.replace(/\+/g, ' ')), safeDecode(value.replace(/\+/g, ' '))]];
  });
}

/** The query (without `?`) and fragment (without `#`) of a URL, also of one `new URL` rejects. */
function splitUrl(url: string): { beforeQuery: string; query: string | null; fragment: string | null } {
  const hashAt = url.indexOf('#');
  const fragment = hashAt < 0 ? null : url.slice(hashAt + 1);
  const withoutFragment = hashAt < 0 ? url : url.slice(0, hashAt);
  const questionAt = withoutFragment.indexOf('?');
  return {
    beforeQuery: questionAt < 0 ? withoutFragment : withoutFragment.slice(0, questionAt),
    query: questionAt < 0 ? null : withoutFragment.slice(questionAt + 1),
    fragment,
  };
}

/**
 * The parameter lists a fragment can hold. Besides `#a=b&c=d` (OAuth implicit style) and a
 * bare `#<token>`, single-page apps route in the fragment (`#/callback?token=…`).
 */
function fragmentParameters(fragment: string): Array<[string, string]> {
  const routeQueryAt = fragment.indexOf('?');
  if (routeQueryAt >= 0) return [...parseParameters(fragment.slice(0, routeQueryAt)), ...parseParameters(fragment.slice(routeQueryAt + 1))];
  return parseParameters(fragment);
}

/**
 * A list of candidates without duplicates. The set of keys keeps a URL with thousands of token
 * parameters linear (a search of the list for each new one would be quadratic).
 */
function candidateList(): { found: TokenCandidate[]; add: (candidate: TokenCandidate) => void } {
  const found: TokenCandidate[] = [];
  const seen = new Set<string>();
  return {
    found,
    add(candidate) {
      const key = `${candidate.location}\u0000${candidate.parameter ?? '\u0001'}\u0000${candidate.value}`;
      if (seen.has(key)) return;
      seen.add(key);
      found.push(candidate);
    },
  };
}

/** Every JWT-shaped value in a URL's query and #fragment, whatever its parameter is called. */
export function findTokensInUrl(url: string): TokenCandidate[] {
  if (typeof url !== 'string') return [];
  const { found, add: addCandidate } = candidateList();
  const { query, fragment } = splitUrl(url);
  for (const [name, value] of parseParameters(query ?? '')) {
    const trimmed = value.trim();
    if (isJwtShaped(trimmed)) addCandidate({ location: 'query', parameter: name, value: trimmed });
  }
  if (fragment !== null) {
    const bare = safeDecode(fragment).trim();
    if (isJwtShaped(bare)) {
      addCandidate({ location: 'fragment', parameter: null, value: bare });
    } else {
      for (const [name, value] of fragmentParameters(fragment)) {
        const trimmed = value.trim();
        if (isJwtShaped(trimmed)) addCandidate({ location: 'fragment', parameter: name, value: trimmed });
      }
    }
  }
  return found;
}

/** Every JWT-shaped value in a POSTed form (`webRequest` gives `formData` as name → values). */
export function findTokensInForm(fields: Record<string, string[]>): TokenCandidate[] {
  const { found, add: addCandidate } = candidateList();
  if (fields === null || typeof fields !== 'object') return found;
  for (const [name, values] of Object.entries(fields)) {
    if (!Array.isArray(values)) continue;
    for (const value of values) {
      if (typeof value !== 'string') continue;
      const trimmed = value.trim();
      if (isJwtShaped(trimmed)) addCandidate({ location: 'form', parameter: name, value: trimmed });
    }
  }
  return found;
}

/** Quotes and brackets pasted around a token, from JSON, code, or chat apps that "smarten" them. */
const LEADING_JUNK = '"\'`“”‘’<';
const TRAILING_JUNK = '"\'`“”‘’>,;';

/**
 * What people paste: `Bearer eyJ…`, the token in quotes, or a token an e-mail client broke over
 * several lines. Returns the token with all of that removed, or the text trimmed if it is not.
 */
export function normaliseTokenText(text: string): string {
  let value = text.trim();
  value = value.replace(/^bearer(?:\s+|$)/i, '').trim();
  // Trimmed with loops: V8 tries an end-anchored class like /[,;]+$/ from every start, which is
  // quadratic on a long run of commas.
  let start = 0;
  while (start < value.length && LEADING_JUNK.includes(value[start]!)) start += 1;
  let end = value.length;
  while (end > start && TRAILING_JUNK.includes(value[end - 1]!)) end -= 1;
  return value.slice(start, end).replace(/\s+/g, '');
}

/**
 * The token in pasted or posted text: the whole text once `Bearer`, quotes and whitespace are
 * removed, else the first JWT-shaped run inside it (e.g. a JSON body `{"token":"eyJ…"}`).
 */
export function findTokenInText(text: string): TokenCandidate | null {
  if (typeof text !== 'string') return null;
  // Text far larger than a token is scanned only in its first part: a request body can be huge.
  const sample = text.length > 4 * MAX_TOKEN_LENGTH ? text.slice(0, 4 * MAX_TOKEN_LENGTH) : text;
  const whole = normaliseTokenText(sample);
  if (isJwtShaped(whole)) return { location: 'text', parameter: null, value: whole };
  for (const source of [sample, sample.replace(/\s+/g, '')]) {
    for (const match of source.matchAll(TOKEN_IN_TEXT)) {
      if (isJwtShaped(match[0])) return { location: 'text', parameter: null, value: match[0] };
    }
  }
  return null;
}

const TOKEN_PLACEHOLDER = '[token]';

function stripParameterList(text: string): string {
  if (text === '') return text;
  return text
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      if (equals < 0) return isJwtShaped(safeDecode(pair).trim()) ? TOKEN_PLACEHOLDER : pair;
      const value = safeDecode(pair.slice(equals + 1).replace(/\+/g, ' ')).trim();
      return isJwtShaped(value) ? `${pair.slice(0, equals)}=${TOKEN_PLACEHOLDER}` : pair;
    })
    .join('&');
}

function stripFragment(fragment: string): string {
  if (isJwtShaped(safeDecode(fragment).trim())) return TOKEN_PLACEHOLDER;
  const routeQueryAt = fragment.indexOf('?');
  if (routeQueryAt >= 0) return `${stripParameterList(fragment.slice(0, routeQueryAt))}?${stripParameterList(fragment.slice(routeQueryAt + 1))}`;
  return stripParameterList(fragment);
}

/**
 * Every JWT-shaped run in `text` replaced by `replacement`: the one definition of a token inside
 * text, shared by the URL stripper here and by the redactor. Linear (see TOKEN_IN_TEXT).
 */
export function replaceJwtRuns(text: string, replacement: string = TOKEN_PLACEHOLDER): string {
  return text.replace(TOKEN_IN_TEXT, () => replacement);
}

/** Anything JWT-shaped left anywhere (a path segment, a mangled query) goes too. */
function stripTokenRuns(text: string): string {
  return replaceJwtRuns(text);
}

/**
 * The URL with every token taken out, safe to keep and to paste into a ticket. `path` is the
 * path alone (no query: other parameters may be personal too); `display` is the whole URL with
 * each JWT-shaped value replaced by `[token]`. A URL that cannot be parsed gives an empty origin.
 */
export function stripTokensFromUrl(url: string): { origin: string; path: string; display: string } {
  if (typeof url !== 'string') return { origin: '', path: '', display: '' };
  const { beforeQuery, query, fragment } = splitUrl(url);
  const tail = `${query === null ? '' : `?${stripParameterList(query)}`}${fragment === null ? '' : `#${stripFragment(fragment)}`}`;
  let parsed: URL | null = null;
  try {
    parsed = new URL(url);
  } catch {
    parsed = null;
  }
  // `new URL` accepts e.g. `foo:bar` but gives it the opaque origin "null": no origin to show.
  if (parsed === null || parsed.origin === 'null') {
    return { origin: '', path: stripTokenRuns(beforeQuery), display: stripTokenRuns(`${beforeQuery}${tail}`) };
  }
  const path = stripTokenRuns(parsed.pathname);
  return { origin: parsed.origin, path, display: stripTokenRuns(`${parsed.origin}${path}${tail}`) };
}

// ---------------------------------------------------------------------------------------------
// Decoding

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
    return { th: `${label.th} ว่างเปล่า โทเค็นอาจถูกตัดหรือคัดลอกมาไม่ครบ`, en: `The ${label.en} is empty: the token may have been cut or copied incompletely.` };
  }
  const illegal = [...new Set(part.replace(/[A-Za-z0-9_-]/g, ''))];
  if (illegal.length > 0) {
    const shown = illegal
      .slice(0, 8)
      .map((c) => (/^[\x21-\x7e]$/.test(c) ? `"${c}"` : `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`))
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
function decodePart(compact: string, name: PartName): { ok: true; value: Record<string, unknown> } | { ok: false; result: DecodeResult } {
  const label = PART_LABEL[name];
  let value: unknown;
  try {
    value = name === 'header' ? jwtDecode(compact, { header: true }) : jwtDecode(compact);
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    if (/invalid base64/i.test(text)) {
      return { ok: false, result: fail('bad-base64url', { th: `ถอดรหัส base64url ของ${label.th}ไม่ได้`, en: `The ${label.en} is not valid base64url.` }, name) };
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
    return fail('empty', { th: 'ไม่มีโทเค็น: มีแต่ช่องว่างหรือคำว่า Bearer', en: 'There is no token: only spaces or the word Bearer.' });
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
    token: { compact, header: header.value, payload: payload.value, isIndustrySso: isIndustrySsoPayload(payload.value) },
  };
}
