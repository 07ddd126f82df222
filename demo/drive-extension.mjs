// Driving the extension's own pages the way a person does: typing into the options page and
// clicking its buttons, opening the popup and reading what it shows. No back door: nothing here
// writes to the extension's storage or sends it messages, so what `npm start` and the tests see
// is what a person would see. The selectors are the pages' `data-testid` attributes
// (src/options/verification-section.tsx, src/popup/*.tsx).

import { pollUntil } from './launch-browser.mjs';

const OPTIONS_PAGE = 'src/options/index.html';
const POPUP_PAGE = 'src/popup/index.html';
/** The toolbar popup's size (Chrome caps popups at 800×600), so screenshots look like the real thing. */
export const POPUP_VIEWPORT = Object.freeze({ width: 460, height: 600 });

/**
 * Sets the verification service in the options page: WSDL URL → "Load WSDL" → ClientID → Save.
 * Returns the options page's own status lines, for printing.
 * @param {import('./launch-browser.mjs').LaunchedBrowser} browser
 * @param {{ wsdlUrl: string, clientId: string, testConnection?: boolean, timeoutMs?: number }} settings
 * @returns {Promise<{ loaded: string, saved: string, tested: string | null }>}
 */
export async function configureVerification(browser, { wsdlUrl, clientId, testConnection = true, timeoutMs = 30_000 }) {
  const options = await browser.openExtensionPage(OPTIONS_PAGE);
  try {
    await options.waitUntil(() => document.querySelector('[data-testid="wsdl-url"]') !== null, undefined, {
      timeoutMs,
      what: 'the options page to show the WSDL field',
    });
    await options.fill('[data-testid="wsdl-url"]', wsdlUrl);
    const loaded = await clickAndReadStatus(options, '[data-testid="load-wsdl"]', timeoutMs, 'the WSDL to load');
    if (loaded.tone === 'error') throw new Error(`The options page could not load the WSDL: ${loaded.text}`);
    // The form fills the operation and parameter names from the WSDL; the ClientID is ours to type.
    await options.fill('[data-testid="client-id"]', clientId);
    const saved = await clickAndReadStatus(
      options,
      '[data-testid="save-settings"]',
      timeoutMs,
      'the settings to be saved',
    );
    if (saved.tone === 'error') throw new Error(`The options page did not save: ${saved.text}`);
    let tested = null;
    if (testConnection) {
      tested = (await clickAndReadStatus(options, '[data-testid="test-connection"]', timeoutMs, 'the connection test'))
        .text;
    }
    return { loaded: loaded.text, saved: saved.text, tested };
  } finally {
    await options.close();
  }
}

/** @param {import('./launch-browser.mjs').DemoPage} page @returns {Promise<{ tone: string, text: string }>} */
export function readStatus(page) {
  return page.evaluate(() => {
    const status = /** @type {HTMLElement | null} */ (document.querySelector('[data-testid="status-message"]'));
    return { tone: status?.getAttribute('data-tone') ?? '', text: status?.innerText.trim() ?? '' };
  });
}

/**
 * Clicks `selector` and waits for the options page's status line to show this action's result:
 * a tone other than "info" (working…) and a text other than the previous action's.
 * @param {import('./launch-browser.mjs').DemoPage} page
 * @param {string} selector
 * @param {number} timeoutMs
 * @param {string} what
 * @returns {Promise<{ tone: string, text: string }>}
 */
export async function clickAndReadStatus(page, selector, timeoutMs, what) {
  const before = (await readStatus(page)).text;
  await page.click(selector);
  await page.waitUntil(
    (previous) => {
      const status = /** @type {HTMLElement | null} */ (document.querySelector('[data-testid="status-message"]'));
      const tone = status?.getAttribute('data-tone') ?? '';
      return tone !== '' && tone !== 'info' && status?.innerText.trim() !== previous;
    },
    before,
    { timeoutMs, what },
  );
  return readStatus(page);
}

