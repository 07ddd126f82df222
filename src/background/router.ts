/**
 * The background's one message router: a map of async handlers, one per message type. It checks
 * every message at run time and trusts `sender`, never the payload:
 * - the message must come from this extension (`sender.id`);
 * - `content→bg:` messages must come from a content script in a tab, and the tab is `sender.tab`;
 * - `page→bg:` messages (verification, settings) only from the extension's own pages;
 * - what carries or spends the ClientID (the full settings, saving them, loading a WSDL, a test
 *   call) only from the options page, so a popup, or anything that gets to run in one, never
 *   holds the ClientID.
 */
import { documentOf } from '../domain/url';
import { OPTIONS_PAGE_ONLY, isMessage, type MessageType, type PayloadOf, type ReplyOf } from '../shared/messages';

export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

/** What a handler knows about who asked, already checked. */
export interface TrustedSender {
  /** For content messages: the tab the content script runs in. */
  tabId: number | null;
  frameId: number | null;
  /** The URL of the sending document (page URL for a content script). */
  url: string;
}

export type Handlers = {
  [T in MessageType]: (payload: PayloadOf<T>, sender: TrustedSender) => Promise<ReplyOf<T>>;
};

export class RejectedMessage extends Error {}

export function createRouter(
  handlers: Handlers,
  self: { extensionId: string; extensionOrigin: string; optionsPageUrl: string },
) {
  const optionsPage = documentOf(self.optionsPageUrl);
  return function route(message: unknown, sender: SenderInfo): Promise<unknown> | undefined {
    if (!isMessage(message)) return undefined;
    if (sender.id !== self.extensionId) return Promise.reject(new RejectedMessage('not from this extension'));
    const url = sender.url ?? '';
    const fromOwnPage = url.startsWith(self.extensionOrigin);
    if (message.type.startsWith('content→bg:')) {
      const tabId = sender.tab?.id;
      if (fromOwnPage || typeof tabId !== 'number' || tabId < 0) {
        return Promise.reject(new RejectedMessage('content messages come only from a content script in a tab'));
      }
      return handlers[message.type](message.payload as never, { tabId, frameId: sender.frameId ?? null, url });
    }
    if (!fromOwnPage) return Promise.reject(new RejectedMessage('only the extension’s own pages may ask this'));
    if (OPTIONS_PAGE_ONLY.has(message.type) && documentOf(url) !== optionsPage) {
      return Promise.reject(new RejectedMessage('only the options page may ask this'));
    }
    const handler = handlers[message.type] as (payload: unknown, sender: TrustedSender) => Promise<unknown>;
    return handler(message.payload, { tabId: sender.tab?.id ?? null, frameId: sender.frameId ?? null, url });
  };
}
