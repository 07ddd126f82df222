/**
 * Captured tokens, kept in `storage.session` only: memory, never disk, cleared when the browser
 * closes. The MV3 worker can be stopped at any moment, so nothing lives in module variables;
 * every read goes to storage.
 *
 * Layout: one key per tab (`captures:tab:<id>`) and one for pastes (`captures:paste`), each a
 * list of at most MAX_CAPTURES_PER_TAB, newest first.
 */
import type { Capture, StoredVerification } from '../shared/capture';

export const MAX_CAPTURES_PER_TAB = 20;
/** How many captures from other tabs the popup's switcher offers. */
const MAX_ELSEWHERE = 10;
const KEY_PREFIX = 'captures:';

/** The part of `storage.session` this store uses; a fake in tests. */
export interface SessionArea {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export function captureKey(tabId: number | null): string {
  return tabId === null ? `${KEY_PREFIX}paste` : `${KEY_PREFIX}tab:${tabId}`;
}

function isCaptureList(value: unknown): value is Capture[] {
  return Array.isArray(value);
}

/**
 * Read-modify-write of one key must not interleave with another for the same key: a 302 chain
 * fires several webRequest events within a millisecond. The queue only orders writes in flight;
 * if the worker stops, the queue goes with the writes it was ordering, and storage stays whole.
 */
function createKeyQueue() {
  const tails = new Map<string, Promise<unknown>>();
  return function run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = tails.get(key) ?? Promise.resolve();
    const next = previous.then(task, task);
    const settled = next.catch(() => undefined);
    tails.set(key, settled);
    void settled.then(() => {
      if (tails.get(key) === settled) tails.delete(key);
    });
    return next;
  };
}

/**
 * A 302 to `/callback?token=…` is first seen as a redirect's Location, then as the callback's own
 * query (or, for `#…`, by the content script in the page). Where the token finally landed says
 * more to an integrator than "it was in a redirect", so a later query or fragment sighting of the
 * same token refines the earlier redirect one. A token seen only in a Location stays "redirect".
 */
function isMoreSpecific(incoming: Capture, existing: Capture): boolean {
  return existing.source === 'redirect' && (incoming.source === 'query' || incoming.source === 'fragment');
}

export function createCaptureStore(area: SessionArea) {
  const serialised = createKeyQueue();

  async function list(key: string): Promise<Capture[]> {
    const stored = (await area.get(key))[key];
    return isCaptureList(stored) ? stored : [];
  }

  async function allLists(): Promise<Map<string, Capture[]>> {
    const everything = await area.get(null);
    const lists = new Map<string, Capture[]>();
    for (const [key, value] of Object.entries(everything)) {
      if (key.startsWith(KEY_PREFIX) && isCaptureList(value)) lists.set(key, value);
    }
    return lists;
  }

  return {
    /**
     * Adds a capture unless the same token was already captured in that tab (one flow can show
     * a token several times: in the request, in a redirect, then in the page). Returns whether
     * it was new.
     */
    add(capture: Capture): Promise<boolean> {
      const key = captureKey(capture.tabId);
      return serialised(key, async () => {
        const existing = await list(key);
        const index = existing.findIndex((c) => c.id === capture.id);
        if (index < 0) {
          await area.set({ [key]: [capture, ...existing].slice(0, MAX_CAPTURES_PER_TAB) });
          return true;
        }
        if (isMoreSpecific(capture, existing[index]!)) {
          const { source, pageOrigin, pagePath, parameter } = capture;
          existing[index] = { ...existing[index]!, source, pageOrigin, pagePath, parameter };
          await area.set({ [key]: existing });
        }
        return false;
      });
    },

    forTab(tabId: number | null): Promise<Capture[]> {
      return list(captureKey(tabId));
    },

    /** The newest captures of every list except `tabId`'s, newest first. */
    async elsewhere(tabId: number | null): Promise<Capture[]> {
      const own = captureKey(tabId);
      const lists = await allLists();
      return [...lists.entries()]
        .filter(([key]) => key !== own)
        .flatMap(([, captures]) => captures)
        .sort((a, b) => b.capturedAt - a.capturedAt)
        .slice(0, MAX_ELSEWHERE);
    },

    async find(captureId: string): Promise<Capture | null> {
      for (const captures of (await allLists()).values()) {
        const found = captures.find((c) => c.id === captureId);
        if (found) return found;
      }
      return null;
    },

    /** Tabs that hold captures, for the badge refresh. */
    async tabIds(): Promise<number[]> {
      return [...(await allLists()).keys()].flatMap((key) => {
        const match = /^captures:tab:(\d+)$/.exec(key);
        return match ? [Number(match[1])] : [];
      });
    },

    setVerification(captureId: string, tabId: number | null, verification: StoredVerification): Promise<boolean> {
      const key = captureKey(tabId);
      return serialised(key, async () => {
        const captures = await list(key);
        const index = captures.findIndex((c) => c.id === captureId);
        if (index < 0) return false;
        captures[index] = { ...captures[index]!, verification };
        await area.set({ [key]: captures });
        return true;
      });
    },

    async clearTab(tabId: number | null): Promise<number> {
      const key = captureKey(tabId);
      return serialised(key, async () => {
        const count = (await list(key)).length;
        await area.remove(key);
        return count;
      });
    },

    async clearAll(): Promise<number> {
      const lists = await allLists();
      const count = [...lists.values()].reduce((sum, captures) => sum + captures.length, 0);
      await area.remove([...lists.keys()]);
      return count;
    },
  };
}

export type CaptureStore = ReturnType<typeof createCaptureStore>;
