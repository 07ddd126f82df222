/**
 * What a token looks like (JWS, RFC 7515 §7.1, or JWE, RFC 7516 §7.1), and finding such values
 * in a URL's query and #fragment. The capture script runs this on every capture-site page, so it
 * stands alone: it imports only the URL splitting of url.ts, builds nothing at load, and never
 * decodes (the background decodes what is reported, and drops what does
 * not decode). The rest of the token finding (forms, pasted text, stripping) is find-tokens.ts.
 */
import { parseParameters, safeDecode, splitUrl } from './url';

/** Where in a URL, form or text a JWT-shaped value was found. */
export interface TokenCandidate {
  /** `query`, `fragment`, `form` or `text`. */
  location: 'query' | 'fragment' | 'form' | 'text';
  /** The parameter or field name; null for pasted text. */
  parameter: string | null;
  value: string;
}

/** A token is a few hundred bytes; anything this large is not one, and is not worth parsing. */
export const MAX_TOKEN_LENGTH = 64 * 1024;

/** `-`, `_`, a digit or an ASCII letter: the alphabet of base64url (RFC 4648 §5). */
function isBase64urlCode(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) || // a–z
    (code >= 0x41 && code <= 0x5a) || // A–Z
    (code >= 0x30 && code <= 0x39) || // 0–9
    code === 0x2d || // -
    code === 0x5f // _
  );
}

/**
 * How a token starts. A JOSE header is a JSON object (it names `alg`), so its first bytes are
 * `{"` or `{ `; in base64url that is `ey` and then I–L or A–D. Requiring that third letter too
 * keeps host names such as `eyes.example.com` (and `www.example.com`) in a `redirect=`
 * parameter from counting as tokens: a host name is written in lower case.
 */
function startsAsJoseHeader(value: string, at = 0): boolean {
  const third = value.charCodeAt(at + 2);
  return (
    value.charCodeAt(at) === 0x65 && // e
    value.charCodeAt(at + 1) === 0x79 && // y
    ((third >= 0x41 && third <= 0x44) || (third >= 0x49 && third <= 0x4c)) // A–D, I–L
  );
}

/**
 * Whether a URL can hold a token at all, before any splitting or decoding. A value is decoded
 * (`%XX`, and `+` as a space) and trimmed before it is tested, so a token in the URL either shows
 * its start as it is, or the URL holds a `%`. Most pages of a capture site carry no token, and
 * the capture script then stops here, in one pass of `indexOf`.
 */
export function mayHoldToken(url: string): boolean {
  if (url.includes('%')) return true;
  for (let at = url.indexOf('ey'); at >= 0; at = url.indexOf('ey', at + 1))
    if (startsAsJoseHeader(url, at)) return true;
  return false;
}

/**
 * JWT-shaped: base64url runs separated by dots, starting as a JOSE header does (above). Three
 * runs are a JWS (RFC 7515 §7.1: header.payload.signature), the payload not empty, the signature
 * possibly so (`alg: none`); five are a JWE (RFC 7516 §7.1: header.key.iv.ciphertext.tag), the
 * IV and the ciphertext not empty. One pass over the characters, and none over a value longer
 * than a token can be. A loop rather than a regular expression: the capture script runs this
 * once per page load, cold, and there compiling the patterns cost more than this loop does.
 */
export function isJwtShaped(value: string): boolean {
  if (value.length > MAX_TOKEN_LENGTH || !startsAsJoseHeader(value)) return false;
  // Where the dots are: the runs between some of them must not be empty.
  const dotAt: number[] = [];
  for (let at = 0; at < value.length; at += 1) {
    const code = value.charCodeAt(at);
    if (code === 0x2e) {
      if (dotAt.push(at) > 4) return false;
    } else if (!isBase64urlCode(code)) {
      return false;
    }
  }
  const runAfterDotIsEmpty = (dot: number) => dotAt[dot + 1]! - dotAt[dot]! === 1;
  if (dotAt.length === 2) return !runAfterDotIsEmpty(0);
  return dotAt.length === 4 && !runAfterDotIsEmpty(1) && !runAfterDotIsEmpty(2);
}

/**
 * A list of candidates without duplicates. The set of keys keeps a URL with thousands of token
 * parameters linear (a search of the list for each new one would be quadratic).
 */
export function candidateList(): { found: TokenCandidate[]; add: (candidate: TokenCandidate) => void } {
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
 * Every JWT-shaped value in a URL's query and #fragment, whatever its parameter is called.
 * Linear in the URL's length: one split, one decoding of each parameter, anchored patterns
 * tried only on values no longer than a token can be.
 */
export function findTokensInUrl(url: string): TokenCandidate[] {
  if (typeof url !== 'string' || !mayHoldToken(url)) return [];
  const { query, fragment } = splitUrl(url);
  // Most pages of a capture site have neither, and then there is nothing to set up.
  if (query === null && fragment === null) return [];
  const { found, add: addCandidate } = candidateList();
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

/**
 * The JWT-shaped values in a URL's #fragment alone: the one part of an address that never
 * travels in a request, so that no webRequest observer sees it.
 */
export function findTokensInFragment(url: string): TokenCandidate[] {
  const hashAt = typeof url === 'string' ? url.indexOf('#') : -1;
  return hashAt < 0 ? [] : findTokensInUrl(url.slice(hashAt));
}
