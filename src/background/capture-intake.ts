/**
 * The one way a token becomes a capture, whichever door it came through: the content script,
 * the webRequest observers, or a paste in the popup. It decodes the value with the domain's
 * reader (so a JWT-shaped string that is not a token is dropped), strips the token from the URL
 * that is kept, and stores the result.
 */
import { decodeToken } from '../domain/decode-token';
import { readToken } from '../domain/read-token';
import { findTokenInText, findTokensInUrl, stripTokensFromUrl } from '../domain/find-tokens';
import type { TokenCandidate } from '../domain/find-tokens';
import type { Localized } from '../domain/finding';
import type { Capture, CaptureSource } from '../shared/capture';
import { readingToKeep } from '../shared/capture-reading';
import { captureIdOf } from '../shared/stored-captures';
import type { CaptureStore } from './capture-store';

/** A page can put many JWT-shaped values in one URL; more than this is noise or an attack. */
const MAX_CANDIDATES_PER_EVENT = 10;
/**
 * The largest token kept. The SSO's tokens are about 1 KB; 16 KB leaves room for generous
 * claims, and bounds what one capture costs in storage.session (see capture-store's budget).
 */
export const MAX_STORED_TOKEN_LENGTH = 16 * 1024;

export interface Sighting {
  tabId: number;
  /** The page or request URL the token was seen in or with (it is stripped before storing). */
  url: string;
  /**
   * Set for what only the background sees (a redirect's Location, a form body); left out for
   * URLs, where the candidate's own location says query or fragment.
   */
  source?: 'redirect' | 'form-post';
  /** The page changed its own URL after loading (a `#fragment` change), see Capture.inPage. */
  inPage?: boolean;
  candidates: TokenCandidate[];
}

/**
 * What a content script reported, checked: well-formed candidates only, and only those whose
 * value is in the page's URL as the browser gives it (`sender.url`, or the tab's URL). The
 * report is a page's word (a compromised renderer can send anything); the URL is the browser's.
 */
export function candidatesInSenderUrl(reported: unknown, senderUrl: string): TokenCandidate[] {
  if (!Array.isArray(reported)) return [];
  const inUrl = new Set(findTokensInUrl(senderUrl).map((candidate) => candidate.value));
  return reported.filter(
    (c): c is TokenCandidate =>
      typeof c === 'object' &&
      c !== null &&
      typeof c.value === 'string' &&
      (c.location === 'query' || c.location === 'fragment') &&
      (c.parameter === null || typeof c.parameter === 'string') &&
      inUrl.has(c.value),
  );
}

/** A short, non-reversible fingerprint: the capture id must not carry the token itself. */
async function fingerprint(token: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token));
  return [...new Uint8Array(digest).slice(0, 12)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The id a capture of `token` gets: its tab (or `paste`) and the token's fingerprint. */
export async function captureIdFor(tabId: number | null, token: string): Promise<string> {
  return captureIdOf(tabId, await fingerprint(token));
}

export function createCaptureIntake(deps: { store: CaptureStore; now: () => number }) {
  const { store, now } = deps;

  async function toCapture(
    tabId: number | null,
    url: string,
    source: CaptureSource,
    candidate: TokenCandidate,
    seenAt: number,
  ): Promise<Capture | null> {
    if (candidate.value.length > MAX_STORED_TOKEN_LENGTH) return null;
    // Read once here, for the popup too (it keeps the reading; see shared/capture-reading.ts).
    const reading = readToken(candidate.value);
    // A value that only looks like a JWT (three dotted base64url runs) but does not decode is
    // not a capture from a URL: page URLs are full of such things. A paste is different: the
    // person meant it, so the popup shows why it failed (see `paste`).
    if (reading.kind === 'unreadable') return null;
    const stripped = stripTokensFromUrl(url);
    return {
      id: await captureIdFor(tabId, reading.token.compact),
      tabId,
      capturedAt: seenAt,
      pageOrigin: stripped.origin,
      pagePath: stripped.path,
      source,
      parameter: candidate.parameter,
      token: reading.token.compact,
      isIndustrySso: reading.token.isIndustrySso,
      reading: readingToKeep(reading),
    };
  }

  return {
    /**
     * Stores what was seen at `seenAt`; returns the captures that were new. The time it was seen,
     * not stored: a Clear all between the two must win (see the store).
     */
    async record(sighting: Sighting, seenAt = now()): Promise<Capture[]> {
      const added: Capture[] = [];
      for (const candidate of sighting.candidates.slice(0, MAX_CANDIDATES_PER_EVENT)) {
        const source = sighting.source ?? (candidate.location === 'fragment' ? 'fragment' : 'query');
        const decoded = await toCapture(sighting.tabId, sighting.url, source, candidate, seenAt);
        const capture = decoded && sighting.inPage === true ? { ...decoded, inPage: true } : decoded;
        if (capture && (await store.add(capture))) added.push(capture);
      }
      return added;
    },

    /** A token pasted into the popup. A bad one comes back with the domain's own message. */
    async paste(text: string): Promise<{ ok: true; value: Capture } | { ok: false; error: Localized }> {
      const candidate = findTokenInText(text);
      const decoded = decodeToken(candidate?.value ?? text);
      if (!decoded.ok) return { ok: false, error: decoded.failure.message };
      if (decoded.token.compact.length > MAX_STORED_TOKEN_LENGTH) {
        const kb = Math.ceil(decoded.token.compact.length / 1024);
        return {
          ok: false,
          error: {
            th: `โทเค็นนี้ยาว ${kb} KB เกินกว่าที่ส่วนขยายเก็บได้ (${MAX_STORED_TOKEN_LENGTH / 1024} KB) โทเค็นของ Industry SSO ยาวประมาณ 1 KB ตรวจว่าคัดลอกมาเฉพาะโทเค็น`,
            en: `This token is ${kb} KB, more than the extension keeps (${MAX_STORED_TOKEN_LENGTH / 1024} KB); an Industry SSO token is about 1 KB. Check that only the token was copied.`,
          },
        };
      }
      const capture = await toCapture(
        null,
        '',
        'paste',
        { location: 'text', parameter: null, value: decoded.token.compact },
        now(),
      );
      if (!capture) return { ok: false, error: { th: 'อ่านโทเค็นไม่ได้', en: 'The token could not be read.' } };
      // Pasting the same token again selects the capture already kept, with its verification.
      const existing = await store.find(capture.id);
      if (existing) return { ok: true, value: existing };
      await store.add(capture);
      return { ok: true, value: capture };
    },
  };
}

export type CaptureIntake = ReturnType<typeof createCaptureIntake>;
