/**
 * What the popup reads from the background: the settings (without the ClientID), the tab it
 * was opened over, and the captures, kept current as the background reports changes.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { InspectorClient } from '../ui/extension-client';
import type { CapturesView } from '../shared/messages';
import type { SettingsView } from '../shared/settings-view';
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

export function usePopupData(client: InspectorClient): PopupData {
  const [settings, setSettings] = useState<SettingsView | null>(null);
  const [tabId, setTabId] = useState<number | null>(null);
  const [view, setView] = useState<CapturesView>(EMPTY_VIEW);
  const [loaded, setLoaded] = useState(false);
  const [loadError, setLoadError] = useState<Localized | null>(null);
  // A ref as well as state: `refresh` runs from listeners set up before the tab id is known.
  const tabIdRef = useRef<number | null>(null);

  const refresh = useCallback(async () => {
    try {
      setView(await client.getCaptures(tabIdRef.current));
      setLoadError(null);
    } catch (error) {
      setLoadError(backgroundError(error));
    }
  }, [client]);

  useEffect(() => {
    let live = true;
    (async () => {
      try {
        const [loadedSettings, currentTab] = await Promise.all([client.getSettingsView(), client.currentTabId()]);
        if (!live) return;
        tabIdRef.current = currentTab;
        setTabId(currentTab);
        setSettings(loadedSettings);
        await refresh();
      } catch (error) {
        if (live) setLoadError(backgroundError(error));
      } finally {
        if (live) setLoaded(true);
      }
    })();
    const unsubscribe = client.onCapturesChanged(() => void refresh());
    // Settings changed elsewhere (a new ClientID in the options page): read them again, and the
    // captures too, whose stored results the background hides once made under other settings.
    const unsubscribeSettings = client.onSettingsChanged(() => {
      void client.getSettingsView().then(
        (next) => {
          if (live) setSettings(next);
        },
        () => undefined,
      );
      void refresh();
    });
    return () => {
      live = false;
      unsubscribe();
      unsubscribeSettings();
    };
  }, [client, refresh]);

  return { settings, setSettings, tabId, view, loaded, loadError, refresh };
}
