// Chromium-only measuring through the DevTools protocol: stopping the extension's service
// worker (as Chrome does when it idles), reading the worker's heap, and a page's script time.
// Firefox offers none of this over WebDriver BiDi; the figures that need it say so.
import { pollUntil } from '../../demo/launch-browser.mjs';

/**
 * @typedef {object} CdpSession  Playwright's CDPSession, the few calls used here
 * @property {(method: string, params?: object) => Promise<any>} send
 * @property {(event: string, handler: (params: any) => void) => void} on
 * @property {() => Promise<void>} detach
 */

/** What a starting worker does after its script has run (settings, interrupted verifications). */
const WORKER_START_SETTLE_MS = 100;

/**
 * Watches the extension's service worker from one of its pages, and stops it on demand.
 * @param {import('../../demo/launch-browser.mjs').DemoPage} extensionPage  kept open while in use
 * @param {string} extensionBaseUrl
 */
export async function watchServiceWorker(extensionPage, extensionBaseUrl) {
  /** @type {CdpSession} */
  const cdp = await extensionPage.native.context().newCDPSession(extensionPage.native);
  /** @type {Map<string, string>} versionId → running status */
  const statuses = new Map();
  /**
   * Versions seen stopped since their stop was asked for. Recorded from the event, not polled:
   * an event (the popup's wake message, a storage change) can start the worker again within
   * milliseconds, and a poll of the current status would then never see it stopped.
   * @type {Set<string>}
   */
  const seenStopped = new Set();
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const version of versions) {
      if (!version.scriptURL.startsWith(extensionBaseUrl)) continue;
      statuses.set(version.versionId, version.runningStatus);
      if (version.runningStatus === 'stopped') seenStopped.add(version.versionId);
    }
  });
  await cdp.send('ServiceWorker.enable');
  await pollUntil(async () => statuses.size > 0, { what: 'the extension’s service worker to be reported' });
  return {
    /** Stops the worker if it runs, and waits until it has stopped. */
    async stop() {
      const running = [...statuses].filter(([, status]) => status !== 'stopped').map(([id]) => id);
      for (const versionId of running) {
        seenStopped.delete(versionId);
        await cdp.send('ServiceWorker.stopWorker', { versionId });
        await pollUntil(async () => seenStopped.has(versionId), { what: 'the worker to stop' });
      }
    },
    /**
     * Waits until the worker runs again (the popup wakes it once it has painted), and then a
     * little longer, for what a starting worker does first. The figure's next run, whichever side
     * it is, then does not share the machine with that start.
     */
    async untilStartedAgain() {
      await pollUntil(async () => [...statuses.values()].includes('running'), { what: 'the worker to start again' });
      await new Promise((settled) => setTimeout(settled, WORKER_START_SETTLE_MS));
    },
    close: () => cdp.detach(),
  };
}

/**
 * A DevTools session on the extension's service worker, reached through a page's session
 * (Playwright opens sessions on pages only) with Target.attachToTarget.
 * @param {import('../../demo/launch-browser.mjs').DemoPage} anyPage
 * @param {string} extensionBaseUrl
 */
export async function attachToServiceWorker(anyPage, extensionBaseUrl) {
  /** @type {CdpSession} */
  const cdp = await anyPage.native.context().newCDPSession(anyPage.native);
  const { targetInfos } = await cdp.send('Target.getTargets');
  const worker = targetInfos.find(
    (/** @type {{ type: string, url: string }} */ target) =>
      target.type === 'service_worker' && target.url.startsWith(extensionBaseUrl),
  );
  if (!worker) throw new Error('the extension’s service worker is not running');
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false });
  /** @type {Map<number, { resolve: (value: any) => void, reject: (error: Error) => void }>} */
  const pending = new Map();
  let nextId = 1;
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message);
    const waiter = pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id);
    if (message.error) waiter.reject(new Error(message.error.message));
    else waiter.resolve(message.result);
  });
  return {
    /**
     * @param {string} method
     * @param {object} [params]
     * @returns {Promise<any>}
     */
    send(method, params = {}) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        cdp
          .send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) })
          .catch(reject);
      });
    },
    close: () => cdp.detach(),
  };
}

/**
 * The worker's live heap after a full garbage collection, in bytes.
 * @param {{ send: (method: string, params?: object) => Promise<any> }} worker
 */
export async function heapAfterGc(worker) {
  await worker.send('HeapProfiler.enable');
  await worker.send('HeapProfiler.collectGarbage');
  const { usedSize } = await worker.send('Runtime.getHeapUsage');
  return /** @type {number} */ (usedSize);
}

/**
 * A page's DevTools session with its performance metrics on, to read `ScriptDuration`: the time
 * the page's renderer spent running JavaScript, content scripts included.
 * @param {import('../../demo/launch-browser.mjs').DemoPage} page
 */
export async function scriptClock(page) {
  /** @type {CdpSession} */
  const cdp = await page.native.context().newCDPSession(page.native);
  await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
  return {
    /** Milliseconds of script run in the page so far. */
    async scriptMs() {
      const { metrics } = await cdp.send('Performance.getMetrics');
      const found = metrics.find((/** @type {{ name: string }} */ metric) => metric.name === 'ScriptDuration');
      return (found?.value ?? 0) * 1000;
    },
    close: () => cdp.detach(),
  };
}
