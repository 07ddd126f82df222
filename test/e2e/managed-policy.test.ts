/**
 * Fleet configuration, as administrators do it: the example policy from docs/policies installed
 * where each browser reads policies (Chromium: /etc/chromium/policies/managed/, Firefox:
 * /etc/firefox/policies/policies.json), the built extension loaded, the demo world on the fixed
 * ports the example names. The options page shows the settings locked, a person cannot override
 * them, and a verification spends the organisation's ClientID: the demo SOAP service answers
 * case 1 only to the ClientID in the policy, while the person's own stored one is wrong.
 *
 * A second suite installs a policy with mistakes in it: each is named on the options page, and
 * the extension works on with the rest.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachBrowser, useBrowser, type BrowserKind } from '../helpers/browsers';
import { canInstallPolicies, examplePolicy, installPolicy, usePolicy } from '../helpers/browser-policies';
import { OPTIONS_PATH, sendFromPage } from '../helpers/popup-page';
import { storedCaptures } from '../helpers/extension-state';
import { pollUntil } from '../../demo/launch-browser.mjs';
import type { DemoPage, LaunchedBrowser } from '../../demo/launch-browser.mjs';
import { DEFAULT_PORTS, startDemoWorld, type DemoWorld } from '../../demo/world.mjs';
import { DEMO_CLIENT_ID } from '../../demo/demo-tokens.mjs';
import identity from '../../extension-identity.json' with { type: 'json' };
import type { Settings } from '../../src/shared/settings';
import type { StoredVerification } from '../../src/shared/capture';
import type { ActionResult } from '../../src/shared/messages';

const SCREENSHOT_DIR = resolve('artifacts/screenshots');
const inCi = process.env.CI === 'true' || process.env.CI === '1';

/** Policies are files under /etc: root only. Without root a developer's run skips, CI's fails. */
function describeWithPolicies(name: string, body: (kind: BrowserKind) => void): void {
  if (canInstallPolicies()) return describeEachBrowser(name, body);
  if (!inCi) return void describe.skip(`${name} — skipped: installing browser policies needs root`, () => {});
  describe(name, () => {
    it('needs root to install browser policies (CI=true)', () => {
      expect.fail('CI=true and not root: the policy tests write under /etc like an administrator.');
    });
  });
}

/** The demo world on the ports the example policy names (demo/world.mjs DEFAULT_PORTS). */
function useDemoWorldOnFixedPorts(): () => DemoWorld {
  let world: DemoWorld | undefined;
  beforeAll(async () => {
    world = await startDemoWorld({
      ssoPort: DEFAULT_PORTS.sso,
      appPort: DEFAULT_PORTS.app,
      soapPort: DEFAULT_PORTS.soap,
    });
  });
  afterAll(async () => {
    await world?.close();
  });
  return () => world!;
}

async function openOptions(browser: LaunchedBrowser): Promise<DemoPage> {
  const page = await browser.openExtensionPage(OPTIONS_PATH);
  await page.waitUntil(() => document.querySelector('[data-testid="save-settings"]') !== null, undefined, {
    what: 'the options page to load',
  });
  return page;
}

/** What the options page shows of the policy and the ClientID field. */
function readLockedState(page: DemoPage) {
  return page.evaluate(() => {
    const input = (id: string) => document.querySelector<HTMLInputElement>(`[data-testid="${id}"]`);
    return {
      notice: document.querySelector<HTMLElement>('[data-testid="policy-locked"]')?.innerText ?? null,
      problems: document.querySelector<HTMLElement>('[data-testid="policy-problems"]')?.innerText ?? null,
      clientIdDisabled: input('client-id')?.disabled ?? null,
      clientIdValue: input('client-id')?.value ?? null,
      endpoint: input('endpoint')?.value ?? null,
      endpointDisabled: input('endpoint')?.disabled ?? null,
      policySites: document.querySelector<HTMLElement>('[data-testid="policy-capture-sites"]')?.innerText ?? null,
      html: document.documentElement.outerHTML,
    };
  });
}

type OptionsState = Awaited<ReturnType<typeof readLockedState>>;

/** Polls the options page until what it shows satisfies `wanted`. */
async function waitForOptionsState(
  page: DemoPage,
  wanted: (state: OptionsState) => boolean,
  what: string,
  timeoutMs?: number,
): Promise<OptionsState> {
  const found = await pollUntil(
    async () => {
      const state = await readLockedState(page);
      return wanted(state) ? state : null;
    },
    { what, timeoutMs },
  );
  return found as OptionsState;
}

/** Writes the person's own settings straight into storage.local, as an older install would have them. */
function storeOwnSettings(page: DemoPage, settings: unknown): Promise<void> {
  return page.evaluate((value) => {
    const api = (globalThis as { browser?: typeof chrome }).browser ?? chrome;
    return api.storage.local.set({ settings: value });
  }, settings);
}
declare const chrome: { storage: { local: { set(items: Record<string, unknown>): Promise<void> } } };

