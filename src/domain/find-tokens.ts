/**
 * Finding JWT-shaped values where the SSO leaves them (a callback URL's query or #fragment, a
 * POSTed form, pasted text), and taking them out of a URL that is kept. The one definition of
 * what a token looks like, and the URL scanner, are in find-tokens-in-url.ts (the capture script
 * imports that alone); they are re-exported here, so the rest of the extension has one door.
 * Nothing here decodes or checks a token.
 */
import { MAX_TOKEN_LENGTH, candidateList, isJwtShaped } from './find-tokens-in-url';
import type { TokenCandidate } from './find-tokens-in-url';
import { safeDecode, splitUrl } from './url';

export { MAX_TOKEN_LENGTH, findTokensInUrl, isJwtShaped } from './find-tokens-in-url';
export type { TokenCandidate } from './find-tokens-in-url';

const BASE64URL_RUN = '[A-Za-z0-9_-]';
/** How a JOSE header starts in base64url (see startsAsJoseHeader in find-tokens-in-url.ts). */
const JOSE_START = 'ey[A-DI-L]';
/**
 * Runs that look like tokens, found inside longer text (not preceded or followed by more token
 * characters). Looser than isJwtShaped (any run may be empty): findTokenInText checks each match
 * with it, and the redactor rather takes out a little more than less.
 * The look-behind lets a match start only at the first character of a run of token characters,
 * so each run is tried once: no quadratic rescanning of a long run of letters or dots.
 */
const TOKEN_IN_TEXT = new RegExp(
  `(?<![A-Za-z0-9_.-])${JOSE_START}${BASE64URL_RUN}*(?:\\.${BASE64URL_RUN}*){2}(?:(?:\\.${BASE64URL_RUN}*){2})?(?![A-Za-z0-9_.-])`,
  'g',
);

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
  if (routeQueryAt >= 0)
    return `${stripParameterList(fragment.slice(0, routeQueryAt))}?${stripParameterList(fragment.slice(routeQueryAt + 1))}`;
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
  let parsed: URL | null;
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
