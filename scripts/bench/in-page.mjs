// Functions the bench hands to page.evaluate: they run in the browser page, in Chromium and in
// Firefox alike, and time what they watch with the page's own clock. Each returns a number of
// milliseconds, or throws with what it waited for.

/**
 * Runs in an extension page: loads `path` (another page of the extension) into a fresh iframe
 * and resolves with the time from the iframe's navigation start (its `performance.timeOrigin`)
 * to the first animation frame in which `selector` matches in it, i.e. the frame that paints it.
 * The iframe is same-origin, so this page runs on the same thread and sees each frame the
 * iframe renders; nothing has to be injected into the measured page before it starts (Firefox
 * runs no driver preload script in moz-extension:// pages).
 * @param {{ path: string, selector: string, timeoutMs: number }} args
 * @returns {Promise<number>}
 */
export function openInFrameUntilPainted({ path, selector, timeoutMs }) {
  return new Promise((resolve, reject) => {
    for (const old of document.querySelectorAll('iframe')) old.remove();
    const frame = document.createElement('iframe');
    // The toolbar popup's size.
    frame.style.cssText = 'width:460px;height:600px;border:0';
    document.body.append(frame);
    const started = performance.now();
    const frameReady = () => {
      const document_ = frame.contentDocument;
      const window_ = frame.contentWindow;
      if (!document_ || !window_ || !document_.URL.endsWith(path)) return null;
      return document_.querySelector(selector) ? window_.performance.timeOrigin : null;
    };
    const onFrame = () => {
      const origin = frameReady();
      if (origin !== null) resolve(performance.timeOrigin + performance.now() - origin);
      else if (performance.now() - started > timeoutMs) reject(new Error(`${path} never showed ${selector}`));
      else requestAnimationFrame(onFrame);
    };
    frame.src = path;
    requestAnimationFrame(onFrame);
  });
}

/**
 * Runs in the popup page: presses its Verify button and resolves with the times from the press
 * to the answer shown (the button, disabled while the background verifies, is enabled again and
 * the result block is there) and to the first animation frame after that, which paints it.
 * @param {{ timeoutMs: number }} args
 * @returns {Promise<[shown: number, painted: number]>}
 */
export function verifyUntilPainted({ timeoutMs }) {
  return new Promise((resolve, reject) => {
    const button = /** @type {HTMLButtonElement | null} */ (document.querySelector('.verification button'));
    if (!button || button.disabled) {
      reject(new Error('the popup shows no Verify button to press'));
      return;
    }
    let sawRunning = false;
    let started = 0;
    const timer = setTimeout(() => reject(new Error('no verification answer was shown')), timeoutMs);
    const observer = new MutationObserver(() => {
      if (button.disabled) sawRunning = true;
      else if (sawRunning && document.querySelector('[data-testid="verification"]')) {
        observer.disconnect();
        clearTimeout(timer);
        const shown = performance.now() - started;
        requestAnimationFrame(() => resolve([shown, performance.now() - started]));
      }
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    started = performance.now();
    button.click();
  });
}

/**
 * Runs in the popup page: the same SOAP POST the background sends, as a bare fetch: the times
 * until the answer's text is read, and until the next animation frame (the least any page pays
 * to paint it).
 * @param {{ endpoint: string, headers: Record<string, string>, body: string }} request
 * @returns {Promise<[read: number, painted: number]>}
 */
export async function rawSoapFetch({ endpoint, headers, body }) {
  const started = performance.now();
  const response = await fetch(endpoint, {
    method: 'POST',
    headers,
    body,
    redirect: 'manual',
    credentials: 'omit',
    cache: 'no-store',
  });
  const text = await response.text();
  const read = performance.now() - started;
  if (!text.includes('Envelope')) throw new Error(`the SOAP service answered ${response.status} without an envelope`);
  await new Promise((done) => requestAnimationFrame(done));
  return [read, performance.now() - started];
}

/**
 * Runs in an extension page: starts noting, by the page's clock as epoch milliseconds, when
 * `storage.session` first gets a capture made from now on (a `captures:` list holding one whose
 * `capturedAt` is not older than this call: a late write about an earlier capture is not it).
 */
export function watchForCaptures() {
  const api = /** @type {any} */ (globalThis).browser ?? /** @type {any} */ (globalThis).chrome;
  const state = /** @type {{ benchCaptureAt?: number | null, benchSince?: number, benchWatching?: boolean }} */ (
    globalThis
  );
  state.benchCaptureAt = null;
  state.benchSince = Date.now();
  if (state.benchWatching) return;
  state.benchWatching = true;
  /** @param {Record<string, { newValue?: unknown }>} changes @param {string} area */
  const onChanged = (changes, area) => {
    if (area !== 'session' || state.benchCaptureAt) return;
    const since = state.benchSince ?? 0;
    const captured = Object.entries(changes).some(
      ([key, change]) =>
        key.startsWith('captures:') &&
        Array.isArray(change.newValue) &&
        change.newValue.some((/** @type {{ capturedAt?: number }} */ capture) => (capture.capturedAt ?? 0) >= since),
    );
    if (captured) state.benchCaptureAt = performance.timeOrigin + performance.now();
  };
  api.storage.onChanged.addListener(onChanged);
}

/** Runs in an extension page: when `watchForCaptures` saw a capture arrive, or null. */
export const captureSeenAt = () =>
  /** @type {{ benchCaptureAt?: number | null }} */ (globalThis).benchCaptureAt ?? null;

/**
 * Runs in an extension page: reads one storage area (`browser` in Firefox, `chrome` in Chromium).
 * @param {'session' | 'local'} area
 * @returns {Promise<Record<string, any>>}
 */
export function readArea(area) {
  const api = /** @type {any} */ (globalThis).browser ?? /** @type {any} */ (globalThis).chrome;
  return api.storage[area].get(null);
}

/**
 * Runs in an extension page: Clear all, asked of the background as the popup asks it. Not a
 * clear of `storage.session` from the page: the store's writes still in flight for the login
 * before (its verification, its timeline) read a list before such a clear and write it back after
 * it, and a login of the same person within the same second (the same token) would then find its
 * capture already kept, and store nothing new. The store's own Clear all is queued with those
 * writes, and drops what was seen before it.
 */
export function clearAllCaptures() {
  const api = /** @type {any} */ (globalThis).browser ?? /** @type {any} */ (globalThis).chrome;
  return api.runtime.sendMessage({ type: 'page→bg:clear-captures', payload: { scope: 'all' } });
}

/**
 * Runs in a loaded page: its load time, from navigation start to the end of the load event.
 * @returns {number}  0 until the load event has ended
 */
export function loadEventEnd() {
  const [entry] = /** @type {PerformanceNavigationTiming[]} */ (performance.getEntriesByType('navigation'));
  return entry?.loadEventEnd ?? 0;
}

/**
 * Runs in a capture-site page: hands it each token as a new #fragment, one after the other,
 * waiting for each hashchange (the capture script reports the token on that event).
 * @param {string[]} tokens
 */
export async function handTokensByFragment(tokens) {
  for (const token of tokens) {
    const changed = new Promise((done) => addEventListener('hashchange', done, { once: true }));
    location.hash = `token=${token}`;
    await changed;
  }
}
