/**
 * The options page in real browsers: a person configures the demo
 * DiwAppChk-like SOAP service through the page — Load WSDL, the guessed mapping, the ClientID,
 * Save — and Test connection reaches the service through the real background and answers the
 * manual's case 3 for its dummy token. Also: a wrong ClientID reads as case 4, the settings
 * survive a reload with the ClientID masked, and a capture site can be added and removed.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, it } from 'vitest';
import type { DemoPage } from '../../demo/launch-browser.mjs';
import { describeEachBrowser, describeInBrowser, useBrowser, useDemoWorld } from '../helpers/browsers';

const OPTIONS_PAGE = 'src/options/index.html';
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  targets: string[];
}

/**
 * Runs axe-core in the page (WCAG rules, colour contrast included, which only a real browser can
 * compute). The source goes in through the driver's own evaluate, which the extension page's CSP
 * does not apply to; a <script> tag would be refused.
 */
async function axeViolations(page: DemoPage): Promise<AxeViolation[]> {
  await page.native.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (context: Document) => Promise<{
            violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: string[] }> }>;
          }>;
        };
      }
    ).axe;
    const { violations } = await axe.run(document);
    return violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
  });
}

/** The text in the element with this data-testid ('' while it is not there). */
function textOf(page: DemoPage, testId: string): Promise<string> {
  return page.evaluate((id: string) => document.querySelector(`[data-testid="${id}"]`)?.textContent ?? '', testId);
}

function valueOf(page: DemoPage, testId: string): Promise<string> {
  return page.evaluate(
    (id: string) => (document.querySelector(`[data-testid="${id}"]`) as HTMLInputElement | null)?.value ?? '',
    testId,
  );
}

/** Waits until the status area of `testId` holds `expected` and says what it held if it never did. */
async function waitForStatus(page: DemoPage, expected: string, testId = 'status-message'): Promise<string> {
  await page.waitUntil(
    ([id, text]: [string, string]) =>
      (document.querySelector(`[data-testid="${id}"]`)?.textContent ?? '').includes(text),
    [testId, expected] as [string, string],
    { what: `"${expected}" in ${testId}` },
  );
  return textOf(page, testId);
}

async function openOptions(open: (path: string) => Promise<DemoPage>): Promise<DemoPage> {
  const page = await open(OPTIONS_PAGE);
  await page.waitUntil(() => document.querySelector('[data-testid="save-settings"]') !== null, undefined, {
    what: 'the options page to render',
  });
  return page;
}

