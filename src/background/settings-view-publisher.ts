/**
 * Keeps the popup's view of the settings (no ClientID) in `storage.session`, so that the popup
 * reads it there at once instead of waking a stopped worker and asking. The background publishes
 * it whenever the settings or the policy may have changed, and at install and start-up (the area
 * is emptied when the browser closes).
 */
import { SETTINGS_VIEW_KEY, settingsView } from '../shared/settings-view';
import { sameStoredValue } from '../shared/same-stored-value';
import type { SessionArea } from './capture-store';
import type { SettingsStore } from './settings-store';

export function createSettingsViewPublisher(deps: { settings: Pick<SettingsStore, 'get'>; session: SessionArea }) {
  const { settings, session } = deps;
  // One publication at a time, each reading the settings when its turn comes: the last one to
  // run wrote what is in force, whatever order the changes that asked for them came in.
  let tail: Promise<unknown> = Promise.resolve();

  async function publishNow(): Promise<void> {
    const [view, stored] = await Promise.all([
      settings.get().then(settingsView),
      session.get(SETTINGS_VIEW_KEY).then((items) => items[SETTINGS_VIEW_KEY]),
    ]);
    // Unchanged, it is not written again: every write wakes the listeners of every open page.
    if (sameStoredValue(stored, view)) return;
    await session.set({ [SETTINGS_VIEW_KEY]: view });
  }

  return {
    /** Writes the view of the settings in force now; never rejects (the popup can still ask). */
    publish(): Promise<void> {
      const next = tail.then(publishNow).catch(() => undefined);
      tail = next;
      return next;
    },
  };
}

export type SettingsViewPublisher = ReturnType<typeof createSettingsViewPublisher>;
