/**
 * The popup in real Chromium and Firefox with the built extension: after a demo login
 * is captured, the popup page shows whose token it is, the office path and a countdown that
 * moves, switches language, verifies against the demo DiwLoginChk service, and passes axe-core
 * with real layout and colours.
 *
 * The popup page is opened in a tab here (browsers do not let a test click the toolbar button),
 * so "this tab" is the popup's own tab and the demo login is one of the captures "elsewhere":
 * the test picks it in the switcher, as a person would.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBrowser, describeInBrowser, useBrowser, useDemoWorld } from '../helpers/browsers';
import { clearSession, openStoragePage, waitForCapture } from '../helpers/extension-state';
import { axeViolations, configureVerification, POPUP_PATH as POPUP, textOf } from '../helpers/popup-page';
import { signToken } from '../../demo/demo-tokens.mjs';
import type { DemoPage } from '../../demo/launch-browser.mjs';
import type { DemoPerson } from '../../demo/people.mjs';

/** A demo-signed token for `person`, valid for the manual's 65 minutes from now. */
function signDemoToken(person: DemoPerson): string {
  const nbf = Math.floor(Date.now() / 1000);
  const { sid, username, idcard, firstname, lastname, email, org } = person;
  return signToken({
    sid,
    username,
    idcard,
    firstname,
    lastname,
    email,
    org,
    iss: 'industry-sso-demo',
    nbf,
    exp: nbf + 65 * 60,
  });
}