/**
 * @typedef {object} PopupReading  What the popup shows for one capture (codes, not translations,
 *   where the page offers them, so a summary reads the same in Thai and English).
 * @property {string | null} verdict      `data-verdict`: valid | expired | not-yet-valid | expiry-unknown | not-genuine | not-sso | unreadable
 * @property {string} verdictText         the verdict line as shown
 * @property {string | null} source       how the token arrived, as shown (query, fragment, …)
 * @property {string | null} verification the DiwLoginChk line as shown, or null if none is shown
 * @property {string[]} findings          the finding codes (`data-code`), most serious first
 */

/** How long to wait for the background's own verification before pressing Verify. */
const AUTO_VERIFY_GRACE_MS = 5_000;

/**
 * Opens the popup page in a tab and reads what it shows for one capture. The popup opened as a
 * tab has no captures of its own tab, so it lists the others ("elsewhere"), as it does for a
 * person who opens it over an unrelated tab; this picks one the way that person would: by the
 * name on it (`who`, e.g. "สมชาย ทดสอบ"), or the newest when `who` is not given. Then it waits
 * for DiwLoginChk's answer (pressing "Verify" if none comes by itself) and reads the page.
 * @param {import('./launch-browser.mjs').LaunchedBrowser} browser
 * @param {{ who?: string, screenshotPath?: string, timeoutMs?: number }} [options]
 * @returns {Promise<PopupReading>}
 */
export async function readCaptureInPopup(browser, { who, screenshotPath, timeoutMs = 20_000 } = {}) {
  const popup = await browser.openExtensionPage(POPUP_PAGE);
  try {
    await popup.setViewport(POPUP_VIEWPORT);
    // The capture to pick in the live "elsewhere" list, counted from 1 (0: not listed yet).
    const position = await pollUntil(
      () =>
        popup.evaluate((name) => {
          const items = [...document.querySelectorAll('[data-testid="picker-elsewhere"] li')];
          if (!name) return items.length > 0 ? 1 : 0;
          return items.findIndex((item) => item.querySelector('.picker__who')?.textContent?.trim() === name) + 1;
        }, who ?? null),
      { timeoutMs, what: `the popup to list a capture${who ? ` for ${who}` : ''}` },
    );
    await popup.click(`[data-testid="picker-elsewhere"] li:nth-child(${position}) button`);
    await popup.waitUntil(() => document.querySelector('[data-verdict]') !== null, undefined, {
      timeoutMs,
      what: 'the popup to show a verdict',
    });

    const isSso = await popup.evaluate(() => document.querySelector('.verification') !== null);
    if (isSso) {
      // The background verifies a current login by itself once settings are saved, within a
      // second on loopback. It leaves an expired token, and logins past its rate limit, to a
      // person: then press "Verify", as they would.
      const shown = await waitQuietly(
        popup,
        () => document.querySelector('[data-testid="verification"]') !== null,
        Math.min(timeoutMs, AUTO_VERIFY_GRACE_MS),
      );
      if (!shown) {
        await popup.click('.verification button');
        await waitQuietly(popup, () => document.querySelector('[data-testid="verification"]') !== null, timeoutMs);
      }
    }
    const reading = await popup.evaluate(() => {
      /** @param {string} selector */
      const text = (selector) =>
        /** @type {HTMLElement | null} */ (document.querySelector(selector))?.innerText.trim() ?? null;
      return {
        verdict: document.querySelector('[data-verdict]')?.getAttribute('data-verdict') ?? null,
        verdictText: text('[data-verdict]') ?? '',
        source: text('[data-testid="source"]'),
        verification: text('[data-testid="verification"] .verification__headline'),
        findings: [...document.querySelectorAll('[data-testid="findings"] li[data-code]')].map(
          (li) => li.getAttribute('data-code') ?? '',
        ),
      };
    });
    if (screenshotPath) await popup.screenshot({ path: screenshotPath, fullPage: true });
    return reading;
  } finally {
    await popup.close();
  }
}

/**
 * Like waitUntil, but says false instead of throwing when the time is up.
 * @param {import('./launch-browser.mjs').DemoPage} page
 * @param {() => unknown} condition
 * @param {number} timeoutMs
 * @returns {Promise<boolean>}
 */
async function waitQuietly(page, condition, timeoutMs) {
  try {
    await page.waitUntil(condition, undefined, { timeoutMs });
    return true;
  } catch {
    return false;
  }
}
