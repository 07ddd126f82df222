/**
 * Screenshots of the popup in Thai and English, light and dark, written to
 * artifacts/screenshots/ for a person to look at. The popup page is shown at a popup's size
 * (460×600) over the tab where a demo login was captured, so it reads as the real popup does:
 * that tab's newest token, verified automatically against the demo DiwLoginChk service.
 *
 * Each screenshot waits on what it must show (names, language, colour scheme), never on time.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachBrowser, useBrowser, useDemoWorld, type BrowserKind } from '../helpers/browsers';
import { clearSession, openStoragePage, payloadOf, waitForCapture } from '../helpers/extension-state';
import { configureVerification, sendFromPage, POPUP_PATH } from '../helpers/popup-page';
import type { DemoPage } from '../../demo/launch-browser.mjs';
import { claimsFor } from '../../demo/sso-server.mjs';
import { base64url } from '../../demo/token-kit.mjs';

const OUT_DIR = resolve('artifacts/screenshots');
const POPUP_SIZE = { width: 460, height: 600 };

type Scheme = 'light' | 'dark';

/**
 * Chromium: Playwright emulates prefers-color-scheme on the page. Firefox: Puppeteer over
 * WebDriver BiDi cannot ("CDP support is required"), so each scheme gets its own Firefox with
 * the content colour-scheme pref set at launch (0 = dark, 1 = light).
 */
async function setColorScheme(page: DemoPage, scheme: Scheme): Promise<void> {
  const native = page.native as { emulateMedia?: (options: { colorScheme: Scheme }) => Promise<void> };
  if (native.emulateMedia) await native.emulateMedia({ colorScheme: scheme });
  await page.waitUntil((wanted) => matchMedia(`(prefers-color-scheme: ${wanted})`).matches, scheme, {
    what: `${scheme} colour scheme`,
  });
}

const firefoxSchemePrefs = (scheme: Scheme) => ({
  'layout.css.prefers-color-scheme.content-override': scheme === 'dark' ? 0 : 1,
});

async function setLanguage(page: DemoPage, language: 'th' | 'en'): Promise<void> {
  await page.click(`.language button[lang="${language}"]`);
  await page.waitUntil((wanted) => document.documentElement.lang === wanted, language, {
    what: `the popup in ${language}`,
  });
}

describeEachBrowser('popup screenshots', (kind) => {
  // One browser switches schemes in Chromium; Firefox needs one launch per scheme (see above).
  const launches: Scheme[][] = kind === 'chromium' ? [['light', 'dark']] : [['light'], ['dark']];
  for (const schemes of launches) {
    describe(schemes.join(' and '), () => screenshotSuite(kind, schemes));
  }
});

