/**
 * Which capture sites this browser has not granted (Firefox MV3 leaves host access to the
 * person), checked once the settings, with the sites a person added, are known. Only the empty
 * state says it, so nothing is asked while a token is shown: one question to the browser per
 * site, on the way to the first picture, for nothing.
 */
import { useEffect, useState } from 'preact/hooks';
import type { InspectorClient } from '../ui/extension-client';
import type { SettingsView } from '../shared/settings-view';
import { DEFAULT_CAPTURE_SITES } from '../shared/capture-sites';

export function useNotAllowedSites(client: InspectorClient, settings: SettingsView | null, wanted: boolean): string[] {
  const [notAllowed, setNotAllowed] = useState<string[]>([]);
  useEffect(() => {
    if (!settings || !wanted) return;
    let live = true;
    const sites = [...DEFAULT_CAPTURE_SITES, ...settings.captureSites.map((origin) => ({ label: origin, origin }))];
    // A failed check counts as granted: the empty state should not cry wolf over a hiccup.
    void Promise.all(
      sites.map(async (site) => ((await client.hasOrigin(site.origin).catch(() => true)) ? [] : [site.label])),
    ).then((missing) => {
      // The same list again (most often, none) is no reason to render again.
      if (live) setNotAllowed((shown) => (sameSites(shown, missing.flat()) ? shown : missing.flat()));
    });
    return () => {
      live = false;
    };
  }, [client, settings?.captureSites, wanted]);
  return notAllowed;
}

function sameSites(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((site, index) => site === b[index]);
}
