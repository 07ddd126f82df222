/**
 * Finding JWT-shaped values where the SSO leaves them (a callback URL's query or #fragment, a
 * POSTed form, pasted text), and taking them out of a URL that is kept. This is the one
 * definition of what a token looks like (JWS, RFC 7515 §7.1, or JWE, RFC 7516 §7.1), shared by
 * the capture, the decoder and the redactor. Nothing here decodes or checks a token.
 */
import { parseParameters, safeDecode, splitUrl } from './url';

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
const JWE_SHAPE = new RegExp(
  `^${JOSE_START}${BASE64URL_RUN}*\\.${BASE64URL_RUN}*\\.${BASE64URL_RUN}+\\.${BASE64URL_RUN}+\\.${BASE64URL_RUN}*$`,
);
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

/**
 * The parameter lists a fragment can hold. Besides `#a=b&c=d` (OAuth implicit style) and a
 * bare `#<token>`, single-page apps route in the fragment (`#/callback?token=…`).
 */
function fragmentParameters(fragment: string): Array<[string, string]> {
  const routeQueryAt = fragment.indexOf('?');
  if (routeQueryAt >= 0)
    return [...parseParameters(fragment.slice(0, routeQueryAt)), ...parseParameters(fragment.slice(routeQueryAt + 1))];
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

/** Where in a URL, form or text a JWT-shaped value was found. */
export interface TokenCandidate {
  /** `query`, `fragment`, `form` or `text`. */
  location: 'query' | 'fragment' | 'form' | 'text';
  /** The parameter or field name; null for pasted text. */
  parameter: string | null;
  value: string;
}
