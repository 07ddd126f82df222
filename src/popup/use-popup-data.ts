/**
 * What the popup shows first: the settings (without the ClientID), the tab it was opened over, and
 * the captures, kept current as storage changes.
 *
 * They are read straight from `storage.session`, where the captures live and where the
 * background publishes its view of the settings: the popup then opens without waiting for a
 * stopped MV3 worker to start. Until the background has published that view (a browser just
 * started), the popup asks the background, as it did before.
 *
 * Once the area has been read, a change storage reports is applied to what was read (it carries
 * each changed key's whole new value) rather than read again: in Firefox the popup and the
 * background share one thread, and a whole-area read while a verification runs delays its answer.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { InspectorClient } from '../ui/extension-client';
import type { CapturesView } from '../shared/messages';
import type { SettingsView } from '../shared/settings-view';
import {
  isCaptureList,
  storedPopupData,
  withChanges,
  type AreaChanges,
  type StoredPopupData,
} from '../shared/stored-captures';
import type { Localized } from '../domain/finding';
import { backgroundError } from './background-error';

const EMPTY_VIEW: CapturesView = { currentTab: [], elsewhere: [] };

export interface PopupData {
  settings: SettingsView | null;
  setSettings: (settings: SettingsView) => void;
  tabId: number | null;
  view: CapturesView;
  /** False until the first read has finished, whether it worked or not. */
  loaded: boolean;
  loadError: Localized | null;
  /** Reads the captures again (after a paste or a clear). */
  refresh: () => Promise<void>;
}

/**
 * From the items of storage.session when the background has published the settings view there;
 * from the background otherwise (or when the area could not be read).
 */
async function readPopupData(
  client: InspectorClient,
  tabId: number | null,
  sessionItems: Record<string, unknown> | null,
): Promise<{ data: StoredPopupData; fromStorage: boolean; items: Record<string, unknown> | null }> {
  const stored = sessionItems && storedPopupData(sessionItems, tabId);
  if (stored) return { data: stored, fromStorage: true, items: sessionItems };
  const [settings, view] = await Promise.all([client.getSettingsView(), client.getCaptures(tabId)]);
  return { data: { settings, view }, fromStorage: false, items: null };
}

/** A capture as the popup shows it: without the mark of a verification under way. */
function shownPart(capture: unknown): string {
  const { verifying: _running, ...shown } = (capture ?? {}) as { verifying?: unknown };
  return JSON.stringify(shown);
}

/**
 * Whether the changes only mark verifications as under way: the background writes that mark
 * beside every call, and re-rendering the popup for it would compete with the answer.
 */
function onlyMarksVerifying(changes: AreaChanges, before: Record<string, unknown>): boolean {
  return Object.entries(changes).every(([key, change]) => {
    const [was, is] = [before[key], change.newValue];
    return (
      isCaptureList(was) &&
      isCaptureList(is) &&
      was.length === is.length &&
      was.every((capture, index) => shownPart(capture) === shownPart(is[index]))
    );
  });
}

/** The session area as last read and changed since, with the tab it was shown for. */
interface KnownArea {
  items: Record<string, unknown>;
  tabId: number | null;
}

interface Reading {
  started: number;
  sessionItems: Promise<Record<string, unknown> | null>;
}

/**
 * The two reads the first picture needs, the tab the popup was opened over and the session area:
 * each is a round trip to the browser, so the entry starts them before it renders anything. It
 * watches for changes from before the read, until the hook listens itself: a change in between
 * may be missing from what was read, and is then read again.
 */
export interface OpeningReads {
  tabId: Promise<number | null>;
  sessionItems: Promise<Record<string, unknown> | null>;
  /** Whether the session area changed after the reads began, while only this watched. */
  changedMeanwhile: () => boolean;
  stopWatching: () => void;
}

/** The session area's items; null when it could not be read (the background is asked instead). */
function readSessionItems(client: InspectorClient): Promise<Record<string, unknown> | null> {
  return client.readSessionArea().catch(() => null);
}

export function startOpeningReads(client: InspectorClient): OpeningReads {
  let changed = false;
  const stopWatching = client.onCapturesChanged(() => {
    changed = true;
  });
  return {
    tabId: client.currentTabId(),
    sessionItems: readSessionItems(client),
    changedMeanwhile: () => changed,
    stopWatching,
  };
}

