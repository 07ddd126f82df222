import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { createCaptureStore, type CaptureStore, type SessionArea } from './capture-store';
import { captureIdFor, createCaptureIntake } from './capture-intake';
import { createTimelineRecorder, type TimelineRecorder } from './timeline-recorder';
import { createTokenHygiene, type TokenHygieneDeps, type TokenHygieneService } from './token-hygiene-service';
import { hygieneFindings } from '../domain/token-hygiene';
import { makeToken, samplePayload } from '../test-support/tokens';
import { inChromeStorage } from '../test-support/chrome-storage-order';

const TOKEN = makeToken(samplePayload());
const SSO = 'http://127.0.0.1:18081';
const APP = 'http://127.0.0.1:18082';
const TAB = 4;
const CALLBACK = `${APP}/callback/broken?token=${TOKEN}`;

describe('token hygiene on the capture', () => {
  let store: CaptureStore;
  let recorder: TimelineRecorder;
  let hygiene: TokenHygieneService;
  let tabUrl = '';
  const capture = () =>
    createCaptureIntake({ store, now: () => 1 }).record({
      tabId: TAB,
      url: CALLBACK,
      candidates: [{ location: 'query', parameter: 'token', value: TOKEN }],
    });

  beforeEach(() => {
    fakeBrowser.reset();
    const area = fakeBrowser.storage.session as unknown as SessionArea;
    store = createCaptureStore(area);
    tabUrl = CALLBACK;
    hygiene = createTokenHygiene({
      area,
      store,
      captureIdFor,
      hops: (tabId) => recorder.hops(tabId),
      tabUrl: async () => tabUrl,
    });
    recorder = createTimelineRecorder({
      area,
      isCaptureSite: async () => true,
      captureIdFor,
      onTokenHop: (tabId) => hygiene.attachTimeline(tabId),
      withClearedAt: store.withClearedAt,
    });
  });

  /** Hops recorded without attaching them, so that an attach after them has them to add. */
  const recorderThatDoesNotAttach = (area: SessionArea) =>
    createTimelineRecorder({
      area,
      isCaptureSite: async () => true,
      captureIdFor,
      onTokenHop: async () => {},
      withClearedAt: store.withClearedAt,
    });

  /** The service, reading the tab's hops through `hops`. */
  const hygieneReadingHops = (area: SessionArea, hops: TokenHygieneDeps['hops']) =>
    createTokenHygiene({ area, store, captureIdFor, hops, tabUrl: async () => tabUrl });

  /** A capture and its login's hops, recorded without attaching them, so that an attach has them to add. */
  async function capturedWithHopsNotAttached(): Promise<SessionArea> {
    const area = fakeBrowser.storage.session as unknown as SessionArea;
    recorder = recorderThatDoesNotAttach(area);
    await capture();
    await brokenCallback();
    return area;
  }

  async function brokenCallback() {
    await recorder.started({ requestId: 'r', tabId: TAB, timeStamp: 1, url: `${SSO}/authorize`, method: 'GET' });
    await recorder.redirected({ requestId: 'r', tabId: TAB, timeStamp: 2, statusCode: 302, redirectUrl: CALLBACK });
    await recorder.started({ requestId: 'r', tabId: TAB, timeStamp: 3, url: CALLBACK, method: 'GET' });
    await recorder.completed({
      requestId: 'r',
      tabId: TAB,
      timeStamp: 4,
      statusCode: 500,
      responseHeaders: [{ name: 'Referrer-Policy', value: 'unsafe-url' }],
    });
  }

  it('the hops reach a capture stored before they were answered', async () => {
    await capture();
    await brokenCallback();
    const [stored] = await store.forTab(TAB);
    expect(stored!.hygiene?.hops).toEqual([
      { places: ['location'], url: `${SSO}/authorize`, status: 302 },
      { places: ['query'], url: `${APP}/callback/broken?token=[token]`, status: 500 },
    ]);
  });

  it('and a capture stored after the hops were answered (the sink attaches them then)', async () => {
    await brokenCallback();
    await capture();
    expect((await store.forTab(TAB))[0]!.hygiene).toBeUndefined();
    await hygiene.attachTimeline(TAB);
    expect((await store.forTab(TAB))[0]!.hygiene?.hops).toHaveLength(2);
  });

  it('a page report is kept only for a token still in the tab’s URL, from the top frame', async () => {
    await capture();
    await brokenCallback();
    const report = { referrerPolicy: '', resourceOrigins: [`${SSO}/logo.svg`] };
    expect(await hygiene.recordPageReport(TAB, 1, report)).toBe(0);
    tabUrl = `${APP}/callback/broken`;
    expect(await hygiene.recordPageReport(TAB, 0, report)).toBe(0);
    tabUrl = CALLBACK;
    expect(await hygiene.recordPageReport(TAB, 0, report)).toBe(1);
    const [stored] = await store.forTab(TAB);
    // The page set no policy in a <meta>: the Referrer-Policy header its hop answered with counts.
    expect(stored!.hygiene?.page).toEqual({ pageOrigin: APP, referrerPolicy: 'unsafe-url', resourceOrigins: [SSO] });
    expect(hygieneFindings(stored!.hygiene, undefined).map((f) => f.code)).toEqual([
      'app-token-left-in-url',
      'app-token-in-query',
      'app-token-to-other-origins',
    ]);
  });

  it('a report that comes before its capture is stored waits for it', async () => {
    await brokenCallback();
    expect(await hygiene.recordPageReport(TAB, 0, { referrerPolicy: '', resourceOrigins: [] })).toBe(0);
    await capture();
    await hygiene.attachTimeline(TAB);
    const [stored] = await store.forTab(TAB);
    expect(stored!.hygiene?.page).toEqual({ pageOrigin: APP, referrerPolicy: 'unsafe-url', resourceOrigins: [] });
    expect(stored!.hygiene?.hops).toHaveLength(2);
  });

  it('a page report that lands while the hops are being attached is kept', async () => {
    await capturedWithHopsNotAttached();
    const attached = hygiene.attachTimeline(TAB);
    expect(await hygiene.recordPageReport(TAB, 0, { referrerPolicy: '', resourceOrigins: [SSO] })).toBe(1);
    await attached;
    const [stored] = await store.forTab(TAB);
    expect(stored!.hygiene?.hops).toHaveLength(2);
    expect(stored!.hygiene?.page?.resourceOrigins).toEqual([SSO]);
  });

  it('writes a tab’s captures once per attach, and not at all when nothing changed, as Chrome hands them back', async () => {
    const written: string[][] = [];
    const area = inChromeStorage(fakeBrowser.storage.session as unknown as SessionArea, written);
    store = createCaptureStore(area);
    hygiene = createTokenHygiene({
      area,
      store,
      captureIdFor,
      hops: (tabId) => recorder.hops(tabId),
      tabUrl: async () => tabUrl,
    });
    recorder = recorderThatDoesNotAttach(area);
    await capture();
    await brokenCallback();
    written.length = 0;
    await hygiene.attachTimeline(TAB);
    expect(written).toEqual([[`captures:tab:${TAB}`]]);
    await hygiene.attachTimeline(TAB);
    expect(written).toHaveLength(1);
    expect((await store.forTab(TAB))[0]!.hygiene?.hops).toHaveLength(2);
  });

  it('shares one attach among the asks that come before it starts; an ask after it starts gets one of its own', async () => {
    const area = await capturedWithHopsNotAttached();
    let reads = 0;
    let started = () => {};
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    hygiene = hygieneReadingHops(area, async (tabId) => {
      reads += 1;
      started();
      await gate;
      return recorder.hops(tabId);
    });
    const asks = [hygiene.attachTimeline(TAB), hygiene.attachTimeline(TAB), hygiene.attachTimeline(TAB)];
    await new Promise<void>((resolve) => (started = resolve));
    // Asked once the shared attach has read the hops: what was recorded meanwhile needs a read of its own.
    asks.push(hygiene.attachTimeline(TAB), hygiene.attachTimeline(TAB));
    release();
    await Promise.all(asks);
    expect(reads).toBe(2);
    expect((await store.forTab(TAB))[0]!.hygiene?.hops).toHaveLength(2);
  });

  it('an attach that fails does not hold back the next', async () => {
    const area = await capturedWithHopsNotAttached();
    let fail = true;
    hygiene = hygieneReadingHops(area, async (tabId) => {
      if (fail) throw new Error('storage failed');
      return recorder.hops(tabId);
    });
    await expect(hygiene.attachTimeline(TAB)).rejects.toThrow('storage failed');
    fail = false;
    await hygiene.attachTimeline(TAB);
    expect((await store.forTab(TAB))[0]!.hygiene?.hops).toHaveLength(2);
  });

  it('a report about another tab’s token, or with a token only the page claims, is dropped', async () => {
    await capture();
    tabUrl = `${APP}/callback?token=${makeToken(samplePayload({ username: 'other' }))}`;
    expect(await hygiene.recordPageReport(TAB, 0, { referrerPolicy: 'unsafe-url', resourceOrigins: [SSO] })).toBe(0);
    expect(await hygiene.recordPageReport(TAB + 1, 0, { referrerPolicy: 'unsafe-url', resourceOrigins: [SSO] })).toBe(
      0,
    );
    expect((await store.forTab(TAB))[0]!.hygiene).toBeUndefined();
  });
});
