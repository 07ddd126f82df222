import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { createTimelineRecorder, MAX_TIMELINE_TABS } from './timeline-recorder';
import { createCaptureStore, type SessionArea } from './capture-store';
import { captureIdFor } from './capture-intake';
import { MASKED, MAX_HOPS_PER_TAB } from '../domain/login-timeline';
import { timelineKey } from '../shared/timeline';
import { makeToken, samplePayload } from '../test-support/tokens';

const TOKEN = makeToken(samplePayload());
const SSO = 'http://127.0.0.1:18081';
const APP = 'http://127.0.0.1:18082';
const OTHER = 'http://10.9.9.9';
const TAB = 7;

function setUp() {
  fakeBrowser.reset();
  const area = fakeBrowser.storage.session as unknown as SessionArea;
  const onTokenHop = vi.fn(async (_tabId: number) => undefined);
  const store = createCaptureStore(area);
  const recorder = createTimelineRecorder({
    area,
    isCaptureSite: async (url) => !url.startsWith(OTHER),
    captureIdFor,
    onTokenHop,
    withClearedAt: store.withClearedAt,
  });
  return { area, store, recorder, onTokenHop };
}

/** A whole query login as the browser reports it: SSO page, SSO 302, the app's callback. */
async function queryLogin(recorder: ReturnType<typeof setUp>['recorder'], tabId = TAB, at = 1_000) {
  await recorder.started({
    requestId: 'r1',
    tabId,
    timeStamp: at,
    url: `${SSO}/authorize?user=somchai`,
    method: 'GET',
    type: 'main_frame',
  });
  await recorder.sentHeaders({
    requestId: 'r1',
    tabId,
    timeStamp: at + 1,
    requestHeaders: [
      { name: 'Cookie', value: 'sso=secret' },
      { name: 'Accept', value: 'text/html' },
    ],
  });
  await recorder.redirected({
    requestId: 'r1',
    tabId,
    timeStamp: at + 30,
    statusCode: 302,
    redirectUrl: `${APP}/callback?token=${TOKEN}`,
    responseHeaders: [
      { name: 'Location', value: `${APP}/callback?token=${TOKEN}` },
      { name: 'Set-Cookie', value: 'a=b' },
    ],
  });
  await recorder.started({
    requestId: 'r1',
    tabId,
    timeStamp: at + 31,
    url: `${APP}/callback?token=${TOKEN}`,
    method: 'GET',
    type: 'main_frame',
  });
  await recorder.completed({
    requestId: 'r1',
    tabId,
    timeStamp: at + 45,
    statusCode: 200,
    responseHeaders: [{ name: 'Content-Type', value: 'text/html' }],
  });
}

