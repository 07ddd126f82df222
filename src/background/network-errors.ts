/**
 * Why the extension's own request failed. A browser's fetch only says "Failed to fetch" (Chrome)
 * or "NetworkError when attempting to fetch resource" (Firefox), on purpose, but
 * `webRequest.onErrorOccurred` names the cause to the extension that made the request:
 * `net::ERR_CONNECTION_REFUSED`, `NS_ERROR_UNKNOWN_HOST`... This log keeps those names for a few
 * seconds so the verifier can tell a help-desk person "refused" from "DNS" from "timed out".
 *
 * It lives in memory on purpose: an entry matters only while the fetch that failed is being
 * explained, and that fetch keeps the worker alive. If the worker stops, the fetch went with it.
 * Chrome reports the error just before fetch rejects, Firefox a few milliseconds after, so a
 * reader may wait briefly for it.
 */

/** Longer than any gap between the event and the fetch's rejection (a few ms seen here). */
const DEFAULT_WAIT_MS = 300;
const KEEP_MS = 10_000;
const MAX_ENTRIES = 20;

interface Entry {
  url: string;
  error: string;
  at: number;
}

function normalised(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
}

export function createNetworkErrorLog(now: () => number = Date.now) {
  const entries: Entry[] = [];
  const waiting = new Set<(entry: Entry) => void>();

  return {
    /** From `webRequest.onErrorOccurred`: the request's URL and the browser's error name. */
    record(url: string, error: string): void {
      const entry = { url: normalised(url), error, at: now() };
      entries.push(entry);
      while (entries.length > MAX_ENTRIES || (entries[0] && entries[0].at < entry.at - KEEP_MS)) entries.shift();
      for (const notify of waiting) notify(entry);
    },

    /**
     * The browser's error name for a request to `url` that failed at or after `since`, waiting up
     * to `waitMs` for it to be reported; null when the browser said nothing.
     */
    errorFor(url: string, since: number, waitMs = DEFAULT_WAIT_MS): Promise<string | null> {
      const wanted = normalised(url);
      const matches = (entry: Entry) => entry.url === wanted && entry.at >= since;
      const known = entries.findLast(matches);
      if (known) return Promise.resolve(known.error);
      return new Promise((resolve) => {
        const done = (error: string | null) => {
          clearTimeout(timer);
          waiting.delete(notify);
          resolve(error);
        };
        const notify = (entry: Entry) => {
          if (matches(entry)) done(entry.error);
        };
        const timer = setTimeout(() => done(null), waitMs);
        waiting.add(notify);
      });
    },
  };
}

export type NetworkErrorLog = ReturnType<typeof createNetworkErrorLog>;
