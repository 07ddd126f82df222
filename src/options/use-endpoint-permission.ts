/**
 * Whether the extension may reach the saved verification endpoint's host: checked whenever the
 * saved endpoint changes, and asked for again from the Grant button.
 */
import { useEffect, useState } from 'preact/hooks';
import type { InspectorClient } from '../ui/extension-client';
import { isHttpUrl } from '../domain/url';
import { askForOrigin, type PermissionAnswer } from './ask-for-origin';

function originOf(url: string): string | null {
  return isHttpUrl(url) ? new URL(url.trim()).origin : null;
}

export interface EndpointPermission {
  /** The saved endpoint's origin; null when none is saved. */
  savedOrigin: string | null;
  /** null while unknown (being checked, or nothing saved). */
  allowed: boolean | null;
  setAllowed: (allowed: boolean) => void;
  /** Asks for the permission; call it synchronously in the click handler (see ask-for-origin.ts). */
  grant: () => Promise<PermissionAnswer> | null;
}

export function useEndpointPermission(client: InspectorClient, savedEndpoint: string): EndpointPermission {
  const [allowed, setAllowed] = useState<boolean | null>(null);
  const savedOrigin = originOf(savedEndpoint);
  useEffect(() => {
    let live = true;
    setAllowed(null);
    if (savedOrigin) {
      client.hasOrigin(savedOrigin).then(
        (granted) => live && setAllowed(granted),
        () => live && setAllowed(false),
      );
    }
    return () => {
      live = false;
    };
  }, [client, savedOrigin]);

  const grant = () => {
    if (!savedOrigin) return null;
    return askForOrigin(client, savedOrigin).then((answer) => {
      setAllowed(answer.granted);
      return answer;
    });
  };
  return { savedOrigin, allowed, setAllowed, grant };
}