describeEachBrowser('popup', (kind) => {
  const world = useDemoWorld();
  const browser = useBrowser(kind);
  let popup: DemoPage;
  /** Kept open: the background forgets a tab's captures when the tab closes. */
  let login: DemoPage;

  beforeAll(async () => {
    const storage = await openStoragePage(browser());
    await clearSession(storage);
    login = await browser().openPage(world().loginUrl({ user: 'somchai', handover: 'query', scenario: 'normal' }));
    await waitForCapture(storage, (c) => c.isIndustrySso && c.parameter === 'token', 'the demo login capture');
    await storage.close();
    popup = await browser().openExtensionPage(POPUP);
  });
  afterAll(async () => {
    await popup?.close();
    await login?.close();
  });

  it('offers the captured login in the switcher and shows the person, the office path and a live countdown', async () => {
    await popup.waitUntil(() => document.querySelector('[data-testid="picker-elsewhere"] button') !== null, undefined, {
      what: 'the capture in the switcher',
    });
    await popup.click('[data-testid="picker-elsewhere"] button');
    await popup.waitUntil(
      () => document.querySelector('[data-testid="person-name"]')?.textContent === 'สมชาย ทดสอบ',
      undefined,
      {
        what: 'the person’s name',
      },
    );
    expect(await textOf(popup, 'username')).toBe('somchai.t');
    const path = await popup.evaluate(() =>
      [...document.querySelectorAll('[data-testid="office-path"] li')].map((item) => item.textContent),
    );
    expect(path.at(-1)).toBe('สำนักงานอุตสาหกรรมจังหวัดนครปฐม');
    expect(path.length).toBeGreaterThan(1);
    expect(await textOf(popup, 'province')).toBe('นครปฐม');
    expect(await popup.evaluate(() => document.getElementById('verdict-heading')?.dataset.verdict)).toBe('valid');
    expect(await textOf(popup, 'countdown')).toMatch(/^เหลือเวลาอีก (1 ชม\. )?\d+ นาที/);
    // The ID number is masked on screen.
    expect(await popup.text()).not.toMatch(/\d{13}/);
    // The countdown ticks: wait until the clock shows another value than it does now.
    const first = await textOf(popup, 'countdown-clock');
    expect(first).toMatch(/^\d+:\d\d(:\d\d)?$/);
    await popup.waitUntil(
      (before) => document.querySelector('[data-testid="countdown-clock"]')?.textContent !== before,
      first,
      {
        what: 'the countdown to tick',
        timeoutMs: 5_000,
      },
    );
  });

  it('verifies with the demo DiwLoginChk service on request and shows the manual’s case 1', async () => {
    expect(await popup.text()).toContain('ยังไม่ได้ตรวจสอบกับ DiwLoginChk');
    await configureVerification(browser(), world().soapWsdlUrl, world().clientId);
    await popup.click('.verification button');
    await popup.waitUntil(
      () => document.querySelector('[data-testid="verification"]')?.textContent?.includes('Token is valid') === true,
      undefined,
      {
        what: 'the verification result',
      },
    );
    expect(await textOf(popup, 'verification')).toContain('กรณีที่ 1 ตามคู่มือ §4.2');
  });

  it('is usable from the keyboard: Tab reaches the ID reveal toggle and Enter presses it', async () => {
    const keyboard = (popup.native as { keyboard: { press(key: string): Promise<void> } }).keyboard;
    await popup.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    let reached = false;
    for (let presses = 0; presses < 40 && !reached; presses += 1) {
      await keyboard.press('Tab');
      reached = await popup.evaluate(
        () =>
          document.activeElement?.getAttribute('aria-pressed') !== null &&
          document.activeElement?.closest('.idcard') !== null,
      );
    }
    expect(reached).toBe(true);
    await keyboard.press('Enter');
    await popup.waitUntil(
      () => /^\d{13}$/.test(document.querySelector('[data-testid="idcard"]')?.textContent ?? ''),
      undefined,
      {
        what: 'the revealed ID number',
      },
    );
    await keyboard.press('Enter');
    await popup.waitUntil(
      () => document.querySelector('.idcard button')?.getAttribute('aria-pressed') === 'false',
      undefined,
      {
        what: 'the ID masked again',
      },
    );
  });

  it('has no axe-core violations with real layout and colours', async () => {
    await popup.evaluate(() => {
      for (const details of document.querySelectorAll('details')) details.open = true;
    });
    expect(await axeViolations(popup)).toEqual([]);
    // Dark colours too, where the browser can emulate the scheme (Playwright; not Puppeteer over BiDi).
    const native = popup.native as {
      emulateMedia?: (options: { colorScheme: 'dark' | 'light' | null }) => Promise<void>;
    };
    if (native.emulateMedia) {
      await native.emulateMedia({ colorScheme: 'dark' });
      await popup.waitUntil(() => matchMedia('(prefers-color-scheme: dark)').matches, undefined, {
        what: 'dark colours',
      });
      expect(await axeViolations(popup)).toEqual([]);
      await native.emulateMedia({ colorScheme: null });
    }
  });

  it('switches to English and the choice is remembered', async () => {
    await popup.click('button[lang="en"]');
    await popup.waitUntil(
      () => document.querySelector('[data-testid="countdown"]')?.textContent?.includes(' left') === true,
      undefined,
      {
        what: 'the English countdown',
      },
    );
    expect(await popup.evaluate(() => document.documentElement.lang)).toBe('en');
    const again = await browser().openExtensionPage(POPUP);
    try {
      await again.waitUntil(
        () =>
          document.documentElement.lang === 'en' &&
          document.querySelector('h1')?.textContent === 'Industry SSO token inspector',
        undefined,
        {
          what: 'a new popup in English',
        },
      );
      await again.click('button[lang="th"]');
      await again.waitUntil(() => document.documentElement.lang === 'th', undefined, { what: 'back to Thai' });
    } finally {
      await again.close();
    }
  });

  it('a pasted bad token shows the domain’s explanation; a pasted good one is shown', async () => {
    await popup.evaluate(() => {
      (document.querySelector('details.paste') as HTMLDetailsElement).open = true;
    });
    await popup.fill('#paste-token', 'eyJhbGciOiJIUzI1NiJ9.not-base64-%%%.sig');
    await popup.click('details.paste button[type="submit"]');
    await popup.waitUntil(() => (document.getElementById('paste-error')?.textContent ?? '').length > 10, undefined, {
      what: 'the paste error',
    });
    const pasted = world().people.find((person) => person.key === 'manee')!;
    await popup.fill('#paste-token', `Bearer ${signDemoToken(pasted)}`);
    await popup.click('details.paste button[type="submit"]');
    await popup.waitUntil(
      (name) => document.querySelector('[data-testid="person-name"]')?.textContent === name,
      `${pasted.firstname} ${pasted.lastname}`,
      {
        what: 'the pasted token',
      },
    );
    expect(await textOf(popup, 'org-raw')).toBe('1/435/');
    expect(await textOf(popup, 'org-name')).toBe('OrgID 1');
  });

  it('opened over the login’s tab, shows that tab’s newest token without a click', async () => {
    await login.bringToFront();
    await popup.evaluate(() => location.reload());
    await popup.waitUntil(
      () => document.querySelector('[data-testid="person-name"]')?.textContent === 'สมชาย ทดสอบ',
      undefined,
      {
        what: 'the login tab’s token',
      },
    );
    expect(await popup.evaluate(() => document.querySelectorAll('[data-testid="picker-this-tab"] button').length)).toBe(
      1,
    );
    await popup.bringToFront();
  });
});

// Firefox only: Chromium grants manifest host permissions at install; Firefox MV3 leaves them to
// the person (here: its pref that stops granting them by default, as a cautious install would).
describeInBrowser('firefox', 'popup where the browser has not granted the capture sites', (kind) => {
  const browser = useBrowser(kind, { firefoxPrefs: { 'extensions.originControls.grantByDefault': false } });

  it('says capture cannot work there instead of a bare "no token yet"', async () => {
    const popup = await browser().openExtensionPage(POPUP);
    try {
      await popup.waitUntil(() => document.querySelector('[data-testid="sites-not-allowed"]') !== null, undefined, {
        what: 'the popup to say the sites are not allowed',
      });
      const warning = await textOf(popup, 'sites-not-allowed');
      for (const site of ['*.industry.go.th', '*.diw.go.th', 'localhost', '127.0.0.1']) expect(warning).toContain(site);
    } finally {
      await popup.close();
    }
  });
});
