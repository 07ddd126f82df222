/**
 * Keeps on each capture what is known of how the application handled its token: the timeline's
 * hops that carried it, and what its callback page reported at idle. The findings themselves are
 * drawn from these facts when shown (domain/token-hygiene.ts).
 *
 * The hops and the capture are written by different events in either order (a 302 can answer
 * before the capture of its token is stored), so both sides call `attachTimeline` after their own
 * write: whichever comes second finds the other.
 */
import { findTokensInUrl } from '../domain/find-tokens';
import { hopUrl, tokenHopsOf, type TimelineHop } from '../domain/login-timeline';
import { readPageHygieneReport } from '../domain/token-hygiene';
import type { PageHygieneFacts } from '../domain/token-hygiene';
import { pageReportKey } from '../shared/timeline';
import type { CaptureStore, SessionArea } from './capture-store';

/** A token crosses a handful of hops; more are the same login replayed and say nothing more. */
const MAX_HOPS_PER_CAPTURE = 8;

export interface TokenHygieneDeps {
  /** Where a page's report waits for its capture (storage.session). */
  area: SessionArea;
  store: Pick<CaptureStore, 'updateHygiene'>;
  /** The id the capture of `token` has in tab `tabId` (the intake's own). */
  captureIdFor: (tabId: number, token: string) => Promise<string>;
  hops: (tabId: number) => Promise<TimelineHop[]>;
  /** The tab's URL as the browser has it now; '' when the tab is gone or its URL is not visible. */
  tabUrl: (tabId: number) => Promise<string>;
}

function pageOriginOf(url: string): string | null {
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

export function createTokenHygiene(deps: TokenHygieneDeps) {
  const { area, store, hops, tabUrl, captureIdFor } = deps;

  interface PendingReport {
    captureIds: string[];
    page: PageHygieneFacts;
  }

  async function pendingReport(tabId: number): Promise<PendingReport | null> {
    const key = pageReportKey(tabId);
    const stored = (await area.get(key))[key] as PendingReport | undefined;
    return stored && Array.isArray(stored.captureIds) ? stored : null;
  }

  /** The Referrer-Policy header of the page now in the tab, from the timeline's hop that loaded it. */
  async function headerPolicy(tabId: number, url: string): Promise<string | null> {
    const shown = hopUrl(url);
    const loaded = (await hops(tabId)).filter((hop) => hop.frame === 'main' && hop.url === shown).at(-1);
    return loaded?.responseHeaders.find((header) => header.name.toLowerCase() === 'referrer-policy')?.value ?? null;
  }

  /** Gives each capture of the tab the hops that carried its token, now. */
  async function attachNow(tabId: number): Promise<void> {
    const timeline = await hops(tabId);
    const pending = await pendingReport(tabId);
    // Added to the hygiene stored when the write runs, not to a copy read before it: a page's
    // report can land in between (recordPageReport), and writing the copy would drop it.
    await store.updateHygiene(tabId, (capture) => {
      const carried = tokenHopsOf(timeline, capture.id).slice(-MAX_HOPS_PER_CAPTURE);
      const page = pending?.captureIds.includes(capture.id) ? pending.page : undefined;
      if (carried.length === 0 && !page) return undefined;
      return { ...capture.hygiene, ...(carried.length > 0 ? { hops: carried } : {}), ...(page ? { page } : {}) };
    });
  }

  /** Per tab: the attach waiting to start, and the end of the last one asked for. */
  const waitingAttach = new Map<number, Promise<void>>();
  const attachChain = new Map<number, Promise<void>>();

  return {
    /**
     * Gives each capture of the tab the hops that carried its token. A login asks several times
     * within milliseconds (each hop that carried its token, then its capture), and each attach
     * reads the tab's whole timeline and list: asks that come while an attach for the tab waits
     * to start share it, as it reads everything when it starts, after they asked.
     */
    attachTimeline(tabId: number): Promise<void> {
      const waiting = waitingAttach.get(tabId);
      if (waiting) return waiting;
      const attach = (attachChain.get(tabId) ?? Promise.resolve()).then(() => {
        waitingAttach.delete(tabId);
        return attachNow(tabId);
      });
      // The next attach of the tab starts after this one, whether it succeeds or fails.
      const settled = attach.catch(() => undefined);
      waitingAttach.set(tabId, attach);
      attachChain.set(tabId, settled);
      void settled.then(() => {
        if (attachChain.get(tabId) === settled) attachChain.delete(tabId);
      });
      return attach;
    },

    /**
     * A callback page's report at idle, from its top frame. The page's word is checked against the
     * browser's: only a token still in the tab's URL now gets the report, and only the captures of
     * that token in that tab. The report waits in storage.session for a capture not stored yet
     * (`attachTimeline` hands it over then). Returns how many captures took it now.
     */
    async recordPageReport(tabId: number, frameId: number | null, report: unknown): Promise<number> {
      if (frameId !== 0) return 0;
      const url = await tabUrl(tabId);
      const pageOrigin = pageOriginOf(url);
      if (pageOrigin === null) return 0;
      const inUrl = new Set(findTokensInUrl(url).map((candidate) => candidate.value));
      const page = readPageHygieneReport(report, pageOrigin, await headerPolicy(tabId, url));
      if (inUrl.size === 0 || page === null) return 0;
      const captureIds = await Promise.all([...inUrl].map((token) => captureIdFor(tabId, token)));
      await area.set({ [pageReportKey(tabId)]: { captureIds, page } satisfies PendingReport });
      return store.updateHygiene(tabId, (capture) =>
        captureIds.includes(capture.id) ? { ...capture.hygiene, page } : undefined,
      );
    },
  };
}

export type TokenHygieneService = ReturnType<typeof createTokenHygiene>;