/** Switches the page to English through its own language control, as a person would. */
async function useEnglish(page: DemoPage): Promise<void> {
  await page.evaluate(() => {
    const select = document.querySelector('[data-testid="language"]') as HTMLSelectElement;
    select.value = 'en';
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await page.waitUntil(
    () => document.querySelector('[data-testid="save-settings"]')?.textContent === 'Save settings',
    undefined,
    {
      what: 'the page to switch to English',
    },
  );
}

describeEachBrowser('options page', (kind) => {
  const world = useDemoWorld();
  const browser = useBrowser(kind);

  it('configures the demo SOAP service from its WSDL, and Test connection answers case 3 end to end', async () => {
    const page = await openOptions((path) => browser().openExtensionPage(path));
    try {
      // Thai first, as shipped.
      expect(await textOf(page, 'save-settings')).toBe('บันทึกการตั้งค่า');
      await useEnglish(page);

      await page.fill('[data-testid="wsdl-url"]', world().soapWsdlUrl);
      await page.click('[data-testid="load-wsdl"]');
      await waitForStatus(page, 'WSDL read: 1 operation(s) found.');
      // The manual does not name the operation or the parameters: they came from the WSDL, guessed.
      expect(await valueOf(page, 'operation')).toBe('DiwLoginChk');
      expect(await valueOf(page, 'token-parameter')).toBe('AccessToken');
      expect(await valueOf(page, 'client-id-parameter')).toBe('ClientID');
      const endpoint = await valueOf(page, 'endpoint');
      expect(endpoint).toBe(world().soapWsdlUrl.replace(/\?wsdl$/i, ''));

      await page.fill('[data-testid="client-id"]', world().clientId);
      await page.click('[data-testid="save-settings"]');
      await waitForStatus(page, `Settings saved, and the extension may reach ${new URL(endpoint).origin}.`);

      await page.click('[data-testid="test-connection"]');
      const answer = await waitForStatus(page, 'Service reachable; it answered case 3');
      expect(answer).toContain(
        '“Mismatch data in received token” — expected for a dummy token, so the path works end to end.',
      );
      expect(answer).toContain(`Called: ${endpoint}`);
    } finally {
      await page.close();
    }

    // A fresh page shows what was stored, with the ClientID masked and never in the clear.
    const reopened = await openOptions((path) => browser().openExtensionPage(path));
    try {
      await reopened.waitUntil(
        () => (document.querySelector('[data-testid="operation"]') as HTMLInputElement | null)?.value === 'DiwLoginChk',
        undefined,
        {
          what: 'the saved operation to show',
        },
      );
      expect(await valueOf(reopened, 'wsdl-url')).toBe(world().soapWsdlUrl);
      expect(await valueOf(reopened, 'token-parameter')).toBe('AccessToken');
      expect(await reopened.text()).toContain('Saved: DEMO••••••7F3A');
      expect(await reopened.text()).not.toContain(world().clientId);
      expect(
        await reopened.evaluate(() => (document.querySelector('[data-testid="client-id"]') as HTMLInputElement).type),
      ).toBe('password');
    } finally {
      await reopened.close();
    }
  });

  it('reads a wrong ClientID as the manual’s case 4', async () => {
    const page = await openOptions((path) => browser().openExtensionPage(path));
    try {
      await useEnglish(page);
      await page.fill('[data-testid="wsdl-url"]', world().soapWsdlUrl);
      await page.click('[data-testid="load-wsdl"]');
      await waitForStatus(page, 'WSDL read');
      await page.fill('[data-testid="client-id"]', 'NOT-THE-DEMO-CLIENT');
      await page.click('[data-testid="save-settings"]');
      await waitForStatus(page, 'Settings saved');
      await page.click('[data-testid="test-connection"]');
      const answer = await waitForStatus(page, 'it answered case 4');
      expect(answer).toContain('the service does not accept this ClientID');
    } finally {
      await page.close();
    }
  });

  it('passes axe-core with a WSDL loaded and errors on screen', async () => {
    const page = await openOptions((path) => browser().openExtensionPage(path));
    try {
      await page.fill('[data-testid="wsdl-url"]', world().soapWsdlUrl);
      await page.click('[data-testid="load-wsdl"]');
      await page.waitUntil(() => document.querySelector('[data-testid="wsdl-summary"]') !== null, undefined, {
        what: 'the WSDL summary',
      });
      await page.fill('[data-testid="timeout"]', '500');
      await page.click('[data-testid="save-settings"]');
      await page.fill('[data-testid="capture-site-input"]', 'not an origin');
      await page.click('[data-testid="add-capture-site"]');
      await page.waitUntil(() => document.querySelector('[data-testid="capture-site-error"]') !== null, undefined, {
        what: 'the origin error',
      });
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('adds a capture site through the page, registers it, and removes it again', async () => {
    // An origin the manifest already allows (127.0.0.1 on any port), so no prompt needs a person.
    const site = world().appUrl;
    const page = await openOptions((path) => browser().openExtensionPage(path));
    try {
      await useEnglish(page);
      await page.fill('[data-testid="capture-site-input"]', `${site}/some/path`);
      await page.click('[data-testid="add-capture-site"]');
      const added = await waitForStatus(page, `${site} added.`, 'capture-site-status');
      expect(added).toContain('Capture registered on:');
      expect(added).toContain(site);
      await page.waitUntil(
        (origin: string) =>
          document
            .querySelector(`[data-testid="added-capture-sites"] [data-origin="${origin}"]`)
            ?.getAttribute('data-granted') === 'true',
        site,
        { what: 'the added site to show as granted' },
      );

      await page.click(`[aria-label="Remove ${site}"]`);
      // Giving the permission back may be refused where the manifest already covers the host;
      // either way the site leaves the list and the settings.
      await waitForStatus(page, `${site} removed`, 'capture-site-status');
      await page.waitUntil(() => document.querySelector('[data-testid="added-capture-sites"]') === null, undefined, {
        what: 'the added-sites list to empty',
      });
    } finally {
      await page.close();
    }
  });
});

// Firefox only: Chromium grants manifest host permissions at install; only Firefox MV3 leaves
// them to the person.
describeInBrowser('firefox', 'options page without granted host permissions', (kind) => {
  const browser = useBrowser(kind, { firefoxPrefs: { 'extensions.originControls.grantByDefault': false } });

  it('shows the built-in sites as not granted, each with a Grant button, and says why', async () => {
    const page = await openOptions((path) => browser().openExtensionPage(path));
    try {
      await useEnglish(page);
      await page.waitUntil(
        () =>
          [...document.querySelectorAll('[data-testid="default-capture-sites"] li')].every(
            (li) => li.getAttribute('data-granted') === 'false',
          ),
        undefined,
        { what: 'the built-in sites to show as not granted' },
      );
      const grantButtons = await page.evaluate(() =>
        [...document.querySelectorAll('[data-testid="default-capture-sites"] button')].map((button) =>
          button.getAttribute('aria-label'),
        ),
      );
      expect(grantButtons).toEqual([
        'Grant *.industry.go.th',
        'Grant *.diw.go.th',
        'Grant localhost',
        'Grant 127.0.0.1',
      ]);
      expect(await page.text()).toContain('Firefox lets the person decide on site access, even for the built-in sites');
    } finally {
      await page.close();
    }
  });
});
