/**
 * How captures lie in `storage.session`, and how they are read: the one reading that the
 * background's capture store and the popup (which reads storage itself, without waking the
 * background) both do.
 *
 * Layout: one key per tab (`captures:tab:<id>`) and one for pastes (`captures:paste`), each a
 * list newest first. Other keys in the area (the store's clear times, the auto-verify record,
 * the published settings view) are not captures.
 */
import { withCurrentVerification, type Capture } from './capture';
import type { CapturesView } from './messages';
import { SETTINGS_VIEW_KEY, readPublishedSettingsView, type SettingsView } from './settings-view';

export const CAPTURE_KEY_PREFIX = 'captures:';
/** How many captures from other tabs the popup's switcher offers. */
export const MAX_ELSEWHERE = 10;
const TAB_KEY = /^captures:tab:(\d+)$/;

export function captureKey(tabId: number | null): string {
  return tabId === null ? `${CAPTURE_KEY_PREFIX}paste` : `${CAPTURE_KEY_PREFIX}tab:${tabId}`;
}

/** The id a capture of a token gets: its tab (or `paste`), then `fingerprint`, the token's digest. */
export function captureIdOf(tabId: number | null, fingerprint: string): string {
  return `${tabId ?? 'paste'}:${fingerprint}`;
}

const CAPTURE_ID_LIST = /^(paste|\d+):/;

/** The list a capture is kept in, read from its id; null for an id not made by captureIdOf. */
export function captureKeyOfId(captureId: string): string | null {
  const match = CAPTURE_ID_LIST.exec(captureId);
  if (!match) return null;
  return captureKey(match[1] === 'paste' ? null : Number(match[1]));
}

/** The tab a list key belongs to; null for the pastes' key or a key that is not a tab's. */
export function tabIdOfKey(key: string): number | null {
  const match = TAB_KEY.exec(key);
  return match ? Number(match[1]) : null;
}

/**
 * Whether a key of the area holds something the popup shows: a capture list, or the published
 * settings view. The rest (clear times, login timelines, the auto-verify record) it never reads.
 */
export function isPopupDataKey(key: string): boolean {
  return key.startsWith(CAPTURE_KEY_PREFIX) || key === SETTINGS_VIEW_KEY;
}

/** What `storage.onChanged` reports of an area: each changed key's new value, absent when removed. */
export type AreaChanges = Record<string, { newValue?: unknown }>;

/** The items of an area once `changes` are applied: each carries its key's whole new value. */
export function withChanges(items: Record<string, unknown>, changes: AreaChanges): Record<string, unknown> {
  const next = { ...items };
  for (const [key, change] of Object.entries(changes)) {
    if ('newValue' in change) next[key] = change.newValue;
    else delete next[key];
  }
  return next;
}

export function isCaptureList(value: unknown): value is Capture[] {
  return Array.isArray(value);
}

/** Every capture list among the items of the area, by key. */
export function captureListsIn(items: Record<string, unknown>): Map<string, Capture[]> {
  const lists = new Map<string, Capture[]>();
  for (const [key, value] of Object.entries(items)) {
    if (key.startsWith(CAPTURE_KEY_PREFIX) && isCaptureList(value)) lists.set(key, value);
  }
  return lists;
}

/** The newest captures of every list except `tabId`'s, newest first. */
export function capturesElsewhere(lists: ReadonlyMap<string, Capture[]>, tabId: number | null): Capture[] {
  const own = captureKey(tabId);
  return [...lists.entries()]
    .filter(([key]) => key !== own)
    .flatMap(([, captures]) => captures)
    .sort((a, b) => b.capturedAt - a.capturedAt)
    .slice(0, MAX_ELSEWHERE);
}

/**
 * What the popup lists, from everything in the area: the tab's captures and the others, each
 * without results made under verification settings other than `fingerprint`'s (a stale "valid"
 * is never shown as current). No tab (a page opened without one) has no captures of its own.
 */
export function capturesView(items: Record<string, unknown>, tabId: number | null, fingerprint: string): CapturesView {
  const lists = captureListsIn(items);
  return {
    currentTab: withCurrentVerification(tabId === null ? [] : (lists.get(captureKey(tabId)) ?? []), fingerprint),
    elsewhere: withCurrentVerification(capturesElsewhere(lists, tabId), fingerprint),
  };
}

/** What the popup shows first, read from `storage.session` alone. */
export interface StoredPopupData {
  settings: SettingsView;
  view: CapturesView;
}

/**
 * The settings view the background published and the captures filtered by it; null when no view
 * is published yet, and the page must ask the background.
 */
export function storedPopupData(items: Record<string, unknown>, tabId: number | null): StoredPopupData | null {
  const settings = readPublishedSettingsView(items[SETTINGS_VIEW_KEY]);
  return settings && { settings, view: capturesView(items, tabId, settings.verification.fingerprint) };
}
