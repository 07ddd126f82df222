/**
 * Smoke test of the demo launchers: each browser loads the built extension, opens the
 * popup page and logs in at the demo SSO by a plain GET URL. Capture itself is proven in the
 * capture suites; this only shows that the pieces they stand on work.
 */
import { expect, it } from 'vitest';
import { describeEachBrowser, useBrowser, useDemoWorld } from '../helpers/browsers';
import { configureVerification, readCaptureInPopup } from '../../demo/drive-extension.mjs';

describeEachBrowser('demo world launchers', (kind) => {
  const world = useDemoWorld();
  const browser = useBrowser(kind);

  it('loads the extension and renders its popup page', async () => {
    const { extensionBaseUrl } = browser();
    expect(extensionBaseUrl).toMatch(
      kind === 'firefox' ? /^moz-extension:\/\/[0-9a-f-]{36}\/$/ : /^chrome-extension:\/\/[a-p]{32}\/$/,
    );
    const popup = await browser().openExtensionPage('src/popup/index.html');
    try {
      expect(await popup.url()).toBe(`${extensionBaseUrl}src/popup/index.html`);
      // Preact has rendered something into the page's root: the page's script ran.
      await popup.waitUntil(() => (document.getElementById('app')?.childElementCount ?? 0) > 0, undefined, {
        what: 'the popup to render',
      });
    } finally {
      await popup.close();
    }
  });

  it('is set up through the options page like a person would, then shows a verified login in the popup (what npm start does)', async () => {
    const configured = await configureVerification(browser(), {
      wsdlUrl: world().soapWsdlUrl,
      clientId: world().clientId,
      testConnection: false,
    });
    expect(configured.saved).not.toBe('');
    const login = await browser().openPage(
      world().loginUrl({ user: 'fatima', handover: 'form-post', scenario: 'expired' }),
    );
    try {
      await login.waitUntil(() => document.querySelector('main[data-demo-page="app-landing"]') !== null, undefined, {
        what: 'the demo app landing after the form POST',
      });
      const reading = await readCaptureInPopup(browser(), { who: 'ฟาตีมะห์ ทดลอง' });
      expect(reading.verdict).toBe('expired');
      // DiwLoginChk's manual case 2, as the demo service answers it.
      expect(reading.verification).toContain('Token is expired');
      expect(reading.findings).toContain('token-expired');
    } finally {
      // Closing the tab also drops its captures, so later tests start clean.
      await login.close();
    }
  });

  it('logs in at the demo SSO by GET URL and lands on the demo app without the token in the address bar', async () => {
    const page = await browser().openPage(world().loginUrl({ user: 'somying', handover: 'query', scenario: 'normal' }));
    try {
      await page.waitUntil(
        () => document.querySelector('main')?.getAttribute('data-demo-outcome') === 'logged-in',
        undefined,
        {
          what: 'the demo app to say "logged in"',
        },
      );
      expect(await page.text()).toContain('logged in as สมหญิง ตัวอย่าง (somying.t)');
      // The app strips the token from the address bar, as real applications do.
      expect(await page.url()).toBe(`${world().appUrl}/callback`);
    } finally {
      await page.close();
    }
  });
});
