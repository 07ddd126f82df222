/**
 * The extension pages' door to the WebExtension API, without the polyfill. A page (the popup, the
 * options page) only calls methods that return promises natively: Firefox's `browser.*` always
 * has, and Chrome's MV3 `chrome.*` does for these too. So the pages need not load the polyfill.
 * The background keeps it (shared/browser.ts): its
 * `runtime.onMessage` listeners answer by returning a promise, which Chrome's own API does not take.
 */
import type { Browser } from './browser';

/** What the pages use, and nothing whose promise form Chrome might lack. */
export type PageBrowser = Pick<Browser, 'runtime' | 'tabs' | 'permissions' | 'storage'>;

const extensionGlobals = globalThis as { browser?: PageBrowser; chrome?: PageBrowser };

export const pageBrowser: PageBrowser = (extensionGlobals.browser ?? extensionGlobals.chrome)!;

/**
 * A failure the background's polyfill sends as an ordinary answer: in Chrome it answers a rejected
 * handler with this object, and only its own `sendMessage` (which the pages no longer load) turns
 * that back into a rejection.
 */
interface PolyfillRejection {
  __mozWebExtensionPolyfillReject__: true;
  message: string;
}

function isPolyfillRejection(reply: unknown): reply is PolyfillRejection {
  return typeof reply === 'object' && reply !== null && '__mozWebExtensionPolyfillReject__' in reply;
}

/** `runtime.sendMessage` that rejects when the background's handler failed, in both browsers. */
export async function sendToBackground(message: unknown): Promise<unknown> {
  const reply: unknown = await pageBrowser.runtime.sendMessage(message);
  if (isPolyfillRejection(reply)) throw new Error(String(reply.message));
  return reply;
}
