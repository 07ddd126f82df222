/**
 * A hostile page on a capture site, in real Chromium and Firefox with the built extension: any
 * page there can put forged, SSO-shaped tokens in its own URL. It must not make the extension
 * spend its ClientID, push out the real login, or fill storage.session so a real login elsewhere
 * is lost.
 */
import { beforeAll, beforeEach, expect, it } from 'vitest';
import { signToken } from '../../demo/demo-tokens.mjs';
import { withCheckDigit } from '../../demo/token-kit.mjs';
import { pollUntil } from '../../demo/launch-browser.mjs';
import type { DemoPage } from '../../demo/launch-browser.mjs';
import { describeEachBrowser, useBrowser, useDemoWorld } from '../helpers/browsers';
import { clearSession, openStoragePage, readStorage, storedCaptures, waitForCapture } from '../helpers/extension-state';
import { configureVerification } from '../helpers/popup-page';
import { AUTO_VERIFY_PER_TAB } from '../../src/background/auto-verify-policy';
import { CAPTURE_BUDGET_BYTES, MAX_CAPTURES_PER_TAB } from '../../src/background/capture-store';

/**
 * An SSO-shaped token the SSO never issued (signed with another key: the demo service calls it
 * case 3), current by its own times, for a made-up person whose ID passes the check digit.
 */
function forgedToken(serial: number, padding = ''): string {
  const first12 = `3${String(100_000_000_000 + serial).slice(1)}`;
  const nbf = Math.floor(Date.now() / 1000) - 60;
  return signToken(
    {
      sid: `S-forged-${serial}`,
      username: `forged.${serial}`,
      idcard: withCheckDigit(first12),
      firstname: 'ปลอม',
      lastname: 'ทดสอบ',
      email: `forged.${serial}@example.go.th`,
      iss: 'industry-sso-demo',
      org: '9/59/73',
      exp: nbf + 65 * 60,
      nbf,
      ...(padding ? { padding } : {}),
    },
    { key: 'not-the-sso-key' },
  );
}

/** Sets the page's own #fragment once per token, waiting for each hashchange, as a page script can. */
function pushIntoFragment(page: DemoPage, tokens: string[]): Promise<void> {
  return page.evaluate(async (list: string[]) => {
    for (const token of list) {
      await new Promise<void>((resolve) => {
        addEventListener('hashchange', () => resolve(), { once: true });
        location.hash = `access_token=${token}`;
      });
    }
  }, tokens);
}