describe('the login timeline recorder', () => {
  let env: ReturnType<typeof setUp>;
  beforeEach(() => {
    env = setUp();
  });

  it('records a redirect chain as hops: status, time taken, where the token was, headers masked', async () => {
    await queryLogin(env.recorder);
    const hops = await env.recorder.hops(TAB);
    const id = await captureIdFor(TAB, TOKEN);
    expect(hops).toHaveLength(2);
    expect(hops[0]).toMatchObject({
      method: 'GET',
      url: `${SSO}/authorize?user=somchai`,
      status: 302,
      durationMs: 30,
      location: `${APP}/callback?token=[token]`,
      tokenPlaces: ['location'],
      tokenIds: [id],
      requestHeaders: [
        { name: 'Cookie', value: MASKED },
        { name: 'Accept', value: 'text/html' },
      ],
      responseHeaders: [
        { name: 'Location', value: `${APP}/callback?token=[token]` },
        { name: 'Set-Cookie', value: MASKED },
      ],
    });
    expect(hops[1]).toMatchObject({
      url: `${APP}/callback?token=[token]`,
      status: 200,
      durationMs: 14,
      tokenPlaces: ['query'],
      tokenIds: [id],
    });
    expect(JSON.stringify(await fakeBrowser.storage.session.get(null))).not.toContain(TOKEN.split('.')[1]);
    // Told of the token's hops: when each started and when each was answered.
    expect(env.onTokenHop).toHaveBeenCalledWith(TAB);
  });

  it('keeps the events in the order fired: a 302 that answers before the hop is written still finds it', async () => {
    const recorder = createTimelineRecorder({
      area: env.area,
      // A settings read slower than the redirect, as on loopback.
      isCaptureSite: () => new Promise((done) => setTimeout(() => done(true), 5)),
      captureIdFor,
      onTokenHop: async () => undefined,
      withClearedAt: env.store.withClearedAt,
    });
    await Promise.all([
      recorder.started({ requestId: 'r', tabId: TAB, timeStamp: 1, url: `${SSO}/authorize`, method: 'GET' }),
      recorder.redirected({ requestId: 'r', tabId: TAB, timeStamp: 2, statusCode: 302, redirectUrl: `${APP}/cb` }),
      recorder.started({ requestId: 'r', tabId: TAB, timeStamp: 3, url: `${APP}/cb`, method: 'GET' }),
      recorder.completed({ requestId: 'r', tabId: TAB, timeStamp: 4, statusCode: 200 }),
    ]);
    expect((await recorder.hops(TAB)).map((hop) => hop.status)).toEqual([302, 200]);
  });

  it('marks a form POST, a #fragment and a failure, and a frame as a frame', async () => {
    await env.recorder.started({
      requestId: 'p',
      tabId: TAB,
      timeStamp: 1,
      url: `${APP}/callback/form-post`,
      method: 'POST',
      type: 'main_frame',
      requestBody: { formData: { token: [TOKEN] } },
    });
    await env.recorder.started({
      requestId: 'f',
      tabId: TAB,
      timeStamp: 2,
      url: `${APP}/callback#access_token=${TOKEN}`,
      type: 'sub_frame',
    });
    await env.recorder.failed({ requestId: 'f', tabId: TAB, timeStamp: 9, error: 'net::ERR_CONNECTION_REFUSED' });
    const [post, frame] = await env.recorder.hops(TAB);
    expect(post).toMatchObject({ method: 'POST', tokenPlaces: ['form'], status: null });
    expect(frame).toMatchObject({
      frame: 'sub',
      tokenPlaces: ['fragment'],
      error: 'net::ERR_CONNECTION_REFUSED',
      durationMs: 7,
    });
  });

  it('records nothing off the capture sites, nor for requests of no tab, and ignores events of requests it did not record', async () => {
    await env.recorder.started({
      requestId: 'x',
      tabId: TAB,
      timeStamp: 1,
      url: `${OTHER}/page?token=${TOKEN}`,
      method: 'GET',
    });
    await env.recorder.started({ requestId: 'y', tabId: -1, timeStamp: 1, url: `${APP}/x`, method: 'GET' });
    await env.recorder.completed({ requestId: 'x', tabId: TAB, timeStamp: 5, statusCode: 200 });
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
    expect(env.onTokenHop).not.toHaveBeenCalled();
  });

  it(`keeps the last ${MAX_HOPS_PER_TAB} hops of a tab`, async () => {
    for (let i = 0; i < MAX_HOPS_PER_TAB + 5; i += 1)
      await env.recorder.started({
        requestId: `r${i}`,
        tabId: TAB,
        timeStamp: i,
        url: `${APP}/page/${i}`,
        method: 'GET',
      });
    const hops = await env.recorder.hops(TAB);
    expect(hops).toHaveLength(MAX_HOPS_PER_TAB);
    expect(hops[0]!.url).toBe(`${APP}/page/5`);
  });

  it(`keeps the timelines of the ${MAX_TIMELINE_TABS} tabs written last`, async () => {
    for (let tab = 1; tab <= MAX_TIMELINE_TABS + 2; tab += 1)
      await env.recorder.started({ requestId: 'r', tabId: tab, timeStamp: tab, url: `${APP}/`, method: 'GET' });
    const keys = Object.keys(await fakeBrowser.storage.session.get(null)).filter((key) =>
      key.startsWith('timeline:tab:'),
    );
    expect(keys).toHaveLength(MAX_TIMELINE_TABS);
    expect(keys).not.toContain(timelineKey(1));
    expect(keys).toContain(timelineKey(MAX_TIMELINE_TABS + 2));
  });

  it('goes with the tab’s captures: cleared with the tab (as when it closes), and by Clear all', async () => {
    const { store } = env;
    await queryLogin(env.recorder, 1);
    await queryLogin(env.recorder, 2);
    await store.clearTab(1, 10_000);
    expect(await env.recorder.hops(1)).toEqual([]);
    expect(await env.recorder.hops(2)).toHaveLength(2);
    await store.clearAll(10_001);
    expect(await env.recorder.hops(2)).toEqual([]);
    expect(Object.keys(await fakeBrowser.storage.session.get(null)).filter((k) => k.startsWith('timeline:'))).toEqual(
      [],
    );
  });

  it('drops the hops of a login that was in flight when its tab was cleared, as its capture is dropped', async () => {
    // The login's events wait for its page's load; Clear all is pressed in between.
    await env.store.clearAll(2_000);
    await queryLogin(env.recorder, TAB, 1_000);
    expect(await env.recorder.hops(TAB)).toEqual([]);
    expect(await fakeBrowser.storage.session.get(timelineKey(TAB))).toEqual({});
    // The same for a tab cleared on its own (as when it closes).
    await env.store.clearTab(2, 2_000);
    await queryLogin(env.recorder, 2, 1_000);
    expect(await env.recorder.hops(2)).toEqual([]);
    // A login after the clear is recorded as usual.
    await queryLogin(env.recorder, TAB, 3_000);
    expect((await env.recorder.hops(TAB)).map((hop) => hop.status)).toEqual([302, 200]);
  });
});
