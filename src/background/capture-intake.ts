/**
 * The one way a token becomes a capture, whichever door it came through: the content script,
 * the webRequest observers, or a paste in the popup. It decodes the value with the domain's
 * reader (so a JWT-shaped string that is not a token is dropped), strips the token from the URL
 * that is kept, and stores the result.
 */
import { decodeToken, findTokenInText, stripTokensFromUrl } from '../domain/token';
import type { Localized, TokenCandidate } from '../domain/types';
import type { Capture, CaptureSource } from '../shared/capture';
import type { CaptureStore } from './capture-store';

/** A page can put many JWT-shaped values in one URL; more than this is noise or an attack. */
const MAX_CANDIDATES_PER_EVENT = 10;

export interface Sighting {
  tabId: number;
  /** The page or request URL the token was seen in or with (it is stripped before storing). */
  url: string;
  /**
   * Set for what only the background sees (a redirect's Location, a form body); left out for
   * URLs, where the candidate's own location says query or fragment.
   */
  source?: 'redirect' | 'form-post';
  candidates: TokenCandidate[];
}

/** A short, non-reversible fingerprint: the capture id must not carry the token itself. */
async function fingerprint(token: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token));
  return [...new Uint8Array(digest).slice(0, 12)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function createCaptureIntake(deps: { store: CaptureStore; now: () => number }) {
  const { store, now } = deps;

  async function toCapture(tabId: number | null, url: string, source: CaptureSource, candidate: TokenCandidate): Promise<Capture | null> {
    const decoded = decodeToken(candidate.value);
    // A value that only looks like a JWT (three dotted base64url runs) but does not decode is
    // not a capture from a URL: page URLs are full of such things. A paste is different: the
    // person meant it, so the popup shows why it failed (see `paste`).
    if (!decoded.ok) return null;
    const stripped = stripTokensFromUrl(url);
    return {
      id: `${tabId ?? 'paste'}:${await fingerprint(decoded.token.compact)}`,
      tabId,
      capturedAt: now(),
      pageOrigin: stripped.origin,
      pagePath: stripped.path,
      source,
      parameter: candidate.parameter,
      token: decoded.token.compact,
      isIndustrySso: decoded.token.isIndustrySso,
    };
  }

  return {
    /** Stores what was seen; returns the captures that were new. */
    async record(sighting: Sighting): Promise<Capture[]> {
      const added: Capture[] = [];
      for (const candidate of sighting.candidates.slice(0, MAX_CANDIDATES_PER_EVENT)) {
        const source = sighting.source ?? (candidate.location === 'fragment' ? 'fragment' : 'query');
        const capture = await toCapture(sighting.tabId, sighting.url, source, candidate);
        if (capture && (await store.add(capture))) added.push(capture);
      }
      return added;
    },

    /** A token pasted into the popup. A bad one comes back with the domain's own message. */
    async paste(text: string): Promise<{ ok: true; value: Capture } | { ok: false; error: Localized }> {
      const candidate = findTokenInText(text);
      const decoded = decodeToken(candidate?.value ?? text);
      if (!decoded.ok) return { ok: false, error: decoded.failure.message };
      const capture = await toCapture(null, '', 'paste', { location: 'text', parameter: null, value: decoded.token.compact });
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