/** `opening`: the reads the entry started; without them (tests), the hook starts its own. */
export function usePopupData(client: InspectorClient, opening?: OpeningReads): PopupData {
  const [settings, setSettings] = useState<SettingsView | null>(null);
  const [tabId, setTabId] = useState<number | null>(null);
  const [view, setView] = useState<CapturesView>(EMPTY_VIEW);
  const [loaded, setLoaded] = useState(false);
  const [loadError, setLoadError] = useState<Localized | null>(null);
  // Apart from loadError: a later read of storage that works says nothing of the background.
  const [wakeError, setWakeError] = useState<Localized | null>(null);
  // The tab the popup was opened over, as a promise: a change can be reported before it is known.
  const currentTab = useRef<Promise<number | null>>(Promise.resolve(null));
  // Reads overlap when storage changes in bursts: only the one started last is shown.
  const latestRead = useRef(0);
  // Null while a read is on its way, or when what is shown did not come from storage: a change
  // then starts a read of its own, which sees it.
  const known = useRef<KnownArea | null>(null);
  const wakeAfterPaint = useRef(false);

  /** What a read found, or null when a later read was started meanwhile (that one is shown). */
  const readLatest = useCallback(
    async ({ started, sessionItems }: Reading, tab: number | null) => {
      const read = await readPopupData(client, tab, await sessionItems);
      if (started !== latestRead.current) return null;
      known.current = read.items && { items: read.items, tabId: tab };
      return read;
    },
    [client],
  );

  // Set side by side with no await between them, so that they make one render.
  const show = useCallback((data: StoredPopupData) => {
    setSettings(data.settings);
    setView(data.view);
    setLoadError(null);
  }, []);

  const refresh = useCallback(async () => {
    try {
      known.current = null;
      const reading = { started: ++latestRead.current, sessionItems: readSessionItems(client) };
      const read = await readLatest(reading, await currentTab.current);
      if (read) show(read.data);
    } catch (error) {
      setLoadError(backgroundError(error));
    }
  }, [client, readLatest, show]);

  const applyChanges = useCallback(
    (changes: AreaChanges) => {
      const area = known.current;
      if (!area) return void refresh();
      const items = withChanges(area.items, changes);
      if (onlyMarksVerifying(changes, area.items)) {
        known.current = { items, tabId: area.tabId };
        return;
      }
      let data: StoredPopupData | null;
      try {
        data = storedPopupData(items, area.tabId);
      } catch {
        data = null;
      }
      // No published view in it, or what it holds cannot be read: a read of its own settles it.
      if (!data) return void refresh();
      known.current = { items, tabId: area.tabId };
      show(data);
    },
    [refresh, show],
  );

  // A layout effect runs as soon as the first render is committed; a plain effect would wait for
  // the next frame.
  useLayoutEffect(() => {
    let live = true;
    const first = opening ?? startOpeningReads(client);
    currentTab.current = first.tabId;
    const reading = { started: ++latestRead.current, sessionItems: first.sessionItems };
    // Captures, and the settings view the background publishes beside them whenever settings or
    // the policy change: the captures are filtered again by the new view's fingerprint too.
    const unsubscribe = client.onCapturesChanged(applyChanges);
    first.stopWatching();
    (async () => {
      try {
        const tab = await first.tabId;
        const read = await readLatest(reading, tab);
        if (!live) return;
        // The tab, the data and "loaded" in one render: the first picture is the whole picture.
        setTabId(tab);
        if (read) show(read.data);
        // A read that lost to a later one may have been from storage too: wake to be sure.
        wakeAfterPaint.current = read?.fromStorage !== false;
        setLoaded(true);
        if (first.changedMeanwhile()) void refresh();
      } catch (error) {
        if (live) setLoadError(backgroundError(error));
      } finally {
        if (live) setLoaded(true);
      }
    })();
    return () => {
      live = false;
      unsubscribe();
    };
  }, [client, opening, readLatest, show, refresh, applyChanges]);

  // Read from storage, the popup did not wake the background. A worker that was stopped during
  // a verification left its capture marked `verifying`, and only a starting worker settles such
  // captures as interrupted (the popup cannot tell a stopped call from one still running). So,
  // once the first reading is on screen, the popup wakes the background; what it settles changes
  // storage, and the change listener above shows the new state. Waking after the paint, not
  // before it, keeps the worker's start-up off the path to the first picture.
  useEffect(() => {
    if (!loaded || !wakeAfterPaint.current) return;
    wakeAfterPaint.current = false;
    client.wakeBackground().catch((error: unknown) => setWakeError(backgroundError(error)));
  }, [client, loaded]);

  return { settings, setSettings, tabId, view, loaded, loadError: loadError ?? wakeError, refresh };
}
