/**
 * Where a tab's login timeline is kept in `storage.session`, shared by the background that
 * writes it and the DevTools panel that reads it. The panel reads storage directly (an extension
 * page may): it follows a login live through `storage.onChanged`, with no message to ask again.
 */
import type { TimelineHop } from '../domain/login-timeline';

/** Every key of the timelines starts so: each tab's, and the recorder's index of them. */
export const TIMELINE_KEY_PREFIX = 'timeline:';
const TIMELINE_PREFIX = `${TIMELINE_KEY_PREFIX}tab:`;

export function timelineKey(tabId: number): string {
  return `${TIMELINE_PREFIX}${tabId}`;
}

/**
 * What a tab's callback page reported at idle, kept until the capture of its token is stored (the
 * page can be quicker than the capture), with the capture ids of the tokens its URL held.
 */
export function pageReportKey(tabId: number): string {
  return `${TIMELINE_KEY_PREFIX}page:${tabId}`;
}

/** A stored timeline as a list of hops; anything else (nothing stored yet) is an empty one. */
export function readTimeline(stored: unknown): TimelineHop[] {
  return Array.isArray(stored) ? (stored as TimelineHop[]) : [];
}
