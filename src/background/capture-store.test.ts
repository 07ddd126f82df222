import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import {
  CAPTURE_BUDGET_BYTES,
  createCaptureStore,
  keepRank,
  MAX_CAPTURES_PER_TAB,
  type SessionArea,
} from './capture-store';
import type { Capture } from '../shared/capture';
import { captureIdOf, captureKey } from '../shared/stored-captures';

function capture(id: string, tabId: number | null, capturedAt: number): Capture {
  return {
    id,
    tabId,
    capturedAt,
    pageOrigin: 'http://127.0.0.1:8080',
    pagePath: '/callback',
    source: 'query',
    parameter: 'token',
    token: `t.${id}.s`,
    isIndustrySso: true,
  };
}

describe('capture store (storage.session)', () => {
  let store: ReturnType<typeof createCaptureStore>;
  beforeEach(() => {
    fakeBrowser.reset();
    store = createCaptureStore(fakeBrowser.storage.session as unknown as SessionArea);
  });

  it('keeps one capture per token per tab, newest first', async () => {
    expect(await store.add(capture('a', 1, 1))).toBe(true);
    expect(await store.add(capture('b', 1, 2))).toBe(true);
    expect(await store.add(capture('a', 1, 3))).toBe(false);
    expect((await store.forTab(1)).map((c) => c.id)).toEqual(['b', 'a']);
  });

  it('refines a redirect sighting by the query or fragment where the same token landed', async () => {
    await store.add({ ...capture('r', 1, 1), source: 'redirect', pagePath: '/callback' });
    expect(await store.add({ ...capture('r', 1, 2), source: 'fragment', parameter: 'access_token' })).toBe(false);
    expect(await store.forTab(1)).toEqual([
      expect.objectContaining({ id: 'r', source: 'fragment', parameter: 'access_token', capturedAt: 1 }),
    ]);
    // …but never the other way round: a query capture is not turned into a redirect one.
    await store.add({ ...capture('q', 1, 3), source: 'query' });
    await store.add({ ...capture('q', 1, 4), source: 'redirect' });
    expect((await store.find('q'))?.source).toBe('query');
  });

  it('serialises concurrent adds to one tab so none is lost (a 302 chain fires at once)', async () => {
    await Promise.all(Array.from({ length: 8 }, (_, i) => store.add(capture(`c${i}`, 5, i))));
    expect((await store.forTab(5)).map((c) => c.id).sort()).toEqual(['c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7']);
  });

  it(`keeps at most ${MAX_CAPTURES_PER_TAB} per tab, dropping the oldest`, async () => {
    for (let i = 0; i < MAX_CAPTURES_PER_TAB + 5; i++) await store.add(capture(`n${i}`, 2, i));
    const kept = await store.forTab(2);
    expect(kept).toHaveLength(MAX_CAPTURES_PER_TAB);
    expect(kept[0]!.id).toBe(`n${MAX_CAPTURES_PER_TAB + 4}`);
    expect(kept.some((c) => c.id === 'n0')).toBe(false);
  });

  it('finds a capture by an id that names its list with one read of that list', async () => {
    const area = fakeBrowser.storage.session as unknown as SessionArea;
    await store.add(capture(captureIdOf(1, 'aa'), 1, 10));
    await store.add(capture(captureIdOf(null, 'bb'), null, 20));
    const reads: unknown[] = [];
    const counting = createCaptureStore({ ...area, get: (keys) => (reads.push(keys ?? null), area.get(keys)) });
    expect((await counting.find(captureIdOf(1, 'aa')))?.tabId).toBe(1);
    expect((await counting.find(captureIdOf(null, 'bb')))?.tabId).toBeNull();
    expect(await counting.find(captureIdOf(2, 'aa'))).toBeNull();
    expect(reads).toEqual([captureKey(1), captureKey(null), captureKey(2)]);
  });

  it('lists other tabs and pastes as elsewhere, finds by id, and clears per tab or all', async () => {
    await store.add(capture('t1', 1, 10));
    await store.add(capture('t2', 2, 30));
    await store.add(capture('p', null, 20));
    expect((await store.elsewhere(1)).map((c) => c.id)).toEqual(['t2', 'p']);
    expect((await store.find('p'))?.tabId).toBeNull();
    expect(await store.tabIds()).toEqual(expect.arrayContaining([1, 2]));
    expect(await store.clearTab(2, 40)).toBe(1);
    expect(await store.forTab(2)).toEqual([]);
    expect(await store.clearAll(50)).toBe(2);
    expect(
      Object.keys(await fakeBrowser.storage.session.get(null)).filter((key) => key.startsWith('captures:')),
    ).toEqual([]);
  });

  it('attaches a verification to the capture it belongs to', async () => {
    await store.add(capture('v', 3, 1));
    const verification = {
      settingsFingerprint: 'f',
      result: {
        checkedAt: 2,
        roundTripMs: 5,
        clockSkewMs: null,
        endpoint: 'http://127.0.0.1/x',
        outcome: { kind: 'failed' as const, code: 'timeout' as const, detail: 'slow' },
        findings: [],
      },
    };
    expect(await store.setVerification('v', 3, verification)).toBe(true);
    expect(await store.setVerification('missing', 3, verification)).toBe(false);
    expect((await store.find('v'))?.verification).toEqual(verification);
  });

  it('never writes to storage.local', async () => {
    await store.add(capture('x', 1, 1));
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('keeps the login when a page pushes hundreds of tokens into its own URL', async () => {
    await store.add(capture('login', 6, 1));
    for (let i = 0; i < 300; i++) await store.add({ ...capture(`pushed${i}`, 6, 2 + i), inPage: true });
    const kept = await store.forTab(6);
    expect(kept).toHaveLength(MAX_CAPTURES_PER_TAB);
    expect(kept.map((c) => c.id)).toContain('login');
    // The page's newest pushes are still there to look at.
    expect(kept.map((c) => c.id)).toContain('pushed299');
  });

  it('keeps a token the service called genuine over newer navigations', async () => {
    const genuine = {
      ...capture('genuine', 6, 1),
      verification: {
        settingsFingerprint: 'f',
        result: {
          checkedAt: 2,
          roundTripMs: 5,
          clockSkewMs: null,
          endpoint: 'e',
          outcome: {
            kind: 'answered' as const,
            answer: { manualCase: 1 as const, status: true, message: 'Token is valid', username: null, idCard: null },
          },
          findings: [],
        },
      },
    };
    expect(keepRank(genuine)).toBeGreaterThan(keepRank(capture('x', 6, 1)));
    await store.add(genuine);
    for (let i = 0; i < 50; i++) await store.add(capture(`nav${i}`, 6, 2 + i));
    expect((await store.forTab(6)).map((c) => c.id)).toContain('genuine');
  });

  it(`keeps all tabs together under ${CAPTURE_BUDGET_BYTES / 1024 / 1024} MiB, so forged 60 KB captures in many tabs cannot crowd out a real login`, async () => {
    const big = 'A'.repeat(60 * 1024);
    // Five tabs of 20 are 6 MB of captures: well over the budget.
    for (let tab = 100; tab < 105; tab++) {
      for (let i = 0; i < MAX_CAPTURES_PER_TAB; i++)
        await store.add({ ...capture(`f${tab}-${i}`, tab, tab * 100 + i), token: big, isIndustrySso: false });
    }
    expect(await store.add(capture('real', 200, 99_999))).toBe(true);
    const everything = await fakeBrowser.storage.session.get(null);
    const bytes = new TextEncoder().encode(JSON.stringify(everything)).length;
    expect(bytes).toBeLessThanOrEqual(CAPTURE_BUDGET_BYTES + 1024);
    expect((await store.forTab(200)).map((c) => c.id)).toEqual(['real']);
    // The budget was reached: forged captures had to go to make room.
    expect(Object.values(everything).flat().length).toBeLessThan(5 * MAX_CAPTURES_PER_TAB);
  }, 30_000);

  it('drops a capture that was in flight when its list was cleared (nothing reappears after Clear all)', async () => {
    await store.add(capture('before', 1, 10));
    const inFlight = store.add(capture('seen-before-clear', 1, 15));
    await store.clearAll(20);
    await inFlight;
    // Queued before the clear, so stored and then cleared; one seen before the clear but arriving after is dropped.
    expect(await store.add(capture('late', 1, 18))).toBe(false);
    expect(await store.forTab(1)).toEqual([]);
    expect(await store.add(capture('after', 1, 21))).toBe(true);
    await store.clearTab(1, 30);
    expect(await store.add(capture('late-for-tab', 1, 25))).toBe(false);
  });

  it('turns a verification a stopped worker left unfinished into the result it is given, once', async () => {
    await store.add(capture('v', 3, 1));
    await store.markVerifying('v', 3, { since: 5, settingsFingerprint: 'f' });
    const result = {
      checkedAt: 5,
      roundTripMs: null,
      clockSkewMs: null,
      endpoint: 'e',
      outcome: { kind: 'failed' as const, code: 'interrupted' as const, detail: 'stopped' },
      findings: [],
    };
    expect(await store.settleInterrupted(() => ({ settingsFingerprint: 'f', result }))).toBe(1);
    const settled = await store.find('v');
    expect(settled?.verifying).toBeUndefined();
    expect(settled?.verification?.result.outcome).toMatchObject({ code: 'interrupted' });
    expect(await store.settleInterrupted(() => ({ settingsFingerprint: 'f', result }))).toBe(0);
  });
});
