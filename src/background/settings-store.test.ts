import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from '../shared/settings';
import { settingsCandidate } from '../test-support/settings';
import { createSettingsStore, type LocalArea } from './settings-store';

/** `storage.local` in memory. Values are cloned on the way in and out, as the real one serialises them. */
function fakeArea(initial: Record<string, unknown> = {}) {
  const items = structuredClone(initial);
  let writes = 0;
  const area: LocalArea = {
    async get(key) {
      return key in items ? { [key]: structuredClone(items[key]) } : {};
    },
    async set(next) {
      writes += 1;
      Object.assign(items, structuredClone(next));
    },
  };
  return { area, items, writes: () => writes };
}

const STORED: Settings = {
  ...DEFAULT_SETTINGS,
  verification: {
    ...DEFAULT_SETTINGS.verification,
    clientId: 'STORED-CLIENT-1234',
    endpoint: 'https://diwinfo.diw.go.th/DiwAppChk/DiwAppChk',
  },
  captureSites: ['http://10.1.2.3:8080'],
};

describe('settings store', () => {
  it('refuses a ClientID longer than 512 characters, writes nothing, and keeps the stored one', async () => {
    const { area, writes } = fakeArea({ settings: STORED });
    const store = createSettingsStore(area);
    const result = await store.save({ ...STORED, verification: { ...STORED.verification, clientId: 'N'.repeat(513) } });
    expect(result).toEqual({
      ok: false,
      error: {
        th: 'การตั้งค่าไม่ถูกต้อง จึงไม่ได้บันทึกอะไรเลย: ClientID: ยาวเกิน 512 ตัวอักษร',
        en: 'the settings are not valid, so nothing was stored: ClientID: longer than 512 characters',
      },
    });
    expect(writes()).toBe(0);
    expect((await store.get()).verification.clientId).toBe('STORED-CLIENT-1234');
  });

  it('refuses a javascript: endpoint rather than store it', async () => {
    const { area, writes } = fakeArea({ settings: STORED });
    const store = createSettingsStore(area);
    const result = await store.save({
      ...STORED,
      verification: { ...STORED.verification, endpoint: 'javascript:alert(1)' },
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.en).toContain(
      'Service address (endpoint): must be empty, or an http:// or https:// address',
    );
    expect(writes()).toBe(0);
    expect((await store.get()).verification.endpoint).toBe(STORED.verification.endpoint);
  });

  it('stores valid settings and returns what it stored, trimmed', async () => {
    const { area } = fakeArea();
    const store = createSettingsStore(area);
    const result = await store.save({ ...STORED, verification: { ...STORED.verification, clientId: ' NEW-CLIENT ' } });
    expect(result.ok && result.value.verification.clientId).toBe('NEW-CLIENT');
    expect(await store.get()).toEqual(result.ok && result.value);
  });

  it('property: a candidate is either refused with the store unchanged, or stored as parseSettings reads it back', async () => {
    let stored = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof({ weight: 5, arbitrary: settingsCandidate() }, { weight: 1, arbitrary: fc.anything() }),
        async (candidate) => {
          const { area, items, writes } = fakeArea({ settings: STORED });
          const store = createSettingsStore(area);
          const result = await store.save(candidate);
          if (!result.ok) {
            expect(writes()).toBe(0);
            expect(items).toEqual({ settings: STORED });
            expect(result.error.en).toMatch(/^the settings are not valid, so nothing was stored: \S/);
            expect(result.error.th).toMatch(/^การตั้งค่าไม่ถูกต้อง จึงไม่ได้บันทึกอะไรเลย: \S/);
            return;
          }
          stored += 1;
          expect(items.settings).toEqual(result.value);
          expect(parseSettings(items.settings)).toEqual(items.settings);
          expect(await store.get()).toEqual(result.value);
        },
      ),
      { numRuns: 400 },
    );
    // Both branches must have been exercised for the property to say anything.
    expect(stored).toBeGreaterThan(40);
  });
});

