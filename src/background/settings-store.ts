/**
 * Settings in `storage.local` under one key, read through `parseSettings` every time so a
 * damaged or old value is migrated and validated rather than trusted.
 */
import type { ActionResult } from '../shared/messages';
import { describeSettingsProblems, parseSettings, validateSettings, type Settings } from '../shared/settings';

const SETTINGS_KEY = 'settings';

export interface LocalArea {
  get(keys: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export function createSettingsStore(area: LocalArea) {
  return {
    async get(): Promise<Settings> {
      return parseSettings((await area.get(SETTINGS_KEY))[SETTINGS_KEY]);
    },
    /**
     * Stores the candidate only if every field is valid (`validateSettings`), and returns what was
     * stored. A refused candidate writes nothing: reading it leniently instead would replace each
     * bad field by its default, and a ClientID one character too long would wipe the stored one.
     */
    async save(candidate: unknown): Promise<ActionResult<Settings>> {
      const checked = validateSettings(candidate);
      if (!checked.ok) return { ok: false, error: describeSettingsProblems(checked.problems) };
      await area.set({ [SETTINGS_KEY]: checked.settings });
      return { ok: true, value: checked.settings };
    },
  };
}

export type SettingsStore = ReturnType<typeof createSettingsStore>;
