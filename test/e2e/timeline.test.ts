/**
 * The login timeline and the token-hygiene findings, in real Chromium and Firefox against the
 * demo world. DevTools itself cannot be opened headless, so the panel's own page is opened as an
 * extension page with the tab named in its address (`src/devtools/panel.html?tabId=N`): the same
 * page DevTools shows, reading the same storage.session. The findings are read where a person
 * meets them, in the popup, and from what the background stored on the capture.
 *
 * Screenshots of the panel and of the popup's findings, Thai and English, light and dark, go to
 * artifacts/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachBrowser, useBrowser, useDemoWorld, type BrowserKind } from '../helpers/browsers';
import { clearSession, openStoragePage, readStorage, storedCaptures } from '../helpers/extension-state';
import { configureVerification, POPUP_PATH } from '../helpers/popup-page';
import { pollUntil, type DemoPage } from '../../demo/launch-browser.mjs';
import type { HANDOVER_STYLES } from '../../demo/sso-server.mjs';
import type { Capture } from '../../src/shared/capture';
import type { TimelineHop } from '../../src/domain/login-timeline';
import { hygieneFindings } from '../../src/domain/token-hygiene';
import { timelineKey } from '../../src/shared/timeline';

const OUT_DIR = resolve('artifacts/screenshots');
const PANEL_PATH = 'src/devtools/panel.html';
type Handover = keyof typeof HANDOVER_STYLES;
type Scheme = 'light' | 'dark';

/** Runs in an extension page: the id of the newest tab whose URL starts with `prefix`. */
function newestTabAt(prefix: string): Promise<number | null> {
  type Api = { tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> } };
  const api = (globalThis as { browser?: Api }).browser ?? (globalThis as unknown as { chrome: Api }).chrome;
  return api.tabs.query({}).then((tabs) => {
    const ids = tabs.filter((tab) => tab.url?.startsWith(prefix)).map((tab) => tab.id ?? -1);
    return ids.length > 0 ? Math.max(...ids) : null;
  });
}

async function setColorScheme(page: DemoPage, scheme: Scheme): Promise<boolean> {
  const native = page.native as { emulateMedia?: (options: { colorScheme: Scheme }) => Promise<void> };
  // Puppeteer over WebDriver BiDi cannot emulate it (screenshots.test.ts relaunches Firefox per
  // scheme); here Firefox is shot in the scheme it runs in.
  if (!native.emulateMedia) return scheme === 'light';
  await native.emulateMedia({ colorScheme: scheme });
  await page.waitUntil((wanted) => matchMedia(`(prefers-color-scheme: ${wanted})`).matches, scheme, {
    what: `${scheme} colour scheme`,
  });
  return true;
}

async function clickLanguage(page: DemoPage, language: 'th' | 'en'): Promise<void> {
  await page.click(`.language button[lang="${language}"]`);
  await page.waitUntil((wanted) => document.documentElement.lang === wanted, language, {
    what: `the page in ${language}`,
  });
}

