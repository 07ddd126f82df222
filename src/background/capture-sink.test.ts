import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { createCaptureStore, type SessionArea } from './capture-store';
import { createCaptureIntake } from './capture-intake';
import { createCaptureSink } from './capture-sink';
import { createAfterPageLoad } from './after-page-load';
import { createSettingsStore, type LocalArea } from './settings-store';
import { CANDIDATE, CAPTURE_SITE } from '../test-support/handlers-harness';

const TAB = 7;

/** The sink as the worker builds it, over fake storage, with a page-load wait the test ends by hand. */
function setUp() {
  fakeBrowser.reset();
  let clock = 1_000;
  const now = () => clock;
  const tick = (ms: number) => (clock += ms);
  const store = createCaptureStore(fakeBrowser.storage.session as unknown as SessionArea);
  const settings = createSettingsStore(fakeBrowser.storage.local as unknown as LocalArea, undefined, () => {});
  const afterPageLoad = createAfterPageLoad({ setTimeout: () => 0, clearTimeout: () => {} });
  const autoVerify = vi.fn(async () => 'off' as const);
  const refreshBadge = vi.fn(async (_tabId: number) => undefined);
  const sink = createCaptureSink({
    ready: Promise.resolve(),
    settings,
    intake: createCaptureIntake({ store, now }),
    verification: { autoVerify },
    refreshBadge,
    hygiene: { attachTimeline: async () => undefined },
    afterPageLoad,
    now,
  });
  const sighting = { tabId: TAB, url: CAPTURE_SITE, candidates: [CANDIDATE] };
  return { store, sink, afterPageLoad, sighting, tick, now, autoVerify, refreshBadge };
}

describe('the capture sink while the tab’s page loads', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps, badges and verifies a login’s token once the page has loaded, not before', async () => {
    const { store, sink, afterPageLoad, sighting, autoVerify, refreshBadge } = setUp();
    afterPageLoad.started(TAB);
    const recorded = sink.recordIfCaptureSite(sighting, CAPTURE_SITE);
    await new Promise((done) => setTimeout(done, 10));
    expect(await store.forTab(TAB)).toEqual([]);
    expect(autoVerify).not.toHaveBeenCalled();
    afterPageLoad.finished(TAB);
    expect(await recorded).toHaveLength(1);
    expect(await store.forTab(TAB)).toHaveLength(1);
    expect(refreshBadge).toHaveBeenCalledWith(TAB);
    expect(autoVerify).toHaveBeenCalledTimes(1);
  });

  it('a Clear all pressed while the token waited wins: the token is not kept afterwards', async () => {
    const { store, sink, afterPageLoad, sighting, tick, now, autoVerify } = setUp();
    afterPageLoad.started(TAB);
    const recorded = sink.recordIfCaptureSite(sighting, CAPTURE_SITE);
    tick(5);
    await store.clearAll(now());
    tick(5);
    afterPageLoad.finished(TAB);
    expect(await recorded).toEqual([]);
    expect(await store.forTab(TAB)).toEqual([]);
    expect(autoVerify).not.toHaveBeenCalled();
  });

  it('a tab closed while its token waited: the token is never kept', async () => {
    const { store, sink, afterPageLoad, sighting, autoVerify } = setUp();
    afterPageLoad.started(TAB);
    void sink.recordIfCaptureSite(sighting, CAPTURE_SITE);
    afterPageLoad.closed(TAB);
    await new Promise((done) => setTimeout(done, 10));
    expect(await store.forTab(TAB)).toEqual([]);
    expect(autoVerify).not.toHaveBeenCalled();
  });
});
