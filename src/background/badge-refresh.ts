/**
 * Sets a tab's badge from its newest capture. The browser's action API is handed in, so the
 * badge can be tested without a browser, and nothing is kept between calls.
 */
import type { CaptureStore } from './capture-store';
import { badgeFor } from './badge';

/** The part of `browser.action` the badge uses. */
export interface BadgeAction {
  setBadgeText(details: { tabId: number; text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { tabId: number; color: string }): Promise<void>;
  setTitle(details: { tabId: number; title: string }): Promise<void>;
}

export function createBadgeRefresh(deps: {
  store: Pick<CaptureStore, 'forTab'>;
  action: BadgeAction;
  now: () => number;
}): (tabId: number) => Promise<void> {
  const { store, action, now } = deps;
  return async function refreshBadge(tabId: number): Promise<void> {
    const [newest] = await store.forTab(tabId);
    const badge = badgeFor(newest, now());
    try {
      await action.setBadgeText({ tabId, text: badge?.text ?? '' });
      if (badge) {
        await action.setBadgeBackgroundColor({ tabId, color: badge.colour });
        await action.setTitle({ tabId, title: badge.title });
      }
    } catch {
      // The tab closed between the capture and the badge: nothing to show it on.
    }
  };
}