describeWithPolicies('managed configuration from the example policy', (kind) => {
  usePolicy(kind, () => examplePolicy(kind));
  const world = useDemoWorldOnFixedPorts();
  const browser = useBrowser(kind);

  it('reads the policy and shows its settings locked on the options page, the ClientID never revealed', async () => {
    const options = await openOptions(browser());
    try {
      const shown = await waitForOptionsState(
        options,
        (state) => state.notice !== null,
        'the policy notice on the options page',
      );
      expect(shown.notice).toContain('ClientID');
      expect(shown.clientIdDisabled).toBe(true);
      expect(shown.clientIdValue).toBe('');
      expect(shown.endpoint).toBe(`http://127.0.0.1:${DEFAULT_PORTS.soap}/DiwAppChk/DiwAppChk`);
      expect(shown.endpointDisabled).toBe(true);
      expect(shown.policySites).toContain(`http://127.0.0.1:${DEFAULT_PORTS.app}`);
      expect(shown.problems).toBeNull();
      expect(shown.html).not.toContain(DEMO_CLIENT_ID);
      const settings = await sendFromPage<Settings>(options, 'page→bg:get-settings', {});
      expect(JSON.stringify(settings)).not.toContain(DEMO_CLIENT_ID);
      // For a person to look at: the page as a help-desk PC shows it.
      await mkdir(SCREENSHOT_DIR, { recursive: true });
      await options.setViewport({ width: 1000, height: 1400 });
      await options.screenshot({ path: resolve(SCREENSHOT_DIR, `options-${kind}-th-policy.png`), fullPage: true });
    } finally {
      await options.close();
    }
  });

  it('cannot be overridden: a save that changes locked settings leaves them as the policy says', async () => {
    const options = await openOptions(browser());
    try {
      const current = await sendFromPage<Settings>(options, 'page→bg:get-settings', {});
      const attempt: Settings = {
        ...current,
        verification: {
          ...current.verification,
          clientId: 'PERSON-TRIES-THIS',
          endpoint: 'http://127.0.0.1:9/elsewhere',
          timeoutMs: 15_000,
        },
      };
      const saved = await sendFromPage<ActionResult<Settings>>(options, 'page→bg:save-settings', { settings: attempt });
      expect(saved.ok).toBe(true);
      if (!saved.ok) return;
      expect(saved.value.verification.endpoint).toBe(current.verification.endpoint);
      expect(saved.value.verification.timeoutMs).toBe(10_000);
      expect(saved.value.verification.clientId).toBe('');
    } finally {
      await options.close();
    }
  });

  it('verifies with the organisation’s ClientID, whatever the person stored', async () => {
    // The options page: the only page the background gives the settings to.
    const extensionPage = await openOptions(browser());
    try {
      const current = await sendFromPage<Settings>(extensionPage, 'page→bg:get-settings', {});
      await storeOwnSettings(extensionPage, {
        ...current,
        verification: { ...current.verification, clientId: 'PERSON-OWN-WRONG-ID' },
      });
      const callsBefore = world().soapCalls();
      const login = await browser().openPage(
        world().loginUrl({ user: 'somchai', handover: 'query', scenario: 'normal' }),
      );
      try {
        const verification = (await pollUntil(
          async () => (await storedCaptures(extensionPage)).find((capture) => capture.verification)?.verification,
          { what: 'an automatic verification of the demo login', timeoutMs: 30_000 },
        )) as StoredVerification;
        const outcome = verification.result.outcome;
        expect(outcome.kind === 'answered' && outcome.answer.manualCase).toBe(1);
        expect(world().soapCalls()).toBe(callsBefore + 1);
      } finally {
        await login.close();
      }
    } finally {
      await extensionPage.close();
    }
  });
});

describeWithPolicies('a policy with mistakes in it', (kind) => {
  const settings = {
    clientId: DEMO_CLIENT_ID,
    timeoutMs: 5,
    endpoint: 'ftp://127.0.0.1/DiwAppChk',
    captureSites: [`http://127.0.0.1:${DEFAULT_PORTS.app}`, 'not a site'],
    defaultLanguage: 'en',
  };
  const policyFile =
    kind === 'chromium'
      ? { '3rdparty': { extensions: { [identity.chromeId]: settings } } }
      : { policies: { '3rdparty': { Extensions: { [identity.geckoId]: settings } } } };
  usePolicy(kind, () => JSON.stringify(policyFile));
  const browser = useBrowser(kind);

  it('names each mistake on the options page and keeps the rest of the policy', async () => {
    const options = await openOptions(browser());
    try {
      const shown = await waitForOptionsState(
        options,
        (state) => state.problems !== null,
        'the policy problems on the options page',
      );
      expect(shown.problems).toContain('policy "timeoutMs"');
      expect(shown.problems).toContain('policy "endpoint"');
      expect(shown.problems).toContain('item 2');
      expect(shown.clientIdDisabled).toBe(true);
      expect(shown.policySites).toContain(`http://127.0.0.1:${DEFAULT_PORTS.app}`);
      // The endpoint the policy got wrong is not locked: the service is the person's to set up.
      expect(await options.evaluate(() => document.querySelector<HTMLInputElement>('#wsdl-url')?.disabled)).toBe(false);
      // The policy's language, as nobody on this PC has chosen one.
      expect(await options.evaluate(() => document.documentElement.lang)).toBe('en');
      await mkdir(SCREENSHOT_DIR, { recursive: true });
      await options.setViewport({ width: 1000, height: 1400 });
      await options.screenshot({
        path: resolve(SCREENSHOT_DIR, `options-${kind}-en-policy-mistakes.png`),
        fullPage: true,
      });
    } finally {
      await options.close();
    }
  });

  if (kind === 'chromium') {
    it('picks up a corrected policy while running, without a restart (Chrome)', async () => {
      const options = await openOptions(browser());
      try {
        await installPolicy(
          kind,
          JSON.stringify({ '3rdparty': { extensions: { [identity.chromeId]: { clientId: DEMO_CLIENT_ID } } } }),
        );
        const shown = await waitForOptionsState(
          options,
          (state) => state.notice !== null && state.problems === null,
          'the options page to show the corrected policy',
          60_000,
        );
        expect(shown.policySites).toBeNull();
      } finally {
        await options.close();
      }
    });
  }
});
