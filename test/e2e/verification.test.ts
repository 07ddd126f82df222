/**
 * Verification with DiwLoginChk against a real SOAP stack (not an imitation of one), in real Chromium
 * and Firefox with the built extension, against the demo world's SOAP service on loopback.
 * Everything goes through the extension's own pages, as a person would use them: the options
 * page to set the service up (WSDL URL → Load WSDL → ClientID → Save), the demo SSO to log in,
 * the popup to read the answer. Each of the manual's four §4.2 cases is seen in the popup, and so
 * is the "could not connect" message when the service's port refuses connections.
 *
 * Each test logs a different demo person in and closes the login tab at the end (closing a tab
 * drops its captures), so the popup's list never holds two captures for the same name.
 */
import { createServer } from 'node:net';
import { expect, it } from 'vitest';
import { describeEachBrowser, useBrowser, useDemoWorld } from '../helpers/browsers';
import { clickAndReadStatus, configureVerification, readCaptureInPopup } from '../../demo/drive-extension.mjs';
import { pollUntil } from '../../demo/launch-browser.mjs';
import type { DemoPage, LaunchedBrowser } from '../../demo/launch-browser.mjs';
import type { DemoWorld } from '../../demo/world.mjs';

/** The manual's §4.2 answers, word for word as DiwLoginChk sends them. */
const MANUAL_CASE = {
  1: 'Token is valid',
  2: 'Token is expired',
  3: 'Mismatch data in received token',
  4: 'Unable to Authenticate Please Try Again',
} as const;

/** A ClientID the demo service does not know (its own is DEMO_CLIENT_ID): manual case 4. */
const WRONG_CLIENT_ID = 'not-the-registered-client-id';

const OPTIONS_PAGE = 'src/options/index.html';
const POPUP_PAGE = 'src/popup/index.html';

/** The name the popup's list shows for a demo person ("firstname lastname", Thai). */
function nameShownFor(world: DemoWorld, key: string): string {
  const person = world.people.find((p) => p.key === key);
  if (!person) throw new Error(`no demo person "${key}"`);
  return `${person.firstname} ${person.lastname}`;
}

/** Opens the demo SSO's GET login URL in a new tab; the caller closes the tab. */
function logIn(
  browser: LaunchedBrowser,
  world: DemoWorld,
  user: string,
  scenario: 'normal' | 'expired' | 'tampered',
): Promise<DemoPage> {
  return browser.openPage(world.loginUrl({ user, handover: 'query', scenario }));
}

/** A loopback port nothing listens on: bound by us, then released. */
async function refusedLoopbackPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** What the popup's DiwLoginChk block shows now, or null when it shows no result. */
interface VerificationShown {
  headline: string;
  tone: string;
  findings: string[];
}

function readVerificationBlock(popup: DemoPage): Promise<VerificationShown | null> {
  return popup.evaluate(() => {
    const block = document.querySelector<HTMLElement>('[data-testid="verification"]');
    if (!block) return null;
    return {
      headline: block.querySelector<HTMLElement>('.verification__headline')?.innerText.trim() ?? '',
      tone:
        [...block.classList]
          .find((c) => c.startsWith('verification__result--'))
          ?.replace('verification__result--', '') ?? '',
      findings: [...block.querySelectorAll<HTMLElement>('.verification__findings li')].map((li) => li.innerText.trim()),
    };
  });
}

/** Waits until the popup's DiwLoginChk block shows a result, and reads it. */
async function waitForVerificationBlock(popup: DemoPage, what: string, timeoutMs?: number): Promise<VerificationShown> {
  return (await pollUntil(() => readVerificationBlock(popup), { what, timeoutMs })) as VerificationShown;
}

/**
 * Opens the popup page in a tab and picks the capture shown under `who` in its "elsewhere" list,
 * as a person clicks a name; resolves once the token's verdict is on screen. Unlike
 * readCaptureInPopup, it presses nothing else, so the test can look before verifying.
 */
