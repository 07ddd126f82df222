/**
 * Settings: the person's own in `storage.local` under one key, and the organisation's policy in
 * `storage.managed`, both read through their parsers so that a damaged, old or malformed value is
 * migrated, validated or named rather than trusted. `get` gives the settings in force: the
 * policy's values over the person's.
 *
 * What was read is kept until either area reports a change (or this store saves): every Verify
 * and every capture asks for the settings, and reading two storage areas costs milliseconds a
 * person waits for. A worker that starts again reads afresh.
 */
import type { ActionResult } from '../shared/messages';
import {
  NO_POLICY,
  applyManagedPolicy,
  localPartOf,
  readManagedPolicy,
  withoutManagedClientId,
  type ManagedPolicy,
} from '../shared/managed-policy';
import {
  describeSettingsProblems,
  languageRule,
  parseSettings,
  validateSettings,
  type Settings,
} from '../shared/settings';

const SETTINGS_KEY = 'settings';

export interface LocalArea {
  get(keys: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export interface ManagedArea {
  get(): Promise<Record<string, unknown>>;
}

/**
 * The policy, or none. Firefox rejects `storage.managed.get()` when no policy names the
 * extension, and Chrome when the build has no schema: both mean "no policy".
 */
async function readPolicy(managed: ManagedArea | undefined): Promise<ManagedPolicy> {
  if (!managed) return NO_POLICY;
  try {
    return readManagedPolicy(await managed.get());
  } catch {
    return NO_POLICY;
  }
}

/** How the store hears that an area changed: each settings area's `onChanged`, or nothing in tests that never change it. */
export type WatchStorage = (listener: (changes: Record<string, unknown>, areaName: string) => void) => void;

export function createSettingsStore(local: LocalArea, managed?: ManagedArea, watch?: WatchStorage) {
  async function readLocal(): Promise<{ settings: Settings; personChoseLanguage: boolean }> {
    const stored = (await local.get(SETTINGS_KEY))[SETTINGS_KEY];
    const storedLanguage =
      typeof stored === 'object' && stored !== null ? (stored as { language?: unknown }).language : undefined;
    return { settings: parseSettings(stored), personChoseLanguage: languageRule(storedLanguage).ok };
  }

  /** The settings in force and the policy behind them, from one read of each area. */
  async function readBothAreas(): Promise<{ settings: Settings; policy: ManagedPolicy }> {
    const [own, policy] = await Promise.all([readLocal(), readPolicy(managed)]);
    return { settings: applyManagedPolicy(own.settings, policy, own.personChoseLanguage), policy };
  }

  // A read under way or done, until a change. A read that fails is not kept: the next one retries.
  let kept: Promise<{ settings: Settings; policy: ManagedPolicy }> | null = null;
  const forget = () => {
    kept = null;
  };
  function readInForce(): Promise<{ settings: Settings; policy: ManagedPolicy }> {
    if (!kept) {
      const reading = readBothAreas();
      kept = reading;
      reading.catch(() => {
        if (kept === reading) forget();
      });
    }
    return kept;
  }
  watch?.((changes, areaName) => {
    if (areaName === 'managed' || (areaName === 'local' && SETTINGS_KEY in changes)) forget();
  });

  return {
    /** The settings in force: the organisation's policy over the person's own. */
    async get(): Promise<Settings> {
      return (await readInForce()).settings;
    },
    /** The settings in force as the options page may have them: without a ClientID the policy set. */
    async forOptionsPage(): Promise<Settings> {
      const { settings, policy } = await readInForce();
      return withoutManagedClientId(settings, policy);
    },
    /** What the organisation set, and what in its policy could not be used. */
    async policy(): Promise<ManagedPolicy> {
      return (await readInForce()).policy;
    },
    /**
     * Stores the candidate only if every field is valid (`validateSettings`), and returns the
     * settings now in force. A refused candidate writes nothing: reading it leniently instead would
     * replace each bad field by its default, and a ClientID one character too long would wipe the
     * stored one. Fields the policy sets keep their stored local value (see `localPartOf`).
     */
    async save(candidate: unknown): Promise<ActionResult<Settings>> {
      const checked = validateSettings(candidate);
      if (!checked.ok) return { ok: false, error: describeSettingsProblems(checked.problems) };
      const [own, policy] = await Promise.all([readLocal(), readPolicy(managed)]);
      const toStore = localPartOf(checked.settings, own.settings, policy);
      // Forgotten before the write as well as after: a read between the two must not be kept.
      forget();
      await local.set({ [SETTINGS_KEY]: toStore });
      forget();
      return { ok: true, value: applyManagedPolicy(toStore, policy, true) };
    },
  };
}

export type SettingsStore = ReturnType<typeof createSettingsStore>;
