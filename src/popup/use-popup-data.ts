/**
 * What the popup shows first: the settings (without the ClientID), the tab it was opened over, and
 * the captures, kept current as storage changes.
 *
 * They are read straight from `storage.session`, where the captures live and where the
 * background publishes its view of the settings: the popup then opens without waiting for a
 * stopped MV3 worker to start. Until the background has published that view (a browser just
 * started), the popup asks the background, as it did before.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { InspectorClient } from '../ui/extension-client';
import type { CapturesView } from '../shared/messages';
import type { SettingsView } from '../shared/settings-view';
import { storedPopupData, type StoredPopupData } from '../shared/stored-captures';
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
): Promise<{ data: StoredPopupData; fromStorage: boolean }> {
  const stored = sessionItems && storedPopupData(sessionItems, tabId);
  if (stored) return { data: stored, fromStorage: true };
  const [settings, view] = await Promise.all([client.getSettingsView(), client.getCaptures(tabId)]);
  return { data: { settings, view }, fromStorage: false };
}

interface Reading {
  started: number;
  sessionItems: Promise<Record<string, unknown> | null>;
}

export function usePopupData(client: InspectorClient): PopupData {
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
  const wakeAfterPaint = useRef(false);

  const beginRead = useCallback(
    (): Reading => ({ started: ++latestRead.current, sessionItems: client.readSessionArea().catch(() => null) }),
    [client],
  );

  /** Resolves to whether what it shows came from storage; null when a later read was shown instead. */
  const finishRead = useCallback(
    async ({ started, sessionItems }: Reading, tab: number | null): Promise<boolean | null> => {
      const { data, fromStorage } = await readPopupData(client, tab, await sessionItems);
      if (started !== latestRead.current) return null;
      setSettings(data.settings);
      setView(data.view);
      setLoadError(null);
      return fromStorage;
    },
    [client],
  );

  const refresh = useCallback(async () => {
    try {
      const reading = beginRead();
      await finishRead(reading, await currentTab.current);
    } catch (error) {
      setLoadError(backgroundError(error));
    }
  }, [beginRead, finishRead]);

  // A layout effect runs as soon as the first render is committed; a plain effect would wait for
  // the next frame before even starting to read.
  useLayoutEffect(() => {
    let live = true;
    (async () => {
      try {
        // The tab and the storage area side by side: each is a round trip to the browser.
        currentTab.current = client.currentTabId();
        const reading = beginRead();
        const tab = await currentTab.current;
        if (!live) return;
        setTabId(tab);
        // A read that lost to a later one may have been from storage too: wake to be sure.
        wakeAfterPaint.current = (await finishRead(reading, tab)) !== false;
      } catch (error) {
        if (live) setLoadError(backgroundError(error));
      } finally {
        if (live) setLoaded(true);
      }
    })();
    // Captures, and the settings view the background publishes beside them whenever settings or
    // the policy change: the captures are filtered again by the new view's fingerprint too.
    const unsubscribe = client.onCapturesChanged(() => void refresh());
    return () => {
      live = false;
      unsubscribe();
    };
  }, [client, beginRead, finishRead, refresh]);

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
