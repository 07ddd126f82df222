import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { createCaptureStore, type SessionArea } from './capture-store';
import { createSettingsStore, type LocalArea } from './settings-store';
import { createSettingsViewPublisher } from './settings-view-publisher';
import { DEFAULT_SETTINGS } from '../shared/settings';
import { SETTINGS_VIEW_KEY, settingsView } from '../shared/settings-view';
import { storedPopupData } from '../shared/stored-captures';
import { FIXTURE_TOKENS, makeCapture, verifiedValid } from '../test-support/fixtures';
import { inChromeStorage } from '../test-support/chrome-storage-order';

const session = () => fakeBrowser.storage.session as unknown as SessionArea;
const CLIENT_ID = 'SECRET-CLIENT-ID';

describe('the settings view published in storage.session', () => {
  let settings: ReturnType<typeof createSettingsStore>;
  let publisher: ReturnType<typeof createSettingsViewPublisher>;

  beforeEach(async () => {
    fakeBrowser.reset();
    settings = createSettingsStore(fakeBrowser.storage.local as unknown as LocalArea);
    await settings.save({
      ...DEFAULT_SETTINGS,
      verification: { ...DEFAULT_SETTINGS.verification, clientId: CLIENT_ID, endpoint: 'https://svc.example/x' },
    });
    publisher = createSettingsViewPublisher({ settings, session: session() });
  });

  it('is the view of the settings in force, and carries no ClientID', async () => {
    await publisher.publish();
    const everything = await fakeBrowser.storage.session.get(null);
    expect(everything[SETTINGS_VIEW_KEY]).toEqual(settingsView(await settings.get()));
    expect(JSON.stringify(everything)).not.toContain(CLIENT_ID);
  });

  it('follows a change, whatever order publications were asked in, and does not rewrite an unchanged view', async () => {
    const first = publisher.publish();
    await settings.save({ ...(await settings.get()), language: 'en' });
    const second = publisher.publish();
    await Promise.all([first, second]);
    expect(await fakeBrowser.storage.session.get(SETTINGS_VIEW_KEY)).toEqual({
      [SETTINGS_VIEW_KEY]: expect.objectContaining({ language: 'en' }),
    });
    const set = vi.spyOn(fakeBrowser.storage.session, 'set');
    await publisher.publish();
    expect(set).not.toHaveBeenCalled();
  });

  it('does not rewrite an unchanged view that Chrome hands back with its keys in another order', async () => {
    const written: string[][] = [];
    const chromePublisher = createSettingsViewPublisher({ settings, session: inChromeStorage(session(), written) });
    await chromePublisher.publish();
    expect(written).toEqual([[SETTINGS_VIEW_KEY]]);
    await chromePublisher.publish();
    expect(written).toHaveLength(1);
  });

  it('never rejects: a page can still ask the background', async () => {
    const failing = createSettingsViewPublisher({
      settings,
      session: { ...session(), set: async () => Promise.reject(new Error('quota')) },
    });
    await expect(failing.publish()).resolves.toBeUndefined();
  });

  it('is what the popup reads beside the captures, agreeing with the background’s own listing', async () => {
    const store = createCaptureStore(session());
    const fingerprint = settingsView(await settings.get()).verification.fingerprint;
    const verified = makeCapture(FIXTURE_TOKENS.valid, { tabId: 7 });
    const elsewhere = makeCapture(FIXTURE_TOKENS.expired, { tabId: 9 });
    await store.add(verified);
    await store.add(elsewhere);
    await store.setVerification(verified.id, 7, { result: verifiedValid(), settingsFingerprint: fingerprint });
    await store.setVerification(elsewhere.id, 9, { result: verifiedValid(), settingsFingerprint: 'other-settings' });
    await publisher.publish();

    const read = storedPopupData(await fakeBrowser.storage.session.get(null), 7);
    expect(read?.settings).toEqual(settingsView(await settings.get()));
    expect(read?.view).toEqual(await store.view(7, fingerprint));
    expect(read?.view.currentTab[0]?.verification?.result).toEqual(verifiedValid());
    expect(read?.view.elsewhere[0]?.verification).toBeUndefined();
  });
});
