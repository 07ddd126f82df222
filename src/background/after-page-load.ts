/**
 * Work that can wait until a tab's page has loaded, held back until it has.
 *
 * Why: a login's callback page loads in a few tens of milliseconds on a fast network, and every
 * event of that login wakes the background, which then reads the token, records the hops of the
 * timeline, checks the page's hygiene, sets the badge and calls DiwLoginChk. On a help desk's
 * two-core PC that work shares the processor with the page the person is waiting for. Measured in
 * Chromium on loopback, a login's page load took about ×1.4 the time it took without the
 * extension; held back, about ×1.25. It is all held back, storing the capture included: storing
 * alone, left immediate, kept most of the cost (it reads and writes the tab's whole list). Nobody
 * can open the popup on a page that has not loaded yet; the capture is there when it has.
 *
 * A tab is loading from the start of a top-level navigation until the browser says it is
 * complete, or the navigation failed, or the tab closed. No page holds work back for long:
 * AFTER_RESPONSE_WAIT_MS after the page's response arrived, or MAX_WAIT_MS after the load
 * started, whatever waits runs. The work is handed the time its event came (the sink's
 * `seenAt`), so that a Clear all pressed meanwhile still wins over it.
 *
 * The held-back work lives only in the worker's memory, and is the only copy: a worker stopped
 * with work waiting loses that login's capture, and the person logs in again or pastes the token.
 * The waits are kept short for that reason. Chrome keeps a worker that has just handled an event
 * for 30 s; Firefox suspends an idle event page on its own clock (30 s unless changed), whatever
 * timers it holds.
 */

/** The longest a tab's work waits for its page to load. */
export const MAX_WAIT_MS = 2_000;
/**
 * The longest it waits once the page's own response has arrived. The browser's "complete" can
 * come later than that, or, for an event page woken by the navigation, not reach it at all;
 * Firefox suspends an idle event page on its own clock, whatever timers it has, and work held
 * in a suspended page is lost.
 */
export const AFTER_RESPONSE_WAIT_MS = 250;

export interface Timers {
  setTimeout: (run: () => void, ms: number) => unknown;
  clearTimeout: (timer: unknown) => void;
}

interface LoadingTab {
  waiting: Array<() => void>;
  timer: unknown;
}

export function createAfterPageLoad(timers: Timers) {
  const loading = new Map<number, LoadingTab>();

  /** Ends the tab's wait; returns what waited, for the caller to run or drop. */
  function endWait(tabId: number): Array<() => void> {
    const tab = loading.get(tabId);
    if (!tab) return [];
    loading.delete(tabId);
    timers.clearTimeout(tab.timer);
    return tab.waiting;
  }

  function release(tabId: number): void {
    for (const run of endWait(tabId)) run();
  }

  return {
    /** A top-level navigation started in `tabId`, or was redirected: its page is loading. */
    started(tabId: number): void {
      if (tabId < 0 || loading.has(tabId)) return;
      loading.set(tabId, { waiting: [], timer: timers.setTimeout(() => release(tabId), MAX_WAIT_MS) });
    },

    /** The page's own response has arrived: what waits runs soon, if the load is not over first. */
    responded(tabId: number): void {
      const tab = loading.get(tabId);
      if (!tab) return;
      timers.clearTimeout(tab.timer);
      tab.timer = timers.setTimeout(() => release(tabId), AFTER_RESPONSE_WAIT_MS);
    },

    /** The tab's page has loaded, or its navigation failed: what waits runs. */
    finished(tabId: number): void {
      release(tabId);
    },

    /**
     * The tab closed: what waits for it is dropped, never run. It would only keep a closed tab's
     * token and hops, which the store forgets with the tab anyway.
     */
    closed(tabId: number): void {
      endWait(tabId);
    },

    /**
     * Runs `work` once the page of `tabId` has loaded; at once when it is not loading or there is
     * no tab (a paste). Work held back for one tab runs in the order it was handed in.
     */
    run<T>(tabId: number | null, work: () => Promise<T>): Promise<T> {
      const tab = tabId === null ? undefined : loading.get(tabId);
      if (!tab) return work();
      return new Promise<void>((resume) => tab.waiting.push(resume)).then(work);
    },
  };
}

export type AfterPageLoad = ReturnType<typeof createAfterPageLoad>;