describeEachBrowser('a hostile page on a capture site', (kind) => {
  const world = useDemoWorld();
  const browser = useBrowser(kind);
  let storagePage: DemoPage;

  beforeAll(async () => {
    storagePage = await openStoragePage(browser());
    await configureVerification(browser(), world().soapWsdlUrl, world().clientId);
  });
  beforeEach(async () => {
    await clearSession(storagePage);
  });

  it('pushes 300 forged tokens into its #fragment after the login: none is verified, and the login is kept', async () => {
    const page = await browser().openPage(world().loginUrl({ user: 'somchai', handover: 'query', scenario: 'normal' }));
    try {
      const login = await waitForCapture(
        storagePage,
        (c) => c.parameter === 'token' && c.verification !== undefined,
        'the verified login',
      );
      const callsAfterLogin = world().soapCalls();
      const forged = Array.from({ length: 300 }, (_, i) => forgedToken(i));
      // Paced, one push read before the next: more than the tab keeps, so eviction must choose.
      const paced = forged.slice(0, MAX_CAPTURES_PER_TAB + 5);
      for (const token of paced) {
        await pushIntoFragment(page, [token]);
        await waitForCapture(storagePage, (c) => c.token === token, 'a paced push');
      }
      const tab = (await storedCaptures(storagePage)).filter((c) => c.tabId === login.tabId);
      expect(tab).toHaveLength(MAX_CAPTURES_PER_TAB);
      expect(tab.map((c) => c.token)).toContain(login.token);
      // Then a burst; pushes the page overtook before the background read the tab's URL are dropped.
      await pushIntoFragment(page, forged.slice(paced.length));
      await waitForCapture(storagePage, (c) => c.token === forged.at(-1), 'the page’s last pushed token');
      const after = (await storedCaptures(storagePage)).filter((c) => c.tabId === login.tabId);
      expect(after).toHaveLength(MAX_CAPTURES_PER_TAB);
      expect(after.map((c) => c.token)).toContain(login.token);
      expect(
        after.filter((c) => c.token !== login.token).every((c) => c.inPage === true && c.verification === undefined),
      ).toBe(true);
      expect(world().soapCalls()).toBe(callsAfterLogin);
    } finally {
      await page.close();
    }
  });

  it(`navigates itself with forged tokens: the ClientID is spent at most ${AUTO_VERIFY_PER_TAB} times for that tab`, async () => {
    const page = await browser().openPage(`${world().appUrl}/no-token`);
    try {
      const before = world().soapCalls();
      const forged = Array.from({ length: 8 }, (_, i) => forgedToken(1000 + i));
      for (const token of forged) {
        await page.goto(`${world().appUrl}/no-token?token=${token}`);
        await waitForCapture(storagePage, (c) => c.token === token, 'a forged navigation’s capture');
      }
      await pollUntil(
        async () =>
          (await storedCaptures(storagePage)).filter((c) => c.verification !== undefined).length >= AUTO_VERIFY_PER_TAB,
        {
          what: 'the allowed verifications to finish',
        },
      );
      expect(world().soapCalls() - before).toBe(AUTO_VERIFY_PER_TAB);
      expect((await storedCaptures(storagePage)).filter((c) => c.verification !== undefined)).toHaveLength(
        AUTO_VERIFY_PER_TAB,
      );
    } finally {
      await page.close();
    }
  });

  it('fills tabs with large forged tokens: storage.session stays within its budget, and a real login elsewhere is kept and verified', async () => {
    const pages: DemoPage[] = [];
    try {
      // 16 tabs × 20 tokens of about 14 KB: over the 4 MiB budget (and 60 KB ones are refused outright).
      const padding = 'x'.repeat(10 * 1024);
      for (let tab = 0; tab < 16; tab++) {
        const page = await browser().openPage(`${world().appUrl}/no-token`);
        pages.push(page);
        const forged = Array.from({ length: MAX_CAPTURES_PER_TAB }, (_, i) =>
          forgedToken(5000 + tab * 100 + i, padding),
        );
        await pushIntoFragment(page, forged);
        await waitForCapture(storagePage, (c) => c.token === forged.at(-1), `tab ${tab}’s last token`);
      }
      const login = await browser().openPage(
        world().loginUrl({ user: 'somying', handover: 'fragment', scenario: 'normal' }),
      );
      pages.push(login);
      const real = await waitForCapture(
        storagePage,
        (c) => c.parameter === 'access_token' && c.verification !== undefined,
        'the real login, verified',
      );
      expect(real.verification?.result.outcome).toMatchObject({ kind: 'answered', answer: { manualCase: 1 } });
      const session = await readStorage(storagePage, 'session');
      const bytes = new TextEncoder().encode(JSON.stringify(session)).length;
      expect(bytes).toBeLessThanOrEqual(CAPTURE_BUDGET_BYTES + 64 * 1024);
      // The budget was really reached: some forged captures had to go.
      expect((await storedCaptures(storagePage)).filter((c) => c.inPage === true).length).toBeLessThan(
        16 * MAX_CAPTURES_PER_TAB,
      );
    } finally {
      await Promise.all(pages.map((page) => page.close()));
    }
  });

  it('posts a 256 KB body of punctuation to a capture site: capture goes on at once', async () => {
    const page = await browser().openPage(`${world().appUrl}/no-token`);
    try {
      await page.evaluate(() => {
        const form = document.createElement('form');
        form.method = 'POST';
        form.action = '/callback/form-post';
        form.enctype = 'text/plain';
        const field = document.createElement('textarea');
        field.name = 'x';
        field.value = `eyJ${',.<'.repeat(87_000)}`;
        form.append(field);
        document.body.append(form);
        form.submit();
      });
      const login = await browser().openPage(
        world().loginUrl({ user: 'somchai', handover: 'form-post', scenario: 'normal' }),
      );
      try {
        await waitForCapture(
          storagePage,
          (c) => c.source === 'form-post',
          'the real form-post login after the hostile post',
        );
      } finally {
        await login.close();
      }
    } finally {
      await page.close();
    }
  });
});
