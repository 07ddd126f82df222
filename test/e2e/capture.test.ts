/**
 * Capture, in real Chromium and Firefox with the built extension, against the demo
 * world on loopback: every way a token reaches a tab is caught, kept in storage.session only,
 * once per flow, and marked as an Industry SSO token or not.
 */
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { makeToken } from '../../demo/token-kit.mjs';
import { describeEachBrowser, useBrowser, useDemoWorld } from '../helpers/browsers';
import {
  clearSession,
  openStoragePage,
  payloadOf,
  readStorage,
  stopExtensionServiceWorker,
  storedCaptures,
  waitForCapture,
} from '../helpers/extension-state';
import { pollUntil } from '../../demo/launch-browser.mjs';
import type { DemoPage } from '../../demo/launch-browser.mjs';
import type { CaptureSource } from '../../src/shared/capture';
import { configureVerification, sendFromPage } from '../helpers/popup-page';
import { BADGE_COLOURS } from '../../src/background/badge';

/** A well-formed JWT that is not an Industry SSO token (no manual claims). */
const OTHER_JWT = makeToken(
  { sub: 'someone', aud: 'other-app', exp: 4_102_444_800 },
  { alg: 'HS256', typ: 'JWT' },
  'bm90LWEtcmVhbC1zaWduYXR1cmU',
);

/** Where each hand-over style's token should be recorded (see demo/sso-server.mjs). */
const HANDOVERS: Array<{ handover: string; source: CaptureSource; parameter: string; pagePath: string }> = [
  { handover: 'query', source: 'query', parameter: 'token', pagePath: '/callback' },
  { handover: 'fragment', source: 'fragment', parameter: 'access_token', pagePath: '/callback' },
  { handover: 'server-302', source: 'query', parameter: 'token', pagePath: '/callback/server' },
  { handover: 'location-only', source: 'redirect', parameter: 'id_token', pagePath: '/landing' },
  { handover: 'form-post', source: 'form-post', parameter: 'token', pagePath: '/callback/form-post' },
];

/** Another loopback address: loopback too, and not a default capture site. */
const ADDED_ORIGIN_HOST = '127.0.0.2';

/** A page server on ADDED_ORIGIN_HOST, for an origin a person adds. */
function startOtherOriginServer(): Promise<Server> {
  const server = createServer((request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(
      `<!doctype html><title>integrator app</title><main data-ready="yes">callback ${request.url?.length ?? 0}</main>`,
    );
  });
  return new Promise((resolve) => server.listen(0, ADDED_ORIGIN_HOST, () => resolve(server)));
}

