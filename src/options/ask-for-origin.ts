/**
 * Asks the person for a host permission. Browsers only show the prompt while handling a user
 * gesture (Chrome: transient user activation; Firefox: "permissions.request may only be called
 * from a user input handler"), and an `await` before the call loses that. So callers invoke
 * this synchronously inside their click handler, before any other await, and await what it
 * returns afterwards.
 */
import type { InspectorClient } from '../ui/extension-client';
import type { Localized } from '../domain/finding';
import { errorText } from './status-report';

export interface PermissionAnswer {
  granted: boolean;
  /** Set when the browser refused to ask at all (not the same as the person saying no). */
  error?: Localized;
}

export function askForOrigin(client: InspectorClient, origin: string): Promise<PermissionAnswer> {
  let request: Promise<boolean>;
  try {
    request = client.requestOrigin(origin);
  } catch (error) {
    return Promise.resolve({ granted: false, error: errorText(error) });
  }
  return request.then(
    (granted) => ({ granted }),
    (error: unknown) => ({ granted: false, error: errorText(error) }),
  );
}
