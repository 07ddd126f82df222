import { describe, expect, it } from 'vitest';
import { AFTER_RESPONSE_WAIT_MS, createAfterPageLoad, MAX_WAIT_MS } from './after-page-load';

/** Timers the test fires by hand. */
function manualTimers() {
  const pending = new Map<number, { run: () => void; ms: number }>();
  let nextId = 1;
  return {
    timers: {
      setTimeout: (run: () => void, ms: number) => {
        const id = nextId++;
        pending.set(id, { run, ms });
        return id;
      },
      clearTimeout: (id: unknown) => {
        pending.delete(id as number);
      },
    },
    pending,
    fireAll() {
      const due = [...pending.values()];
      pending.clear();
      for (const timer of due) timer.run();
    },
  };
}

/** A tab whose page has started loading, with one piece of work waiting for it. */
function loadingTabWithWork(tabId: number) {
  const clock = manualTimers();
  const afterPageLoad = createAfterPageLoad(clock.timers);
  let ran = false;
  afterPageLoad.started(tabId);
  const work = afterPageLoad.run(tabId, async () => {
    ran = true;
  });
  return { ...clock, afterPageLoad, work, ran: () => ran };
}

/** Lets every settled promise's callbacks run. */
const settle = () => new Promise<void>((done) => setTimeout(done, 0));

describe('work held back until the page has loaded', () => {
  it('runs at once when the tab is not loading, and when there is no tab', async () => {
    const afterPageLoad = createAfterPageLoad(manualTimers().timers);
    expect(await afterPageLoad.run(3, async () => 'done')).toBe('done');
    expect(await afterPageLoad.run(null, async () => 'pasted')).toBe('pasted');
  });

  it('holds a loading tab’s work until the page has loaded, then runs it in the order handed in', async () => {
    const afterPageLoad = createAfterPageLoad(manualTimers().timers);
    const ran: string[] = [];
    afterPageLoad.started(4);
    const first = afterPageLoad.run(4, async () => ran.push('capture'));
    const second = afterPageLoad.run(4, async () => ran.push('timeline'));
    const otherTab = afterPageLoad.run(5, async () => ran.push('other tab'));
    await settle();
    expect(ran).toEqual(['other tab']);
    afterPageLoad.finished(4);
    await Promise.all([first, second, otherTab]);
    expect(ran).toEqual(['other tab', 'capture', 'timeline']);
    // Loaded: the next work runs at once.
    await afterPageLoad.run(4, async () => ran.push('after load'));
    expect(ran.at(-1)).toBe('after load');
  });

  it('a redirect of the same navigation does not start the wait again', async () => {
    const { timers, pending } = manualTimers();
    const afterPageLoad = createAfterPageLoad(timers);
    afterPageLoad.started(4);
    afterPageLoad.started(4);
    expect(pending.size).toBe(1);
  });

  it('a page that never finishes loading holds nothing back for longer than the longest wait', async () => {
    const { pending, fireAll, work, ran } = loadingTabWithWork(6);
    expect([...pending.values()].map((timer) => timer.ms)).toEqual([MAX_WAIT_MS]);
    await settle();
    expect(ran()).toBe(false);
    fireAll();
    await work;
    expect(ran()).toBe(true);
  });

  it('a finished load clears its timer; work that fails does not stop the work after it', async () => {
    const { timers, pending } = manualTimers();
    const afterPageLoad = createAfterPageLoad(timers);
    afterPageLoad.started(8);
    const failing = afterPageLoad.run(8, async () => {
      throw new Error('storage refused it');
    });
    const next = afterPageLoad.run(8, async () => 'still ran');
    afterPageLoad.finished(8);
    expect(pending.size).toBe(0);
    await expect(failing).rejects.toThrow('storage refused it');
    expect(await next).toBe('still ran');
  });

  it('a tab closed while its page loaded: what waited for it never runs, and its timer is cleared', async () => {
    const { afterPageLoad, pending, ran } = loadingTabWithWork(9);
    afterPageLoad.closed(9);
    afterPageLoad.finished(9);
    await settle();
    expect(ran()).toBe(false);
    expect(pending.size).toBe(0);
  });

  it('once the page’s response has arrived, what waits runs within a short wait, "complete" or not', async () => {
    const { afterPageLoad, pending, fireAll, work, ran } = loadingTabWithWork(10);
    afterPageLoad.responded(10);
    expect([...pending.values()].map((timer) => timer.ms)).toEqual([AFTER_RESPONSE_WAIT_MS]);
    await settle();
    expect(ran()).toBe(false);
    fireAll();
    await work;
    expect(ran()).toBe(true);
  });
});