describeEachBrowser('capture', (kind) => {
  const world = useDemoWorld();
  const browser = useBrowser(kind);
  let storagePage: DemoPage;

  beforeAll(async () => {
    storagePage = await openStoragePage(browser());
  });
  beforeEach(async () => {
    await clearSession(storagePage);
  });

  for (const { handover, source, parameter, pagePath } of HANDOVERS) {
    it(`catches a token handed over by ${handover}, as ${source} (${parameter})`, async () => {
      const page = await browser().openPage(
        world().loginUrl({ user: 'somchai', handover: handover as never, scenario: 'normal' }),
      );
      try {
        // A 302 to the callback is first seen as the redirect's Location, and refined to where the
        // token landed when the callback's own request is seen (capture-store's isMoreSpecific):
        // wait for the settled record, not the first one.
        const capture = await waitForCapture(
          storagePage,
          (c) => c.parameter === parameter && c.source === source,
          `the ${handover} capture as ${source}`,
        );
        expect(capture).toMatchObject({ source, parameter, pagePath, pageOrigin: world().appUrl, isIndustrySso: true });
        expect(payloadOf(capture.token)).toMatchObject({ username: 'somchai.t', org: '9/59/73' });
        // The page URL that is kept never carries the token.
        expect(capture.pagePath).not.toContain(capture.token.split('.')[1]!);
        // One flow, one capture, however many times the token passed by (redirect, request, page).
        await page.waitUntil(
          () => document.readyState === 'complete' && /\/(callback|welcome)/.test(location.pathname),
          undefined,
          { what: 'the app page' },
        );
        expect((await storedCaptures(storagePage)).filter((c) => c.token === capture.token)).toHaveLength(1);
      } finally {
        await page.close();
      }
    });
  }

  it('leaves nothing behind for a page with no token, and marks a JWT that is not an SSO token', async () => {
    const page = await browser().openPage(`${world().appUrl}/welcome?next=%2Fhome`);
    try {
      await page.waitUntil(() => document.readyState === 'complete', undefined, { what: 'the page without a token' });
      // Then the same tab receives a non-SSO JWT; once that is stored, the first page's turn is
      // long past, so "nothing else stored" is a real observation, not a race.
      await page.goto(`${world().appUrl}/welcome?id_token=${OTHER_JWT}`);
      const capture = await waitForCapture(storagePage, (c) => c.parameter === 'id_token', 'the non-SSO JWT');
      expect(capture.isIndustrySso).toBe(false);
      expect(await storedCaptures(storagePage)).toHaveLength(1);
    } finally {
      await page.close();
    }
  });

  it('shows the minutes left on the badge of the tab, green, and red for an expired token; Clear all empties both', async () => {
    type ActionApi = {
      action: {
        getBadgeText(d: { tabId: number }): Promise<string>;
        getBadgeBackgroundColor(d: { tabId: number }): Promise<number[]>;
      };
    };
    const readBadge = (tabId: number) =>
      storagePage.evaluate(async (id: number) => {
        const api =
          (globalThis as { browser?: ActionApi }).browser ?? (globalThis as unknown as { chrome: ActionApi }).chrome;
        const [text, [r, g, b] = []] = await Promise.all([
          api.action.getBadgeText({ tabId: id }),
          api.action.getBadgeBackgroundColor({ tabId: id }),
        ]);
        return { text, colour: `#${[r, g, b].map((c) => (c ?? 0).toString(16).padStart(2, '0')).join('')}` };
      }, tabId);
    const fresh = await browser().openPage(
      world().loginUrl({ user: 'somchai', handover: 'query', scenario: 'normal' }),
    );
    const expired = await browser().openPage(
      world().loginUrl({ user: 'somchai', handover: 'query', scenario: 'expired' }),
    );
    try {
      const freshCapture = await waitForCapture(
        storagePage,
        (c) => (payloadOf(c.token).exp as number) * 1000 > Date.now(),
        'the fresh capture',
      );
      const expiredCapture = await waitForCapture(
        storagePage,
        (c) => (payloadOf(c.token).exp as number) * 1000 < Date.now(),
        'the expired capture',
      );
      await pollUntil(async () => /^6[45]m$/.test((await readBadge(freshCapture.tabId!)).text), {
        what: 'the fresh tab’s badge to show 64–65 minutes',
      });
      expect((await readBadge(freshCapture.tabId!)).colour).toBe(BADGE_COLOURS.valid);
      await pollUntil(async () => (await readBadge(expiredCapture.tabId!)).text === 'exp', {
        what: 'the expired tab’s badge to say exp',
      });
      expect((await readBadge(expiredCapture.tabId!)).colour).toBe(BADGE_COLOURS.expired);

      await sendFromPage(storagePage, 'page→bg:clear-captures', { scope: 'all' });
      for (const tabId of [freshCapture.tabId!, expiredCapture.tabId!]) {
        await pollUntil(async () => (await readBadge(tabId)).text === '', {
          what: `tab ${tabId}’s badge to clear after Clear all`,
        });
      }
    } finally {
      await Promise.all([fresh.close(), expired.close()]);
    }
  });

  it('never puts a token or an ID number in storage.local, even after a verification', async () => {
    // Settings saved first, so storage.local holds something and the capture is verified: the
    // check below reads a real store, not an empty one.
    await configureVerification(browser(), world().soapWsdlUrl, world().clientId);
    const page = await browser().openPage(world().loginUrl({ user: 'somchai', handover: 'query', scenario: 'normal' }));
    try {
      const capture = await waitForCapture(
        storagePage,
        (c) => c.parameter === 'token' && c.verification !== undefined,
        'a verified capture',
      );
      const local = JSON.stringify(await readStorage(storagePage, 'local'));
      expect(local).toContain(world().clientId);
      expect(local).not.toContain(capture.token.split('.')[1]!);
      expect(local).not.toMatch(/eyJ[\w-]+\.eyJ/);
      expect(local).not.toContain(String(payloadOf(capture.token).idcard));
      // The session store does hold it: the assertion above is about where, not whether.
      expect(JSON.stringify(await readStorage(storagePage, 'session'))).toContain(capture.token);
    } finally {
      await page.close();
    }
  });

  it('clears a tab’s captures when the tab closes', async () => {
    const page = await browser().openPage(
      world().loginUrl({ user: 'somchai', handover: 'fragment', scenario: 'normal' }),
    );
    await waitForCapture(storagePage, (c) => c.parameter === 'access_token', 'a capture');
    await page.close();
    await pollUntil(async () => (await storedCaptures(storagePage)).length === 0, {
      what: 'the closed tab’s captures to go',
    });
  });

  if (kind === 'chromium') {
    it('loses no capture when Chrome stops the service worker, and captures again after', async () => {
      const first = await browser().openPage(
        world().loginUrl({ user: 'somchai', handover: 'query', scenario: 'normal' }),
      );
      const before = await waitForCapture(storagePage, (c) => c.parameter === 'token', 'the first capture');
      await stopExtensionServiceWorker(storagePage, browser().extensionBaseUrl);
      expect((await storedCaptures(storagePage)).map((c) => c.id)).toContain(before.id);
      // The next login wakes the worker through its top-level listeners.
      const second = await browser().openPage(
        world().loginUrl({ user: 'somchai', handover: 'form-post', scenario: 'expired' }),
      );
      await waitForCapture(storagePage, (c) => c.source === 'form-post', 'a capture after the worker restarted');
      await Promise.all([first.close(), second.close()]);
    });
  }
});

