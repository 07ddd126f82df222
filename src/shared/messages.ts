/**
 * Every message between the extension's contexts, as one discriminated union on `type`. The
 * name says which way it travels: `content→bg:` from the capture script, `page→bg:` from the
 * extension's own pages (popup, options). Each has a typed payload and a typed reply.
 *
 * The background trusts `sender`, not the payload: the tab comes from `sender.tab`, and only
 * the extension's own pages may send `page→bg:` messages (see background/router.ts).
 */
import type { Capture } from './capture';
import type { Settings } from './settings';
import type { SettingsView } from './settings-view';
import type { PolicyView } from './managed-policy';
import type { TokenCandidate } from '../domain/find-tokens';
import type { Localized } from '../domain/finding';
import type { VerificationResult } from '../domain/soap/answer';
import type { WsdlDescription } from '../domain/soap/wsdl';

export interface CapturesView {
  /** The tab the popup was opened on, newest first. */
  currentTab: Capture[];
  /** The newest captures of other tabs and pastes, newest first. */
  elsewhere: Capture[];
}

export type ActionResult<T = undefined> = { ok: true; value: T } | { ok: false; error: Localized };

/** Map of message type → [payload, reply]. */
export interface MessageMap {
  /**
   * The capture script saw JWT-shaped values in the page URL: at document_start (`load`), or
   * after the page changed its own #fragment (`hashchange`). The page URL itself is taken from
   * `sender.url`, never from the payload, and a candidate that is not in it is dropped.
   */
  'content→bg:token-seen': [{ candidates: TokenCandidate[]; trigger: 'load' | 'hashchange' }, { stored: number }];
  /**
   * A callback page at idle whose URL still holds a token: its referrer policy and the other
   * origins it loaded resources from (content/page-hygiene.ts, run by the capture script once the page has loaded). The token is taken from the tab's
   * URL as the browser has it, never from the payload.
   */
  'content→bg:page-hygiene': [{ referrerPolicy: string; resourceOrigins: string[] }, { recorded: number }];

  'page→bg:get-captures': [{ tabId: number | null }, CapturesView];
  'page→bg:paste-token': [{ text: string }, ActionResult<Capture>];
  'page→bg:clear-captures': [{ scope: 'tab'; tabId: number } | { scope: 'all' }, { cleared: number }];
  'page→bg:verify': [{ captureId: string; force: boolean }, ActionResult<VerificationResult>];
  /**
   * Wakes the background, and answers once it has settled what a stopped worker left unfinished
   * (see the popup's direct read of storage.session, which does not wake it).
   */
  'page→bg:wake': [Record<string, never>, { ready: true }];

  /** The popup's view of the settings: no ClientID (see settingsView). */
  'page→bg:get-settings-view': [Record<string, never>, SettingsView];
  'page→bg:set-language': [{ language: Settings['language'] }, ActionResult<SettingsView>];
  /** Which settings the organisation's policy locks, and what in it could not be used. No values of secrets. */
  'page→bg:get-policy': [Record<string, never>, PolicyView];

  // The options page only: these carry or spend the ClientID.
  'page→bg:get-settings': [Record<string, never>, Settings];
  'page→bg:save-settings': [{ settings: Settings }, ActionResult<Settings>];
  'page→bg:load-wsdl': [{ url: string }, ActionResult<WsdlDescription>];
  'page→bg:test-connection': [Record<string, never>, ActionResult<VerificationResult>];
  /** After the options page was granted a host permission, register capture there. */
  'page→bg:sync-capture-sites': [Record<string, never>, { registered: string[]; missingPermission: string[] }];
}

export type MessageType = keyof MessageMap;
export type PayloadOf<T extends MessageType> = MessageMap[T][0];
export type ReplyOf<T extends MessageType> = MessageMap[T][1];

export type Message = { [T in MessageType]: { type: T; payload: PayloadOf<T> } }[MessageType];

/** What only the options page may send: the full settings (with the ClientID), and what spends it unasked-for. */
export const OPTIONS_PAGE_ONLY: ReadonlySet<MessageType> = new Set<MessageType>([
  'page→bg:get-settings',
  'page→bg:save-settings',
  'page→bg:load-wsdl',
  'page→bg:test-connection',
]);

const MESSAGE_TYPES: ReadonlySet<string> = new Set<MessageType>([
  'content→bg:token-seen',
  'content→bg:page-hygiene',
  'page→bg:get-captures',
  'page→bg:paste-token',
  'page→bg:clear-captures',
  'page→bg:verify',
  'page→bg:wake',
  'page→bg:get-settings-view',
  'page→bg:set-language',
  'page→bg:get-policy',
  'page→bg:get-settings',
  'page→bg:save-settings',
  'page→bg:load-wsdl',
  'page→bg:test-connection',
  'page→bg:sync-capture-sites',
]);

/** Runtime check of the envelope; each handler validates its own payload. */
export function isMessage(value: unknown): value is Message {
  if (typeof value !== 'object' || value === null) return false;
  const { type, payload } = value as { type?: unknown; payload?: unknown };
  return typeof type === 'string' && MESSAGE_TYPES.has(type) && typeof payload === 'object' && payload !== null;
}