function screenshotSuite(kind: BrowserKind, schemes: Scheme[]) {
  const world = useDemoWorld();
  const browser = useBrowser(kind, kind === 'firefox' ? { firefoxPrefs: firefoxSchemePrefs(schemes[0]!) } : {});
  const logins: DemoPage[] = [];
  let popup: DemoPage;

  const shoot = async (name: string, page: DemoPage = popup) => {
    const path = resolve(OUT_DIR, `popup-${kind}-${name}.png`);
    await page.screenshot({ path });
    return path;
  };

  beforeAll(async () => {
    mkdirSync(OUT_DIR, { recursive: true });
    const storage = await openStoragePage(browser());
    await clearSession(storage);
    // Configured first, so each current capture is verified automatically (the background's own
    // decision); an expired one the background leaves to a person, so the test asks, as they would.
    await configureVerification(browser(), world().soapWsdlUrl, world().clientId);
    // somchai last: the popup is shown over his tab. somying's token is already expired (case 2).
    const flows = [
      { user: 'somying', scenario: 'expired' },
      { user: 'fatima', scenario: 'normal' },
      { user: 'somchai', scenario: 'normal' },
    ] as const;
    for (const { user, scenario } of flows) {
      const username = world().people.find((person) => person.key === user)!.username;
      logins.push(await browser().openPage(world().loginUrl({ user, handover: 'query', scenario })));
      const capture = await waitForCapture(
        storage,
        (c) => payloadOf(c.token).username === username,
        `${user}'s capture`,
      );
      if (scenario === 'expired')
        await sendFromPage(storage, 'page→bg:verify', { captureId: capture.id, force: false });
      await waitForCapture(
        storage,
        (c) => c.verification !== undefined && payloadOf(c.token).username === username,
        `${user}'s verified capture`,
      );
    }
    await storage.close();
    popup = await browser().openExtensionPage(POPUP_PATH);
    await popup.setViewport(POPUP_SIZE);
    // Open the popup "over" the last login's tab: it is active when the page asks which tab it is on.
    await logins.at(-1)!.bringToFront();
    await popup.evaluate(() => location.reload());
    await popup.waitUntil(
      () => document.querySelector('[data-testid="person-name"]')?.textContent === 'สมชาย ทดสอบ',
      undefined,
      {
        what: 'the popup over somchai’s tab',
      },
    );
    await popup.waitUntil(() => document.querySelector('[data-testid="verification"]') !== null, undefined, {
      what: 'the verification result',
    });
    // The page asked for its tab only when it loaded; now bring it forward so clicks act at
    // once (Firefox does not run animation frames in a background tab, and Puppeteer's
    // locators wait for them).
    await popup.bringToFront();
  });
  afterAll(async () => {
    await popup?.close();
    for (const login of logins) await login.close();
  });

  for (const language of ['th', 'en'] as const) {
    for (const scheme of schemes) {
      it(`${language}, ${scheme}`, async () => {
        await setLanguage(popup, language);
        await setColorScheme(popup, scheme);
        await popup.evaluate(() => document.querySelector('.content')?.scrollTo(0, 0));
        const top = await shoot(`${language}-${scheme}`);
        // The lower sections (token times, findings, raw JSON), scrolled inside the popup.
        await popup.evaluate(() => {
          for (const details of document.querySelectorAll('details.raw')) (details as HTMLDetailsElement).open = true;
          const content = document.querySelector('.content')!;
          content.scrollTo(0, content.scrollHeight);
          // Two frames: the newly opened, scrolled JSON boxes are painted before the shot (once
          // Chromium's shot caught the payload box still empty).
          return new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));
        });
        const bottom = await shoot(`${language}-${scheme}-scrolled`);
        expect([top, bottom]).toHaveLength(2);
        const heading = await popup.evaluate(() => document.getElementById('verdict-heading')?.textContent ?? '');
        expect(heading).toContain(language === 'th' ? 'Token ยังใช้ได้' : 'Token is valid');
      });
    }
  }

  /** Picks a capture in the switcher by the person's name, as a person would. */
  const pick = async (name: string) => {
    await popup.evaluate(() => {
      (document.querySelector('details.picker') as HTMLDetailsElement).open = true;
    });
    await popup.evaluate((who) => {
      const buttons = [...document.querySelectorAll<HTMLButtonElement>('.picker__item')];
      buttons.find((button) => button.textContent?.includes(who))!.click();
    }, name);
  };

  it(`an expired token, verified as the manual's case 2, Thai, ${schemes[0]}`, async () => {
    await setLanguage(popup, 'th');
    await setColorScheme(popup, schemes[0]!);
    await pick('สมหญิง');
    await popup.waitUntil(() => document.getElementById('verdict-heading')?.dataset.verdict === 'expired', undefined, {
      what: 'the expired token',
    });
    await popup.waitUntil(
      () => document.querySelector('[data-testid="verification"]')?.textContent?.includes('Token is expired') === true,
      undefined,
      {
        what: 'case 2 from DiwLoginChk',
      },
    );
    await popup.evaluate(() => document.querySelector('.content')?.scrollTo(0, 0));
    await shoot(`th-${schemes[0]}-expired`);
    expect(await popup.evaluate(() => document.querySelector('[data-testid="countdown"]')?.textContent ?? '')).toMatch(
      /^หมดอายุมาแล้ว/,
    );
  });

  it(`a token with office findings (9/281/94, parent missing), Thai, ${schemes[0]}`, async () => {
    await setLanguage(popup, 'th');
    await setColorScheme(popup, schemes[0]!);
    await pick('ฟาตีมะห์');
    await popup.waitUntil(
      () => document.querySelector('[data-testid="org-raw"]')?.textContent === '9/281/94',
      undefined,
      {
        what: 'the Pattani token',
      },
    );
    await popup.evaluate(() => document.getElementById('office-heading')?.scrollIntoView());
    await shoot(`th-${schemes[0]}-office-findings`);
    expect(await popup.text()).toContain('สำนักงานอุตสาหกรรมจังหวัดปัตตานี');
  });

  it(`a pasted hostile token (hidden characters, 600 claims, a header nested 1,000 deep), English, ${schemes[0]}`, async () => {
    const header = `{"alg":"HS256","x":${'['.repeat(1_000)}1${']'.repeat(1_000)}}`;
    const extra = Object.fromEntries(Array.from({ length: 600 }, (_, i) => [`c${i}`, i]));
    const payload = {
      ...claimsFor(world().people[0]!, Math.floor(Date.now() / 1000)),
      firstname: 'Som\u202Echai',
      ...extra,
    };
    const hostile = `${base64url(header)}.${base64url(JSON.stringify(payload))}.c2ln`;
    const page = await browser().openExtensionPage(POPUP_PATH);
    try {
      await page.setViewport(POPUP_SIZE);
      await setColorScheme(page, schemes[0]!);
      await setLanguage(page, 'en');
      await page.waitUntil(() => document.querySelector('[data-testid="empty-state"]') !== null, undefined, {
        what: 'the empty state',
      });
      await page.fill('#paste-token', hostile);
      await page.click('details.paste button[type="submit"]');
      await page.waitUntil(() => document.querySelector('[data-testid="person-name"]') !== null, undefined, {
        what: 'the hostile token on screen',
      });
      await shoot(`en-${schemes[0]}-hostile`, page);
      expect(
        await page.evaluate(() => document.querySelector('[data-testid="person-name"]')?.textContent ?? ''),
      ).toContain('⟨U+202E⟩');
      expect(await page.evaluate(() => document.querySelector('[data-code="token-absurd-nesting"]') !== null)).toBe(
        true,
      );
      await page.evaluate(() => {
        for (const details of document.querySelectorAll('details.raw')) (details as HTMLDetailsElement).open = true;
        const content = document.querySelector('.content')!;
        content.scrollTo(0, content.scrollHeight);
        return new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));
      });
      await shoot(`en-${schemes[0]}-hostile-scrolled`, page);
    } finally {
      await page.close();
    }
  });

  it(`a plain-HTTP verification service, on the options page and in the popup, English, ${schemes[0]}`, async () => {
    // Saved only: with plain HTTP the background verifies nothing by itself, so nothing is sent there.
    const plainEndpoint = 'http://10.1.2.3:8080/DiwAppChk/DiwAppChk';
    await configureVerification(browser(), world().soapWsdlUrl, world().clientId, { endpoint: plainEndpoint });
    const options = await browser().openExtensionPage('src/options/index.html');
    try {
      await options.setViewport({ width: 820, height: 1300 });
      await setColorScheme(options, schemes[0]!);
      await options.waitUntil(() => document.querySelector('[data-testid="plain-http-warning"]') !== null, undefined, {
        what: 'the plain-HTTP warning',
      });
      await options.evaluate(() => {
        const select = document.querySelector('[data-testid="language"]') as HTMLSelectElement;
        select.value = 'en';
        select.dispatchEvent(new Event('change', { bubbles: true }));
      });
      await options.waitUntil(
        () =>
          document.querySelector('[data-testid="plain-http-warning"]')?.textContent?.includes('unencrypted') === true,
        undefined,
        {
          what: 'the warning in English',
        },
      );
      await options.evaluate(() =>
        document.querySelector('[data-testid="plain-http-warning"]')?.scrollIntoView({ block: 'center' }),
      );
      await shoot(`options-en-${schemes[0]}-plain-http`, options);
      await setLanguage(popup, 'en');
      await setColorScheme(popup, schemes[0]!);
      await popup.waitUntil(() => document.querySelector('[data-testid="plain-http"]') !== null, undefined, {
        what: 'the popup to say plain HTTP',
      });
      await popup.evaluate(() =>
        document.querySelector('[data-testid="plain-http"]')?.scrollIntoView({ block: 'center' }),
      );
      await shoot(`en-${schemes[0]}-plain-http`);
      expect(
        await popup.evaluate(() => document.querySelector('[data-testid="plain-http"]')?.textContent ?? ''),
      ).toMatch(/unencrypted/);
    } finally {
      await options.close();
      await configureVerification(browser(), world().soapWsdlUrl, world().clientId);
    }
  });

  it(`a popup over a tab with no token, after pasting a cut-off token, Thai, ${schemes[0]}`, async () => {
    // In its own tab the popup page has no token of "this tab": the empty state, with the
    // switcher offering the captures elsewhere.
    const empty = await browser().openExtensionPage(POPUP_PATH);
    try {
      await empty.setViewport(POPUP_SIZE);
      await setColorScheme(empty, schemes[0]!);
      await empty.waitUntil(() => document.querySelector('[data-testid="empty-state"]') !== null, undefined, {
        what: 'the empty state',
      });
      await empty.fill('#paste-token', 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzaWQiOiJ4Iiw');
      await empty.click('details.paste button[type="submit"]');
      await empty.waitUntil(() => document.getElementById('paste-error') !== null, undefined, {
        what: 'the paste error',
      });
      await shoot(`th-${schemes[0]}-empty-paste-error`, empty);
      expect(await empty.text()).toContain('*.industry.go.th');
    } finally {
      await empty.close();
    }
  });
}