/**
 * A person adds an integrator's origin in the options page; the extension asks for it as an
 * optional host permission, registers the capture script there and watches it. The permission
 * prompt itself is answered "allow" as a person would: in Firefox by its own testing pref
 * `extensions.webextOptionalPermissionPrompts: false`; in Chromium, whose prompt no automation
 * reaches (playwright#32755), by recording the grant in the profile before launch, as Chromium
 * stores an accepted prompt (demo/launch-browser.mjs, grantOriginsInProfile). Everything after the
 * grant (the options page's request, the dynamic content script, webRequest, the capture-site
 * check) is the extension's own code in both browsers.
 */
describeEachBrowser('capture on an added origin', (kind) => {
  const browser = useBrowser(kind, {
    firefoxPrefs: { 'extensions.webextOptionalPermissionPrompts': false },
    chromiumGrantedOrigins: [`http://${ADDED_ORIGIN_HOST}/*`],
  });
  let storagePage: DemoPage;
  let server: Server;
  beforeAll(async () => {
    server = await startOtherOriginServer();
    storagePage = await openStoragePage(browser());
  });
  afterAll(async () => {
    if (server) await new Promise((resolve) => server.close(resolve));
  });

  it('captures on an origin a person added in the options page, and not before', async () => {
    const origin = `http://${ADDED_ORIGIN_HOST}:${(server.address() as AddressInfo).port}`;
    // A #fragment never reaches a server: only the content script, registered for the added
    // origin at run time, can see it. A query token is also seen by webRequest.
    const fragmentUrl = `${origin}/callback#id_token=${OTHER_JWT}`;
    const queryUrl = `${origin}/callback?token=${OTHER_JWT}`;
    // Kept open until checked: closing a tab clears its captures, which would hide one.
    const pagesBefore = [await browser().openPage(fragmentUrl), await browser().openPage(queryUrl)];
    for (const before of pagesBefore) {
      await before.waitUntil(() => document.querySelector('main')?.dataset.ready === 'yes', undefined, {
        what: 'the integrator page',
      });
    }

    const options = await browser().openExtensionPage('src/options/index.html');
    try {
      await options.fill('[data-testid="capture-site-input"]', origin);
      await options.click('[data-testid="add-capture-site"]');
      await options.waitUntil(
        (expected: string) =>
          document
            .querySelector(`[data-testid="added-capture-sites"] [data-origin="${expected}"]`)
            ?.getAttribute('data-granted') === 'true',
        origin,
        { what: 'the added origin to be listed as granted' },
      );
    } finally {
      await options.close();
    }
    // Not captured before it was added…
    expect((await storedCaptures(storagePage)).filter((c) => c.pageOrigin === origin)).toEqual([]);
    await Promise.all(pagesBefore.map((before) => before.close()));
    // …and captured after: by the dynamically registered content script, and by webRequest.
    const afterFragment = await browser().openPage(fragmentUrl);
    const afterQuery = await browser().openPage(queryUrl);
    try {
      const byScript = await waitForCapture(
        storagePage,
        (c) => c.pageOrigin === origin && c.source === 'fragment',
        'the content script’s capture on the added origin',
      );
      expect(byScript).toMatchObject({ parameter: 'id_token', isIndustrySso: false, pagePath: '/callback' });
      const byWebRequest = await waitForCapture(
        storagePage,
        (c) => c.pageOrigin === origin && c.source === 'query',
        'the webRequest capture on the added origin',
      );
      expect(byWebRequest).toMatchObject({ parameter: 'token', isIndustrySso: false, pagePath: '/callback' });
    } finally {
      await Promise.all([afterFragment.close(), afterQuery.close()]);
    }
  });
});
