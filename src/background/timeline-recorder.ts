/**
 * Records each tab's login as a timeline of hops: every top-level and frame navigation and
 * redirect on a capture site, with its status, timing, headers (credentials masked) and where
 * the token travelled on it. Observe-only, like the webRequest capture; kept in storage.session
 * (one key per tab, the last MAX_HOPS_PER_TAB hops) and cleared with the tab's captures.
 *
 * A redirect keeps its request id, so one request can make several hops: the open hop of a
 * request is its last one without an answer yet. Every event is queued in the order the browser
 * fires it, before anything is awaited, so a hop is recorded before its answer is looked up. The event handlers are plain async functions of
 * the event details, so they are tested with fake storage; timeline-observer.ts hands them the events.
 */
import { findTokensInUrl } from '../domain/find-tokens';
import type { TokenCandidate } from '../domain/find-tokens';
import { MAX_HOPS_PER_TAB, hopUrl, keptHeaders, type TimelineHop } from '../domain/login-timeline';
import type { TokenPlace } from '../domain/token-hygiene';
import { TIMELINE_KEY_PREFIX, readTimeline, timelineKey } from '../shared/timeline';
import type { CaptureStore, SessionArea } from './capture-store';
import { sightingsFromRequest, type RequestDetails } from './web-request-capture';

/** The JSON of one tab's timeline is kept under this, dropping its oldest hops. */
export const MAX_TIMELINE_BYTES = 96 * 1024;
/** Timelines kept at once; the least recently touched goes first. */
export const MAX_TIMELINE_TABS = 10;
/** Which timelines exist, and when each was last written. */
const INDEX_KEY = `${TIMELINE_KEY_PREFIX}index`;

/**
 * One event's change to a tab's hops: it asks for them with `load` only if it records something,
 * changes the list in place, and returns the hop it added or changed (null: nothing to write).
 */
type HopsChange = (load: () => Promise<TimelineHop[]>) => Promise<TimelineHop | null>;

interface QueuedChange {
  tabId: number;
  at: number;
  change: HopsChange;
  settle: (outcome: { hop: TimelineHop | null } | { error: unknown }) => void;
}

interface BaseDetails {
  requestId: string;
  tabId: number;
  timeStamp: number;
}
type RawHeaders = Array<{ name: string; value?: string }>;
export type StartDetails = BaseDetails & RequestDetails & { type?: string };
export type SendHeadersDetails = BaseDetails & { requestHeaders?: RawHeaders };
export type RedirectDetails = BaseDetails & { statusCode: number; redirectUrl: string; responseHeaders?: RawHeaders };
export type CompletedDetails = BaseDetails & { statusCode: number; responseHeaders?: RawHeaders };
export type ErrorDetails = BaseDetails & { error: string };

export interface TimelineRecorderDeps {
  area: SessionArea;
  /** Whether a URL is on a capture site now (settings and policy); nothing else is recorded. */
  isCaptureSite: (url: string) => Promise<boolean>;
  /** The id the capture of `token` has in tab `tabId` (the intake's own). */
  captureIdFor: (tabId: number, token: string) => Promise<string>;
  /** Told after a hop that carried a token was recorded or answered, so the capture can learn of it. */
  onTokenHop: (tabId: number) => Promise<unknown>;
  /** Runs a write of the tab's hops in turn with the captures' writes and clears (the capture store's). */
  withClearedAt: CaptureStore['withClearedAt'];
}

const encoder = new TextEncoder();

/** Each token found once, with every place it was seen on this hop. */
function tokensByValue(found: Array<{ value: string; place: TokenPlace }>): Map<string, Set<TokenPlace>> {
  const byValue = new Map<string, Set<TokenPlace>>();
  for (const { value, place } of found) {
    if (!byValue.has(value)) byValue.set(value, new Set());
    byValue.get(value)!.add(place);
  }
  return byValue;
}

function fromUrl(candidates: TokenCandidate[]): Array<{ value: string; place: TokenPlace }> {
  return candidates.map((candidate) => ({
    value: candidate.value,
    place: candidate.location === 'fragment' ? 'fragment' : 'query',
  }));
}

