/**
 * Observe-only webRequest capture, for the callbacks a content script never sees because no
 * page renders: a callback that answers 302 at once, a token carried only in a redirect's
 * Location (fragment included), and a `form_post` response mode. Nothing is blocked or changed.
 *
 * The listeners are pure functions of the event details, so they are tested without a browser;
 * listeners.ts registers them, called from the top level of the worker (index.ts).
 */
import { findTokenInText, findTokensInForm, findTokensInUrl } from '../domain/find-tokens';
import type { TokenCandidate } from '../domain/find-tokens';
import type { Sighting } from './capture-intake';

/** The details fields we read; both browsers supply these. */
export interface RequestDetails {
  tabId: number;
  url: string;
  method?: string;
  requestBody?: {
    formData?: Record<string, string[]>;
    raw?: Array<{ bytes?: ArrayBuffer }>;
    error?: string;
  } | null;
}

export interface RedirectDetails {
  tabId: number;
  url: string;
  redirectUrl: string;
}

/** Form bodies bigger than this are not callbacks; we do not decode megabytes of upload. */
const MAX_RAW_BODY_BYTES = 256 * 1024;

/**
 * Chrome parses only url-encoded and multipart bodies into `formData`, and gives `raw` bytes for
 * everything else (and for some bodies it cannot parse). Read raw bytes as url-encoded text,
 * and as a bare token if that finds nothing.
 */
function candidatesFromRawBody(raw: Array<{ bytes?: ArrayBuffer }>): TokenCandidate[] {
  const chunks = raw.flatMap((part) => (part.bytes ? [new Uint8Array(part.bytes)] : []));
  const size = chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0);
  if (size === 0 || size > MAX_RAW_BODY_BYTES) return [];
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  const text = new TextDecoder().decode(bytes);
  const fields: Record<string, string[]> = {};
  for (const [name, value] of new URLSearchParams(text)) (fields[name] ??= []).push(value);
  const fromForm = findTokensInForm(fields);
  if (fromForm.length > 0) return fromForm;
  const bare = findTokenInText(text);
  return bare ? [{ ...bare, location: 'form' }] : [];
}

/** What a request shows: a token in its URL (a 302 callback), or in a POSTed form. */
export function sightingsFromRequest(details: RequestDetails): Sighting[] {
  // tabId −1 is a request that belongs to no tab: the extension's own verification call, or a
  // service worker. Neither is a login a person made.
  if (details.tabId < 0) return [];
  const sightings: Sighting[] = [];
  // Only the query travels in a request. Chrome reports a navigation's URL with its #fragment,
  // but the fragment never reaches the server: it is the content script's to report from the
  // page, or onBeforeRedirect's when it only ever rode in a Location.
  const inUrl = findTokensInUrl(details.url).filter((candidate) => candidate.location === 'query');
  if (inUrl.length > 0) sightings.push({ tabId: details.tabId, url: details.url, candidates: inUrl });
  const body = details.method === 'POST' ? details.requestBody : null;
  if (body && !body.error) {
    const inBody = body.formData ? findTokensInForm(body.formData) : body.raw ? candidatesFromRawBody(body.raw) : [];
    if (inBody.length > 0)
      sightings.push({ tabId: details.tabId, url: details.url, source: 'form-post', candidates: inBody });
  }
  return sightings;
}

/** A token that only ever appears in a redirect's Location, fragment included. */
export function sightingFromRedirect(details: RedirectDetails): Sighting | null {
  if (details.tabId < 0) return null;
  const candidates = findTokensInUrl(details.redirectUrl);
  return candidates.length > 0
    ? { tabId: details.tabId, url: details.redirectUrl, source: 'redirect', candidates }
    : null;
}
