/**
 * Settings in `storage.local` under one key, read through `parseSettings` every time so a
 * damaged or old value is migrated and validated rather than trusted.
 */
import { parseSettings, type Settings } from '../shared/settings';

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
    /** Saves what validates; returns what was actually stored. */
    async save(candidate: unknown): Promise<Settings> {
      const settings = parseSettings(candidate);
      await area.set({ [SETTINGS_KEY]: settings });
      return settings;
    },
  };
}

export type SettingsStore = ReturnType<typeof createSettingsStore>;
