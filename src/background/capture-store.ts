/**
 * Captured tokens, kept in `storage.session` only: memory, never disk, cleared when the browser
 * closes. The MV3 worker can be stopped at any moment, so nothing lives in module variables;
 * every read goes to storage.
 *
 * Layout (see shared/stored-captures.ts, which the popup reads too): one key per tab and one for
 * pastes, each a list of at most MAX_CAPTURES_PER_TAB, newest first; and `store:cleared`, when
 * each list was last cleared. A tab's login timeline (`timeline:tab:<id>`, see
 * timeline-recorder.ts) is cleared with its captures.
 *
 * Any page on a capture site can make captures (by putting JWT-shaped values in its own URL), so
 * the store is bounded twice, and what it drops is chosen by usefulness, not only by age: a page's
 * own churn must never push out the login the SSO handed over, nor fill the browser's session
 * quota so that a real login elsewhere cannot be stored.
 */
import type { Capture, StoredVerification, VerifyingCapture } from '../shared/capture';
import type { TokenHygiene } from '../domain/token-hygiene';
import { TIMELINE_KEY_PREFIX, pageReportKey, timelineKey } from '../shared/timeline';
import type { CapturesView } from '../shared/messages';
import { sameStoredValue } from '../shared/same-stored-value';
import {
  captureKey,
  captureKeyOfId,
  captureListsIn,
  capturesElsewhere,
  capturesView,
  isCaptureList,
  tabIdOfKey,
} from '../shared/stored-captures';

export const MAX_CAPTURES_PER_TAB = 20;
/**
 * All captures together, in bytes of their JSON. Chrome gives an extension 10 MiB of
 * `storage.session` in all; a real token is about 1 KB, so 4 MiB is hundreds of logins and leaves
 * the rest of the quota free.
 */
export const CAPTURE_BUDGET_BYTES = 4 * 1024 * 1024;
const CLEARED_KEY = 'store:cleared';
const MAX_CLEARED_TIMES = 50;

