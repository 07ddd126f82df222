/**
 * Which capture sites this browser has not granted (Firefox MV3 leaves host access to the
 * person), checked once the settings, with the sites a person added, are known.
 */
import { useEffect, useState } from 'preact/hooks';
import type { InspectorClient } from '../ui/extension-client';
import type { SettingsView } from '../shared/settings-view';
import { DEFAULT_CAPTURE_SITES } from '../shared/capture-sites';

export function useNotAllowedSites(client: InspectorClient, settings: SettingsView | null): string[] {
  const [notAllowed, setNotAllowed] = useState<string[]>([]);
  useEffect(() => {
    if (!settings) return;
    let live = true;
    const sites = [...DEFAULT_CAPTURE_SITES, ...settings.captureSites.map((origin) => ({ label: origin, origin }))];
    // A failed check counts as granted: the empty state should not cry wolf over a hiccup.
    void Promise.all(
      sites.map(async (site) => ((await client.hasOrigin(site.origin).catch(() => true)) ? [] : [site.label])),
    ).then((missing) => {
      if (live) setNotAllowed(missing.flat());
    });
    return () => {
      live = false;
    };
  }, [client, settings?.captureSites]);
  return notAllowed;
}
