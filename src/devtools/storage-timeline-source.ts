/**
 * The timeline as the background keeps it, read straight from `storage.session` (an extension
 * page may read it; content scripts may not), and followed through `storage.onChanged`.
 */
import browser from '../shared/browser';
import { readTimeline, timelineKey } from '../shared/timeline';
import type { TimelineSource } from './use-timeline';

export const storageTimelineSource: TimelineSource = {
  async read(tabId) {
    const key = timelineKey(tabId);
    return readTimeline((await browser.storage.session.get(key))[key]);
  },
  watch(tabId, onChange) {
    const key = timelineKey(tabId);
    const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'session' && key in changes) onChange(readTimeline(changes[key]!.newValue));
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  },
};
