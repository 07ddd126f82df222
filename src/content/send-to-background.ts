/**
 * The content scripts' one way to reach the background, without webextension-polyfill. They are
 * loaded on every page of a capture site, and the polyfill would be most of its size
 * and of its start-up time, for one call that needs no wrapping: in MV3 both browsers return a
 * promise from `runtime.sendMessage`, Firefox as `browser.runtime` and Chrome as
 * `chrome.runtime`. The other contexts take `browser` from shared/browser.ts or
 * shared/page-browser.ts.
 */
import type { Message } from '../shared/messages';

interface MessageSender {
  sendMessage(message: Message): Promise<unknown>;
}

type Namespace = { runtime?: Partial<MessageSender> } | undefined;

/**
 * The runtime that can send: Firefox's `browser`, else Chrome's `chrome`. Chrome has no `browser`
 * global, so there the name can be the page's: an element with `id="browser"` is a named property
 * of the window, seen from the content script too. Only a namespace whose `sendMessage` is a
 * function counts, which no element is.
 */
function extensionRuntime(): MessageSender | undefined {
  const { browser, chrome } = globalThis as { browser?: Namespace; chrome?: Namespace };
  for (const namespace of [browser, chrome]) {
    const runtime = namespace?.runtime;
    if (typeof runtime?.sendMessage === 'function') return runtime as MessageSender;
  }
  return undefined;
}

/**
 * Sends `message`; a failure is swallowed. The background may be starting up, and nothing retries
 * a lost report. Chrome throws at once, rather than rejecting, once the extension was reloaded or
 * removed under the page ("Extension context invalidated"): that is swallowed too.
 */
export function sendToBackground(message: Message): void {
  try {
    extensionRuntime()
      ?.sendMessage(message)
      .catch(() => undefined);
  } catch {
    // The extension is gone from this page; there is no one left to tell.
  }
}