describeEachBrowser('login timeline and token hygiene', (kind: BrowserKind) => {
  const world = useDemoWorld();
  const browser = useBrowser(kind);
  let storage: DemoPage;

  beforeAll(async () => {
    mkdirSync(OUT_DIR, { recursive: true });
    storage = await openStoragePage(browser());
    await clearSession(storage);
    // Verification configured, so each fresh capture is verified at once (case 1): the callback
    // error needs DiwLoginChk's word that the token is fine.
    await configureVerification(browser(), world().soapWsdlUrl, world().clientId);
  });
  afterAll(async () => {
    await storage?.close();
  });

  const hopsOf = async (tabId: number): Promise<TimelineHop[]> =>
    ((await readStorage(storage, 'session'))[timelineKey(tabId)] as TimelineHop[] | undefined) ?? [];

  /** Logs `user` in with `handover` in a new tab; waits for the app's page, its capture and the callback's hop. */
  async function logIn(handover: Handover, user: string) {
    const username = world().people.find((person) => person.key === user)!.username;
    const page = await browser().openPage(world().loginUrl({ user, handover }));
    await page.waitUntil(() => document.querySelector('main[data-demo-page^="app-"]') !== null, undefined, {
      what: `the demo app's page after ${handover}`,
    });
    const tabId = (await pollUntil(() => storage.evaluate(newestTabAt, world().appUrl), {
      what: `the tab of ${handover}`,
    })) as number;
    const capture = (await pollUntil(
      async () =>
        (await storedCaptures(storage)).find(
          (c) =>
            c.tabId === tabId &&
            c.verification !== undefined &&
            JSON.parse(Buffer.from(c.token.split('.')[1]!, 'base64url').toString()).username === username,
        ),
      { what: `${user}'s verified capture after ${handover}` },
    )) as Capture;
    // The hop that delivered the token to the app, answered.
    await pollUntil(
      async () => (await hopsOf(tabId)).some((hop) => hop.url.startsWith(world().appUrl) && hop.status !== null),
      { what: `the callback's hop after ${handover}` },
    );
    return { page, tabId, captureId: capture.id };
  }

  /** The capture as stored now, and the codes of its hygiene findings. */
  async function hygieneCodes(captureId: string): Promise<string[]> {
    const capture = (await storedCaptures(storage)).find((c) => c.id === captureId)!;
    return hygieneFindings(capture.hygiene, capture.verification?.result)
      .map((finding) => finding.code)
      .sort();
  }

  it('records a whole login from the SSO’s page, the token’s hops marked, and shows it in the panel', async () => {
    const login = await browser().openPage(`${world().ssoUrl}/`);
    await login.click('[data-testid="sso-login"]');
    await login.waitUntil(() => document.querySelector('main[data-demo-page="app-landing"]') !== null, undefined, {
      what: 'the app’s landing page',
    });
    const tabId = (await pollUntil(() => storage.evaluate(newestTabAt, world().appUrl), {
      what: 'the login tab',
    })) as number;
    const hops = (await pollUntil(
      async () => {
        const recorded = await hopsOf(tabId);
        return recorded.length >= 3 && recorded.every((hop) => hop.status !== null) ? recorded : null;
      },
      { what: 'three answered hops' },
    )) as TimelineHop[];
    const summary = hops.map((hop) => [hop.method, hop.status, new URL(hop.url).pathname, hop.tokenPlaces]);
    expect(summary).toEqual([
      ['GET', 200, '/', []],
      ['GET', 302, '/authorize', ['location']],
      ['GET', 200, '/callback', ['query']],
    ]);
    expect(hops[1]!.location).toBe(`${world().appUrl}/callback?token=[token]`);
    expect(hops[2]!.url).toBe(`${world().appUrl}/callback?token=[token]`);
    for (const hop of hops) expect(hop.durationMs).not.toBeNull();
    // Nothing of the token is kept in the timeline, and the headers are there.
    const stored = JSON.stringify(hops);
    expect(stored).not.toMatch(/eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\./);
    expect(hops[1]!.responseHeaders.map((h) => h.name.toLowerCase())).toContain('location');

    const panel = await browser().openExtensionPage(`${PANEL_PATH}?tabId=${tabId}`);
    try {
      await panel.setViewport({ width: 1100, height: 860 });
      await panel.waitUntil(() => document.querySelectorAll('[data-testid="hop"]').length >= 3, undefined, {
        what: 'the hops in the panel',
      });
      const marks = await panel.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('[data-testid="hop"]')].map((row) => row.dataset.token),
      );
      expect(marks.slice(0, 3)).toEqual(['no', 'yes', 'yes']);
      // The SSO's 302 opened: its headers, with the Location's token taken out.
      await panel.evaluate(() => {
        document.querySelectorAll<HTMLDetailsElement>('[data-testid="hop"] details')[1]!.open = true;
      });
      const opened = await panel.evaluate(() => document.querySelectorAll('[data-testid="hop"]')[1]!.textContent ?? '');
      expect(opened).toContain('callback?token=[token]');
      for (const language of ['th', 'en'] as const) {
        await clickLanguage(panel, language);
        for (const scheme of ['light', 'dark'] as const) {
          if (!(await setColorScheme(panel, scheme))) continue;
          await panel.screenshot({ path: resolve(OUT_DIR, `panel-${kind}-${language}-${scheme}.png`) });
        }
      }
      expect(await panel.text()).toContain('Login timeline');
    } finally {
      await panel.close();
      await login.close();
    }
  });

  it('query-kept: the token left in the address bar, and in a query string', async () => {
    const { page, captureId } = await logIn('query-kept', 'somying');
    try {
      const codes = await pollUntil(
        async () => {
          const found = await hygieneCodes(captureId);
          return found.includes('app-token-left-in-url') ? found : null;
        },
        { what: 'the page’s report' },
      );
      expect(codes).toEqual(['app-token-in-query', 'app-token-left-in-url']);
    } finally {
      await page.close();
    }
  });

  it('app-error: a 500 to a token DiwLoginChk calls valid is the application’s fault', async () => {
    const { page, tabId, captureId } = await logIn('app-error', 'manee');
    try {
      expect((await hopsOf(tabId)).find((hop) => hop.url.includes('/callback/broken'))?.status).toBe(500);
      const codes = await pollUntil(
        async () => {
          const found = await hygieneCodes(captureId);
          return found.includes('app-callback-error') && found.includes('app-token-left-in-url') ? found : null;
        },
        { what: 'the callback-error finding' },
      );
      // Its error page also leaves the token in the address bar.
      expect(codes).toEqual(['app-callback-error', 'app-token-in-query', 'app-token-left-in-url']);
    } finally {
      await page.close();
    }
  });

  it.each(['fragment', 'form-post', 'location-only'] as const)(
    '%s: a clean hand-over, no hygiene finding',
    async (handover) => {
      const { page, captureId } = await logIn(handover, 'piti');
      try {
        expect(await hygieneCodes(captureId)).toEqual([]);
      } finally {
        await page.close();
      }
    },
  );

  describe('query-leaky, and the findings in the popup', () => {
    let login: DemoPage;
    let captureId: string;
    beforeAll(async () => {
      ({ page: login, captureId } = await logIn('query-leaky', 'fatima'));
    });
    afterAll(async () => {
      await login?.close();
    });

    it('the token sent on to the SSO’s origin in the Referer, named', async () => {
      const codes = await pollUntil(
        async () => {
          const found = await hygieneCodes(captureId);
          return found.includes('app-token-to-other-origins') ? found : null;
        },
        { what: 'the leak finding' },
      );
      expect(codes).toEqual(['app-token-in-query', 'app-token-left-in-url', 'app-token-to-other-origins']);
      const capture = (await storedCaptures(storage)).find((c) => c.id === captureId)!;
      expect(capture.hygiene?.page).toEqual({
        pageOrigin: world().appUrl,
        referrerPolicy: 'unsafe-url',
        resourceOrigins: [world().ssoUrl],
      });
    });

    it('shows them in the popup over that tab, Thai and English, light and dark', async () => {
      const popup = await browser().openExtensionPage(POPUP_PATH);
      try {
        await popup.setViewport({ width: 460, height: 600 });
        await login.bringToFront();
        await popup.evaluate(() => location.reload());
        await popup.waitUntil(
          () => document.querySelector('[data-code="app-token-to-other-origins"]') !== null,
          undefined,
          { what: 'the hygiene findings in the popup' },
        );
        await popup.bringToFront();
        for (const language of ['th', 'en'] as const) {
          await clickLanguage(popup, language);
          await popup.evaluate(() => document.querySelector('[data-testid="findings"]')?.scrollIntoView());
          for (const scheme of ['light', 'dark'] as const) {
            if (!(await setColorScheme(popup, scheme))) continue;
            await popup.screenshot({ path: resolve(OUT_DIR, `popup-${kind}-${language}-${scheme}-hygiene.png`) });
          }
        }
        const shown = await popup.evaluate(() =>
          [...document.querySelectorAll('[data-testid="findings"] [data-code^="app-"]')].map((item) =>
            item.getAttribute('data-code'),
          ),
        );
        expect(shown.sort()).toEqual(['app-token-in-query', 'app-token-left-in-url', 'app-token-to-other-origins']);
        expect(await popup.text()).toContain(world().ssoUrl);
      } finally {
        await popup.close();
      }
    });
  });
});