async function openPopupOn(browser: LaunchedBrowser, who: string): Promise<DemoPage> {
  const popup = await browser.openExtensionPage(POPUP_PAGE);
  const position = await pollUntil(
    () =>
      popup.evaluate(
        (name: string) =>
          [...document.querySelectorAll('[data-testid="picker-elsewhere"] li')].findIndex(
            (item) => item.querySelector('.picker__who')?.textContent?.trim() === name,
          ) + 1,
        who,
      ),
    { what: `the popup to list a capture for ${who}` },
  );
  await popup.click(`[data-testid="picker-elsewhere"] li:nth-child(${position}) button`);
  await popup.waitUntil(
    () => document.querySelector('[data-verdict]') !== null && document.querySelector('.verification') !== null,
    undefined,
    {
      what: 'the popup to show the token and its DiwLoginChk block',
    },
  );
  return popup;
}

describeEachBrowser('verification with DiwLoginChk', (kind) => {
  const world = useDemoWorld();
  const browser = useBrowser(kind);

  const configure = (clientId: string) =>
    configureVerification(browser(), { wsdlUrl: world().soapWsdlUrl, clientId, testConnection: false });

  it('case 1: a fresh token with the right ClientID is "Token is valid" (and Test connection proves the path)', async () => {
    const configured = await configureVerification(browser(), {
      wsdlUrl: world().soapWsdlUrl,
      clientId: world().clientId,
      testConnection: true,
    });
    // Test connection sends a dummy token, so case 3 is the answer that proves the whole path works.
    expect(configured.tested).toContain(MANUAL_CASE[3]);
    const login = await logIn(browser(), world(), 'somchai', 'normal');
    try {
      const reading = await readCaptureInPopup(browser(), { who: nameShownFor(world(), 'somchai') });
      expect(reading.verdict).toBe('valid');
      expect(reading.verification).toContain(`DiwLoginChk:`);
      expect(reading.verification).toContain(MANUAL_CASE[1]);
      // The popup names the manual's case (Thai by default: "กรณีที่ 1 ตามคู่มือ §4.2").
      expect(reading.verification).toMatch(/(กรณีที่|case) 1/);
    } finally {
      await login.close();
    }
  });

  it('case 2: an expired token is "Token is expired"', async () => {
    await configure(world().clientId);
    const login = await logIn(browser(), world(), 'fatima', 'expired');
    try {
      const reading = await readCaptureInPopup(browser(), { who: nameShownFor(world(), 'fatima') });
      expect(reading.verdict).toBe('expired');
      expect(reading.verification).toContain(MANUAL_CASE[2]);
      expect(reading.verification).toMatch(/(กรณีที่|case) 2/);
    } finally {
      await login.close();
    }
  });

  it('case 3: a token edited after signing is "Mismatch data in received token", though it looks current', async () => {
    await configure(world().clientId);
    const login = await logIn(browser(), world(), 'manee', 'tampered');
    try {
      const reading = await readCaptureInPopup(browser(), { who: nameShownFor(world(), 'manee') });
      // Read alone, the edited token looks fine (its exp was pushed later): only the service
      // can tell, and once it has, the headline says so rather than "valid".
      expect(reading.verdict).toBe('not-genuine');
      expect(reading.verification).toContain(MANUAL_CASE[3]);
      expect(reading.verification).toMatch(/(กรณีที่|case) 3/);
    } finally {
      await login.close();
    }
  });

  it('case 4: after the ClientID is changed to a wrong one, the old "valid" is not shown, and verifying again says "Unable to Authenticate"', async () => {
    await configure(world().clientId);
    const login = await logIn(browser(), world(), 'somying', 'normal');
    const who = nameShownFor(world(), 'somying');
    let laterLogin: DemoPage | undefined;
    try {
      // Under the right ClientID this token is case 1…
      const before = await readCaptureInPopup(browser(), { who });
      expect(before.verification).toContain(MANUAL_CASE[1]);

      // …then someone types a wrong ClientID on the options page; Test connection already says so.
      const configured = await configureVerification(browser(), {
        wsdlUrl: world().soapWsdlUrl,
        clientId: WRONG_CLIENT_ID,
        testConnection: true,
      });
      expect(configured.tested).toContain(MANUAL_CASE[4]);

      const popup = await openPopupOn(browser(), who);
      try {
        // The result made under the old ClientID must not pass for the current one.
        expect(await readVerificationBlock(popup)).toBeNull();
        expect(await popup.text()).not.toContain(MANUAL_CASE[1]);
        expect(await popup.evaluate(() => document.querySelector('.verification__none') !== null)).toBe(true);

        // The person presses "Verify": the service refuses the ClientID.
        await popup.click('.verification button');
        const shown = await waitForVerificationBlock(popup, 'the popup to show the new DiwLoginChk answer');
        expect(shown.headline).toContain(MANUAL_CASE[4]);
        expect(shown.headline).toMatch(/(กรณีที่|case) 4/);
        expect(shown.tone).toBe('bad');
        expect(await popup.text()).not.toContain(MANUAL_CASE[1]);
      } finally {
        await popup.close();
      }

      // A fresh capture under the wrong ClientID is case 4 too (verified by the background itself).
      laterLogin = await logIn(browser(), world(), 'piti', 'normal');
      const fresh = await readCaptureInPopup(browser(), { who: nameShownFor(world(), 'piti') });
      expect(fresh.verdict).toBe('valid');
      expect(fresh.verification).toContain(MANUAL_CASE[4]);
    } finally {
      await login.close();
      await laterLogin?.close();
    }
  });

  it('says the service refused the connection when its port is closed (the browser names it to webRequest)', async () => {
    const closedEndpoint = `http://127.0.0.1:${await refusedLoopbackPort()}/DiwAppChk`;
    const options = await browser().openExtensionPage(OPTIONS_PAGE);
    try {
      // As a person would after the service moved: load the WSDL, then type another address.
      await options.fill('[data-testid="wsdl-url"]', world().soapWsdlUrl);
      const loaded = await clickAndReadStatus(options, '[data-testid="load-wsdl"]', 30_000, 'the WSDL to load');
      expect(loaded.tone).toBe('success');
      await options.fill('[data-testid="endpoint"]', closedEndpoint);
      await options.fill('[data-testid="client-id"]', world().clientId);
      const saved = await clickAndReadStatus(
        options,
        '[data-testid="save-settings"]',
        30_000,
        'the settings to be saved',
      );
      expect(saved.tone).not.toBe('error');

      const tested = await clickAndReadStatus(
        options,
        '[data-testid="test-connection"]',
        30_000,
        'the connection test',
      );
      expect(tested.tone).toBe('error');
      // fetch only says "Failed to fetch"; webRequest.onErrorOccurred names the cause.
      expect(tested.text).toMatch(/Connection refused \((net::ERR_CONNECTION_REFUSED|NS_ERROR_CONNECTION_REFUSED)\)/);
      expect(tested.text).toContain(closedEndpoint);
    } finally {
      await options.close();
    }

    // And where a person meets it: the popup, after logging in.
    const login = await logIn(browser(), world(), 'somchai', 'normal');
    const popup = await openPopupOn(browser(), nameShownFor(world(), 'somchai'));
    try {
      // Auto-verify ran at capture; if its result is not in yet, the person presses "Verify".
      let shown = await waitForVerificationBlock(popup, 'the automatic DiwLoginChk result', 10_000).catch(() => null);
      if (!shown) {
        await popup.click('.verification button');
        shown = await waitForVerificationBlock(popup, 'the popup to show the failed verification');
      }
      expect(shown.tone).toBe('bad');
      // "ตรวจสอบไม่สำเร็จ (network)" / "Verification failed (network)": no answer, not a case.
      expect(shown.headline).toContain('(connection-refused)');
      expect(shown.headline).not.toMatch(/Token is|Mismatch|Unable to Authenticate/);
      expect(shown.findings.join('\n')).toMatch(/บริการปฏิเสธการเชื่อมต่อ|refused the connection/);
    } finally {
      await popup.close();
      await login.close();
    }
  });
});