describe('settings store with an organisation policy', () => {
  const managedArea = (policy: Record<string, unknown>) => ({ get: async () => structuredClone(policy) });

  it('gives the policy values in force over the stored ones', async () => {
    const { area } = fakeArea({ settings: STORED });
    const store = createSettingsStore(area, managedArea({ clientId: 'ORG-CLIENT-9', autoVerify: false }));
    const inForce = await store.get();
    expect(inForce.verification.clientId).toBe('ORG-CLIENT-9');
    expect(inForce.verification.autoVerify).toBe(false);
    expect(inForce.verification.endpoint).toBe(STORED.verification.endpoint);
  });

  it('cannot be overridden by a save: the locked field keeps its stored local value, the rest is saved', async () => {
    const { area, items } = fakeArea({ settings: STORED });
    const store = createSettingsStore(area, managedArea({ clientId: 'ORG-CLIENT-9' }));
    const candidate = {
      ...STORED,
      verification: { ...STORED.verification, clientId: 'PERSON-TRIES-THIS', timeoutMs: 30_000 },
    };
    const saved = await store.save(candidate);
    expect(saved.ok && saved.value.verification.clientId).toBe('ORG-CLIENT-9');
    expect(saved.ok && saved.value.verification.timeoutMs).toBe(30_000);
    const stored = items.settings as Settings;
    expect(stored.verification.clientId).toBe('STORED-CLIENT-1234');
    expect((await store.get()).verification.clientId).toBe('ORG-CLIENT-9');
  });

  it('works on without a policy when the browser refuses to read one (Firefox with no policy)', async () => {
    const { area } = fakeArea({ settings: STORED });
    const store = createSettingsStore(area, {
      get: async () => {
        throw new Error('Managed storage manifest not found');
      },
    });
    expect(await store.get()).toEqual(STORED);
    expect((await store.policy()).keys).toEqual([]);
  });

  it('applies the policy language only while the person has not stored one', async () => {
    const policy = managedArea({ defaultLanguage: 'en' });
    expect((await createSettingsStore(fakeArea().area, policy).get()).language).toBe('en');
    const chosen = fakeArea({ settings: { ...STORED, language: 'th' } });
    expect((await createSettingsStore(chosen.area, policy).get()).language).toBe('th');
  });
});

describe('settings store: what it has read, it keeps until a change', () => {
  /** Areas that count their reads, and a storage.onChanged the test fires. */
  function watchedAreas() {
    const local = fakeArea({ settings: STORED });
    let localReads = 0;
    let managedReads = 0;
    let policy: Record<string, unknown> = { autoVerify: false };
    const listeners: Array<(changes: Record<string, unknown>, areaName: string) => void> = [];
    const store = createSettingsStore(
      {
        get: (key) => ((localReads += 1), local.area.get(key)),
        set: (items) => local.area.set(items),
      },
      { get: async () => ((managedReads += 1), structuredClone(policy)) },
      (listener) => listeners.push(listener),
    );
    return {
      store,
      local,
      reads: () => ({ local: localReads, managed: managedReads }),
      setPolicy: (next: Record<string, unknown>) => (policy = next),
      change: (changes: Record<string, unknown>, areaName: string) => listeners.forEach((l) => l(changes, areaName)),
    };
  }

  it('reads each area once for any number of gets, and again after either reports a change', async () => {
    const { store, local, reads, setPolicy, change } = watchedAreas();
    await Promise.all([store.get(), store.get(), store.policy()]);
    await store.get();
    expect(reads()).toEqual({ local: 1, managed: 1 });

    // Another key of storage.local changing says nothing about the settings.
    change({ 'other-key': {} }, 'local');
    await store.get();
    expect(reads()).toEqual({ local: 1, managed: 1 });

    local.items.settings = { ...STORED, language: 'en' };
    change({ settings: {} }, 'local');
    expect((await store.get()).language).toBe('en');

    setPolicy({ autoVerify: true });
    change({ autoVerify: {} }, 'managed');
    expect((await store.get()).verification.autoVerify).toBe(true);
    expect(reads()).toEqual({ local: 3, managed: 3 });
  });

  it('gives what it saved at once, without waiting for the change event', async () => {
    const { store } = watchedAreas();
    await store.get();
    const saved = await store.save({ ...STORED, language: 'en' });
    expect(saved.ok).toBe(true);
    expect((await store.get()).language).toBe('en');
  });

  it('keeps no failed read: the next get reads again', async () => {
    let fail = true;
    const store = createSettingsStore(
      {
        get: async (key) => {
          if (fail) throw new Error('storage is not ready');
          return fakeArea({ settings: STORED }).area.get(key);
        },
        set: async () => undefined,
      },
      undefined,
      () => undefined,
    );
    await expect(store.get()).rejects.toThrow('storage is not ready');
    fail = false;
    expect(await store.get()).toEqual(STORED);
  });
});