/** The part of `storage.session` this store uses; a fake in tests. */
export interface SessionArea {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

/** When each list was last cleared: `all` for Clear all, and per list key. */
interface ClearedAt {
  all: number;
  keys: Record<string, number>;
}

function readClearedAt(value: unknown): ClearedAt {
  const record = typeof value === 'object' && value !== null ? (value as Partial<ClearedAt>) : {};
  return {
    all: typeof record.all === 'number' ? record.all : 0,
    keys: typeof record.keys === 'object' && record.keys !== null ? record.keys : {},
  };
}

/**
 * Every write is a read-modify-write, and the byte budget spans all lists, so writes run one at a
 * time (a 302 chain fires several webRequest events within a millisecond). The queue only orders
 * writes in flight; if the worker stops, the queue goes with the writes it was ordering, and
 * storage stays whole.
 */
export function createQueue() {
  let tail: Promise<unknown> = Promise.resolve();
  return function run<T>(task: () => Promise<T>): Promise<T> {
    const next = tail.then(task, task);
    tail = next.catch(() => undefined);
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

/**
 * How much a capture is worth keeping, higher first: a token the service called genuine (case 1
 * or 2); a navigation's Industry SSO token (what the SSO hands over); any other navigation's JWT;
 * and last what a page put in its own URL after loading, which any script can do by the hundred.
 */
export function keepRank(capture: Capture): number {
  const outcome = capture.verification?.result.outcome;
  if (outcome?.kind === 'answered' && (outcome.answer.manualCase === 1 || outcome.answer.manualCase === 2)) return 3;
  if (capture.inPage === true) return 0;
  return capture.isIndustrySso ? 2 : 1;
}

/** The least useful capture: lowest rank, and the oldest among those. */
function leastUseful(captures: readonly Capture[]): Capture | undefined {
  let worst: Capture | undefined;
  for (const capture of captures) {
    if (!worst) worst = capture;
    else {
      const [rank, worstRank] = [keepRank(capture), keepRank(worst)];
      if (rank < worstRank || (rank === worstRank && capture.capturedAt < worst.capturedAt)) worst = capture;
    }
  }
  return worst;
}

const encoder = new TextEncoder();
/** What a list costs in storage: the UTF-8 bytes of its JSON, as the browsers count quota. */
function bytesOf(key: string, captures: readonly Capture[]): number {
  return encoder.encode(key).length + encoder.encode(JSON.stringify(captures)).length;
}

export function createCaptureStore(area: SessionArea) {
  const serialised = createQueue();

  async function list(key: string): Promise<Capture[]> {
    const stored = (await area.get(key))[key];
    return isCaptureList(stored) ? stored : [];
  }

  async function allLists(): Promise<Map<string, Capture[]>> {
    return captureListsIn(await area.get(null));
  }

  /**
   * Writes `key`'s new list, then drops the least useful captures anywhere until all fit the
   * budget. Returns the list as written (the newest capture itself may not have fitted).
   */
  async function writeWithinBudget(key: string, captures: Capture[]): Promise<Capture[]> {
    const lists = await allLists();
    lists.set(key, captures);
    const bytes = new Map([...lists].map(([k, v]) => [k, bytesOf(k, v)]));
    let total = [...bytes.values()].reduce((sum, b) => sum + b, 0);
    const changed = new Set([key]);
    while (total > CAPTURE_BUDGET_BYTES) {
      const everyCapture = [...lists.values()].flat();
      const victim = leastUseful(everyCapture);
      if (!victim) break;
      const victimKey = captureKey(victim.tabId);
      const remaining = lists.get(victimKey)!.filter((c) => c !== victim);
      lists.set(victimKey, remaining);
      total += bytesOf(victimKey, remaining) - bytes.get(victimKey)!;
      bytes.set(victimKey, bytesOf(victimKey, remaining));
      changed.add(victimKey);
    }
    const emptied = [...changed].filter((k) => lists.get(k)!.length === 0);
    const kept = Object.fromEntries([...changed].filter((k) => lists.get(k)!.length > 0).map((k) => [k, lists.get(k)]));
    if (emptied.length > 0) await area.remove(emptied);
    if (Object.keys(kept).length > 0) await area.set(kept);
    return lists.get(key)!;
  }

  /** When the list under `key` was last cleared, by Clear all or on its own; 0 if never. */
  async function lastClearedAt(key: string): Promise<number> {
    const cleared = readClearedAt((await area.get(CLEARED_KEY))[CLEARED_KEY]);
    return Math.max(cleared.all, cleared.keys[key] ?? 0);
  }

  async function update(key: string, captureId: string, change: (capture: Capture) => Capture): Promise<boolean> {
    return serialised(async () => {
      const captures = await list(key);
      const index = captures.findIndex((c) => c.id === captureId);
      if (index < 0) return false;
      captures[index] = change(captures[index]!);
      await area.set({ [key]: captures });
      return true;
    });
  }

  return {
    /**
     * Adds a capture unless the same token was already captured in that tab (one flow can show
     * a token several times: in the request, in a redirect, then in the page). Returns whether
     * it was stored as new. A capture seen before its list was last cleared is dropped: it was
     * in flight when the person cleared, and must not reappear.
     */
    add(capture: Capture): Promise<boolean> {
      const key = captureKey(capture.tabId);
      return serialised(async () => {
        if (capture.capturedAt < (await lastClearedAt(key))) return false;
        const existing = await list(key);
        const index = existing.findIndex((c) => c.id === capture.id);
        if (index >= 0) {
          if (isMoreSpecific(capture, existing[index]!)) {
            const { source, pageOrigin, pagePath, parameter } = capture;
            existing[index] = { ...existing[index]!, source, pageOrigin, pagePath, parameter };
            await area.set({ [key]: existing });
          }
          return false;
        }
        const captures = [capture, ...existing];
        while (captures.length > MAX_CAPTURES_PER_TAB) captures.splice(captures.indexOf(leastUseful(captures)!), 1);
        if (!captures.includes(capture)) return false;
        return (await writeWithinBudget(key, captures)).includes(capture);
      });
    },

    /**
     * Runs `write` in turn with the store's own writes, given when `tabId`'s list was last
     * cleared: what else is kept with a tab's captures (its login timeline) can then drop what was
     * in flight when the person cleared, with no clear able to land between that check and the
     * write.
     */
    withClearedAt<T>(tabId: number, write: (clearedAt: number) => Promise<T>): Promise<T> {
      return serialised(async () => write(await lastClearedAt(captureKey(tabId))));
    },

    forTab(tabId: number | null): Promise<Capture[]> {
      return list(captureKey(tabId));
    },

    /** The newest captures of every list except `tabId`'s, newest first. */
    async elsewhere(tabId: number | null): Promise<Capture[]> {
      return capturesElsewhere(await allLists(), tabId);
    },

    /** What a page lists for `tabId`, with results current under `fingerprint`: one read of the area. */
    async view(tabId: number | null, fingerprint: string): Promise<CapturesView> {
      return capturesView(await area.get(null), tabId, fingerprint);
    },

    /**
     * Queued behind the writes before it: a verification's result is stored after its answer was
     * handed back, and a look-up that follows must find it there.
     */
    find(captureId: string): Promise<Capture | null> {
      return serialised(async () => {
        // The id names the list it is kept in: one key is read, not the whole area.
        const key = captureKeyOfId(captureId);
        if (key !== null) return (await list(key)).find((c) => c.id === captureId) ?? null;
        for (const captures of (await allLists()).values()) {
          const found = captures.find((c) => c.id === captureId);
          if (found) return found;
        }
        return null;
      });
    },

    /** Tabs that hold captures, for the badge refresh. */
    async tabIds(): Promise<number[]> {
      return [...(await allLists()).keys()].flatMap((key) => {
        const tabId = tabIdOfKey(key);
        return tabId === null ? [] : [tabId];
      });
    },

    /** Notes that a verification began, so a worker stopped mid-call leaves a trace. */
    markVerifying(
      captureId: string,
      tabId: number | null,
      verifying: NonNullable<Capture['verifying']>,
    ): Promise<boolean> {
      return update(captureKey(tabId), captureId, (capture) => ({ ...capture, verifying }));
    },

    /**
     * Records what is known of how the application handled tokens (see token-hygiene.ts): the
     * hygiene `hygieneOf` gives each capture of the tab, as stored when the write runs; undefined
     * leaves a capture as it is. One read and at most one write of the tab's list, none when
     * nothing changed. Returns how many captures `hygieneOf` gave hygiene to.
     */
    updateHygiene(tabId: number, hygieneOf: (capture: Capture) => TokenHygiene | undefined): Promise<number> {
      const key = captureKey(tabId);
      return serialised(async () => {
        let given = 0;
        let changed = false;
        const captures = (await list(key)).map((capture) => {
          const hygiene = hygieneOf(capture);
          if (hygiene === undefined) return capture;
          given += 1;
          if (sameStoredValue(hygiene, capture.hygiene ?? {})) return capture;
          changed = true;
          return { ...capture, hygiene };
        });
        if (changed) await area.set({ [key]: captures });
        return given;
      });
    },

    setVerification(captureId: string, tabId: number | null, verification: StoredVerification): Promise<boolean> {
      return update(captureKey(tabId), captureId, ({ verifying: _done, ...capture }) => ({ ...capture, verification }));
    },

    /**
     * Verifications that a stopped worker left unfinished: each becomes the result `interrupted`
     * gives it. Only a new worker calls this, before it starts any verification of its own.
     */
    async settleInterrupted(interrupted: (capture: VerifyingCapture) => StoredVerification): Promise<number> {
      return serialised(async () => {
        let settled = 0;
        const changed: Record<string, Capture[]> = {};
        for (const [key, captures] of await allLists()) {
          if (!captures.some((c) => c.verifying)) continue;
          changed[key] = captures.map(({ verifying, ...capture }) => {
            if (!verifying) return capture;
            settled += 1;
            return { ...capture, verification: interrupted({ ...capture, verifying }) };
          });
        }
        if (settled > 0) await area.set(changed);
        return settled;
      });
    },

    async clearTab(tabId: number | null, at: number): Promise<number> {
      const key = captureKey(tabId);
      return serialised(async () => {
        const count = (await list(key)).length;
        const cleared = readClearedAt((await area.get(CLEARED_KEY))[CLEARED_KEY]);
        await area.remove(tabId === null ? key : [key, timelineKey(tabId), pageReportKey(tabId)]);
        // Closed tabs add a time each; the newest few are all an in-flight capture can race with.
        const keys = Object.fromEntries(
          [...Object.entries(cleared.keys), [key, at] as const]
            .sort(([, a], [, b]) => b - a)
            .slice(0, MAX_CLEARED_TIMES),
        );
        await area.set({ [CLEARED_KEY]: { ...cleared, keys } });
        return count;
      });
    },

    async clearAll(at: number): Promise<number> {
      return serialised(async () => {
        const lists = await allLists();
        const count = [...lists.values()].reduce((sum, captures) => sum + captures.length, 0);
        const timelines = Object.keys(await area.get(null)).filter((k) => k.startsWith(TIMELINE_KEY_PREFIX));
        await area.remove([...lists.keys(), ...timelines]);
        // Per-list times before this one say nothing more than `all` does.
        await area.set({ [CLEARED_KEY]: { all: at, keys: {} } });
        return count;
      });
    },
  };
}

export type CaptureStore = ReturnType<typeof createCaptureStore>;
