/**
 * The login as a timeline: each navigation and redirect of a tab on the capture sites, one hop
 * each, as an integrator reads it (which hop carried the token, what answered, how long it took).
 * What a hop keeps is shaped here, pure: the URL with its tokens taken out, the headers bounded
 * and with credentials masked, and the whole timeline as text for a ticket. Headers and URLs come
 * from sites, so every value is cut to a bound before it is read, and read in one pass.
 */
import { stripTokensFromUrl } from './find-tokens';
import { redactText } from './redact';
import { formatIsoUtc } from './time-format';
import type { Localized } from './finding';
import type { TokenHopFacts, TokenPlace } from './token-hygiene';

export interface HeaderLine {
  name: string;
  value: string;
}

export interface TimelineHop {
  /** The browser's id of the request; a redirect keeps it, so several hops can share one. */
  requestId: string;
  /** A top-level navigation, or a frame's. */
  frame: 'main' | 'sub';
  method: string;
  /** The URL with every token replaced by `[token]`, and ID numbers masked. */
  url: string;
  startedAt: number;
  /** From the request to its answer (or its redirect, or its failure); null while under way. */
  durationMs: number | null;
  /** The HTTP status; null while under way or when the request failed. */
  status: number | null;
  /** Why the request failed (the browser's words), if it did. */
  error: string | null;
  /** Where a redirect pointed, tokens taken out. */
  location: string | null;
  /** Where on this hop the token travelled; empty when it did not. */
  tokenPlaces: TokenPlace[];
  /** Which captured tokens it carried: capture ids (a fingerprint, never the token). */
  tokenIds: string[];
  requestHeaders: HeaderLine[];
  responseHeaders: HeaderLine[];
}

/** The last hops kept per tab; a login takes five or six. */
export const MAX_HOPS_PER_TAB = 50;
/** Headers kept per request or response; real ones send twenty or so. */
export const MAX_HEADERS = 32;
/** Characters kept of a header's name and value, and of a URL. */
export const MAX_HEADER_NAME = 64;
export const MAX_HEADER_VALUE = 256;
export const MAX_URL_LENGTH = 512;

export const MASKED = '[masked]';

/**
 * Headers whose values are credentials: a session cookie or an Authorization header is as good
 * as the login itself, so only their presence is kept.
 */
const CREDENTIAL_HEADERS = new Set(['cookie', 'set-cookie', 'authorization', 'proxy-authorization']);

function cut(text: string, limit: number): string {
  return text.length > limit ? `${text.slice(0, limit)}…` : text;
}

/** A URL as a hop keeps it: tokens out (query, #fragment and path), ID numbers masked, bounded. */
export function hopUrl(url: string): string {
  if (typeof url !== 'string') return '';
  // Cut before reading: a URL can be megabytes. A token cut in half is still taken out by the
  // redactor, which removes whatever is JWT-shaped.
  const bounded = url.length > MAX_URL_LENGTH * 4 ? url.slice(0, MAX_URL_LENGTH * 4) : url;
  return cut(redactText(stripTokensFromUrl(bounded).display || bounded), MAX_URL_LENGTH);
}

/**
 * Headers as a hop keeps them: at most MAX_HEADERS, each name and value cut, the credentials
 * masked, and every other value passed through the redactor (a Location or a Referer can carry
 * the token).
 */
export function keptHeaders(headers: ReadonlyArray<{ name?: unknown; value?: unknown }> | undefined): HeaderLine[] {
  if (!Array.isArray(headers)) return [];
  const kept: HeaderLine[] = [];
  for (const header of headers.slice(0, MAX_HEADERS)) {
    if (typeof header?.name !== 'string') continue;
    const name = cut(header.name, MAX_HEADER_NAME);
    const raw = typeof header.value === 'string' ? header.value : '';
    const value = CREDENTIAL_HEADERS.has(name.toLowerCase())
      ? MASKED
      : cut(redactText(raw.slice(0, MAX_HEADER_VALUE * 2)), MAX_HEADER_VALUE);
    kept.push({ name, value });
  }
  return kept;
}

/** The hops that carried the token with capture id `captureId`, as the hygiene rules read them. */
export function tokenHopsOf(hops: readonly TimelineHop[], captureId: string): TokenHopFacts[] {
  return hops
    .filter((hop) => hop.tokenIds.includes(captureId))
    .map((hop) => ({ places: [...hop.tokenPlaces], url: hop.url, status: hop.status }));
}

const PLACE_WORDS: Record<TokenPlace, Localized> = {
  query: { th: 'query', en: 'query' },
  fragment: { th: '#fragment', en: '#fragment' },
  location: { th: 'Location', en: 'Location' },
  form: { th: 'ฟอร์ม', en: 'form field' },
};

const WORDS = {
  title: { th: 'ลำดับการเข้าสู่ระบบ (ตัดโทเค็นออกแล้ว)', en: 'Login timeline (tokens removed)' },
  none: { th: 'ยังไม่มีการนำทางบนไซต์ที่จับโทเค็นในแท็บนี้', en: 'No navigation on a capture site in this tab yet.' },
  token: { th: 'โทเค็นอยู่ใน', en: 'token in' },
  pending: { th: 'กำลังโหลด', en: 'pending' },
  frame: { th: 'เฟรม', en: 'frame' },
} satisfies Record<string, Localized>;

/** Where the token was on a hop, in `language`: "query, Location". */
export function placesText(places: readonly TokenPlace[], language: 'th' | 'en'): string {
  return places.map((place) => PLACE_WORDS[place][language]).join(', ');
}

/**
 * The timeline as plain text for a ticket, in the ticket report's style: a title, then one
 * numbered line per hop (time, method, status, duration, URL with tokens removed), the redirect
 * target and where the token was beneath it. Headers are left out: they are for the panel.
 */
export function timelineText(hops: readonly TimelineHop[], language: 'th' | 'en'): string {
  const title = WORDS.title[language];
  const lines = [title, '='.repeat(Math.min(title.length, 60)), ''];
  if (hops.length === 0) lines.push(WORDS.none[language]);
  hops.forEach((hop, index) => {
    const status = hop.status !== null ? String(hop.status) : (hop.error ?? WORDS.pending[language]);
    const duration = hop.durationMs !== null ? ` ${Math.round(hop.durationMs)} ms` : '';
    const frame = hop.frame === 'sub' ? ` [${WORDS.frame[language]}]` : '';
    lines.push(`${index + 1}. ${formatIsoUtc(hop.startedAt)} ${hop.method} ${status}${duration}${frame} ${hop.url}`);
    if (hop.location !== null) lines.push(`   → ${hop.location}`);
    if (hop.tokenPlaces.length > 0) lines.push(`   ${WORDS.token[language]}: ${placesText(hop.tokenPlaces, language)}`);
  });
  // The hops were redacted as they were kept; this pass keeps the rule that nothing token-shaped
  // leaves in text, whatever a later change to the hop's shape lets through.
  return `${lines.map((line) => redactText(line)).join('\n')}\n`;
}