export function createTimelineRecorder(deps: TimelineRecorderDeps) {
  const { area, isCaptureSite, captureIdFor, onTokenHop, withClearedAt } = deps;

  async function read(tabId: number): Promise<TimelineHop[]> {
    const key = timelineKey(tabId);
    return readTimeline((await area.get(key))[key]);
  }

  /**
   * The events' changes, applied one at a time in the order fired, as read-modify-writes of a
   * tab's list. A login fires five or six events within milliseconds; those that arrive while a
   * write is under way are applied together, to one read and one write of the tab's hops, since
   * each copy of the list in and out of storage.session costs the browser's CPU while the login's
   * pages load.
   */
  let queued: QueuedChange[] = [];
  let draining = false;

  async function applyToTab(tabId: number, changes: QueuedChange[]): Promise<void> {
    let hops: Promise<TimelineHop[]> | null = null;
    const load = () => (hops ??= read(tabId));
    const outcomes: Array<{ hop: TimelineHop | null } | { error: unknown }> = [];
    let writtenAt: number | null = null;
    for (const queuedChange of changes) {
      try {
        const hop = await queuedChange.change(load);
        if (hop) writtenAt = queuedChange.at;
        outcomes.push({ hop });
      } catch (error) {
        outcomes.push({ error });
      }
    }
    try {
      if (hops && writtenAt !== null) await write(tabId, await hops, writtenAt);
      changes.forEach((queuedChange, index) => queuedChange.settle(outcomes[index]!));
    } catch (error) {
      for (const queuedChange of changes) queuedChange.settle({ error });
    }
  }

  async function drain(): Promise<void> {
    draining = true;
    try {
      while (queued.length > 0) {
        const batch = queued;
        queued = [];
        for (const tabId of new Set(batch.map((queuedChange) => queuedChange.tabId)))
          await applyToTab(
            tabId,
            batch.filter((queuedChange) => queuedChange.tabId === tabId),
          );
      }
    } finally {
      // Whatever happened, the next event starts a drain of its own: the queue never stalls.
      draining = false;
    }
  }

  function changeTimeline(tabId: number, at: number, change: HopsChange): Promise<TimelineHop | null> {
    return new Promise((resolve, reject) => {
      queued.push({
        tabId,
        at,
        change,
        settle: (outcome) => ('error' in outcome ? reject(outcome.error) : resolve(outcome.hop)),
      });
      if (!draining) void drain();
    });
  }

  /**
   * Writes a tab's hops within their bounds, and keeps at most MAX_TIMELINE_TABS timelines. A hop
   * that started before the tab's captures were last cleared was in flight when the person
   * cleared (its events wait for the page's load), and must not reappear, as its capture does not.
   */
  function write(tabId: number, hops: TimelineHop[], at: number): Promise<void> {
    return withClearedAt(tabId, async (clearedAt) => {
      const kept = hops.filter((hop) => hop.startedAt >= clearedAt).slice(-MAX_HOPS_PER_TAB);
      if (kept.length === 0) return;
      while (kept.length > 1 && encoder.encode(JSON.stringify(kept)).length > MAX_TIMELINE_BYTES) kept.shift();
      const index = { ...((await area.get(INDEX_KEY))[INDEX_KEY] as Record<string, number> | undefined) };
      index[String(tabId)] = at;
      const byAge = Object.entries(index).sort(([, a], [, b]) => b - a);
      const dropped = byAge.slice(MAX_TIMELINE_TABS).map(([tab]) => timelineKey(Number(tab)));
      if (dropped.length > 0) await area.remove(dropped);
      await area.set({
        [timelineKey(tabId)]: kept,
        [INDEX_KEY]: Object.fromEntries(byAge.slice(0, MAX_TIMELINE_TABS)),
      });
    });
  }

  /** The tokens a hop carried, as capture ids and places. */
  async function tokensOf(
    tabId: number,
    found: Array<{ value: string; place: TokenPlace }>,
  ): Promise<{ tokenIds: string[]; tokenPlaces: TokenPlace[] }> {
    const byValue = tokensByValue(found);
    const tokenIds = await Promise.all([...byValue.keys()].map((value) => captureIdFor(tabId, value)));
    const places = new Set([...byValue.values()].flatMap((set) => [...set]));
    return { tokenIds, tokenPlaces: (['query', 'fragment', 'location', 'form'] as const).filter((p) => places.has(p)) };
  }

  /**
   * Changes the open hop of `requestId` in its tab, if it is recorded; returns the changed hop.
   * A request not recorded (not a capture site) costs one read of an absent key.
   */
  function changeOpenHop(
    details: BaseDetails,
    change: (hop: TimelineHop) => TimelineHop | Promise<TimelineHop>,
  ): Promise<TimelineHop | null> {
    return changeTimeline(details.tabId, details.timeStamp, async (load) => {
      const hops = await load();
      let index = -1;
      for (let i = hops.length - 1; i >= 0; i -= 1) {
        const hop = hops[i]!;
        if (hop.requestId === details.requestId && hop.status === null && hop.error === null) {
          index = i;
          break;
        }
      }
      if (index < 0) return null;
      const changed = await change(hops[index]!);
      hops[index] = changed;
      return changed;
    });
  }

  async function afterAnswer(tabId: number, hop: TimelineHop | null): Promise<void> {
    if (hop && hop.tokenIds.length > 0) await onTokenHop(tabId);
  }

  const finished = (hop: TimelineHop, at: number) => ({ ...hop, durationMs: Math.max(0, at - hop.startedAt) });

  return {
    /** A navigation starts (or follows a redirect): a new hop, if the URL is on a capture site. */
    async started(details: StartDetails): Promise<void> {
      if (details.tabId < 0) return;
      // Queued at once, with the check inside: a 302 on loopback answers before a settings read
      // does, and its redirect must find this hop already written.
      const hop = await changeTimeline(details.tabId, details.timeStamp, async (load) => {
        if (!(await isCaptureSite(details.url))) return null;
        const found = fromUrl(findTokensInUrl(details.url));
        for (const sighting of sightingsFromRequest(details))
          if (sighting.source === 'form-post')
            found.push(...sighting.candidates.map((c) => ({ value: c.value, place: 'form' as const })));
        const started: TimelineHop = {
          requestId: details.requestId,
          frame: details.type === 'sub_frame' ? 'sub' : 'main',
          method: typeof details.method === 'string' ? details.method.slice(0, 16) : 'GET',
          url: hopUrl(details.url),
          startedAt: details.timeStamp,
          durationMs: null,
          status: null,
          error: null,
          location: null,
          ...(await tokensOf(details.tabId, found)),
          requestHeaders: [],
          responseHeaders: [],
        };
        (await load()).push(started);
        return started;
      });
      if (hop && hop.tokenIds.length > 0) await onTokenHop(details.tabId);
    },

    async sentHeaders(details: SendHeadersDetails): Promise<void> {
      await changeOpenHop(details, (hop) => ({ ...hop, requestHeaders: keptHeaders(details.requestHeaders) }));
    },

    async redirected(details: RedirectDetails): Promise<void> {
      const hop = await changeOpenHop(details, async (open) => {
        const inLocation = findTokensInUrl(details.redirectUrl).map((c) => ({
          value: c.value,
          place: 'location' as const,
        }));
        const carried = await tokensOf(details.tabId, inLocation);
        return {
          ...finished(open, details.timeStamp),
          status: details.statusCode,
          location: hopUrl(details.redirectUrl),
          responseHeaders: keptHeaders(details.responseHeaders),
          tokenIds: [...new Set([...open.tokenIds, ...carried.tokenIds])],
          tokenPlaces: [...new Set([...open.tokenPlaces, ...carried.tokenPlaces])],
        };
      });
      await afterAnswer(details.tabId, hop);
    },

    async completed(details: CompletedDetails): Promise<void> {
      const hop = await changeOpenHop(details, (open) => ({
        ...finished(open, details.timeStamp),
        status: details.statusCode,
        responseHeaders: keptHeaders(details.responseHeaders),
      }));
      await afterAnswer(details.tabId, hop);
    },

    async failed(details: ErrorDetails): Promise<void> {
      const hop = await changeOpenHop(details, (open) => ({
        ...finished(open, details.timeStamp),
        error: typeof details.error === 'string' ? details.error.slice(0, 128) : 'error',
      }));
      await afterAnswer(details.tabId, hop);
    },

    /** The tab's hops, oldest first. */
    hops(tabId: number): Promise<TimelineHop[]> {
      return read(tabId);
    },
  };
}

export type TimelineRecorder = ReturnType<typeof createTimelineRecorder>;
