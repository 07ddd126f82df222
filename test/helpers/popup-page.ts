/**
 * Helpers for the popup's real-browser tests: axe-core in the page, verification configured
 * through the extension's own messages (as the options page does), and small text readers.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { DemoPage, LaunchedBrowser } from '../../demo/launch-browser.mjs';
import type { Settings } from '../../src/shared/settings';
import type { ActionResult } from '../../src/shared/messages';
import type { WsdlDescription } from '../../src/domain/soap/wsdl';

export const POPUP_PATH = 'src/popup/index.html';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core in the page and returns its violations as "rule: targets" lines. Throws if axe
 * checked nothing, so an injection that silently failed cannot pass as "no violations".
 */
export async function axeViolations(page: DemoPage): Promise<string[]> {
  // The extension page's CSP forbids eval by the page itself; the test driver's own evaluation
  // is not bound by it, so axe is installed the way a devtools snippet would be.
  await page.evaluate(axeSource as never);
  return page.evaluate(async () => {
    type AxeResults = { passes: unknown[]; violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> };
    const axe = (globalThis as unknown as { axe: { run(context: Element, options: object): Promise<AxeResults> } }).axe;
    const results = await axe.run(document.body, { resultTypes: ['violations'] });
    if (results.passes.length === 0) throw new Error('axe-core ran no passing rule: was it injected?');
    return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

export const textOf = (page: DemoPage, testId: string): Promise<string | null> =>
  page.evaluate((id) => document.querySelector(`[data-testid="${id}"]`)?.textContent ?? null, testId);

/** Sends one `page→bg:` message from an extension page (`browser` in Firefox, `chrome` in Chromium). */
export function sendFromPage<T>(page: DemoPage, type: string, payload: unknown): Promise<T> {
  return page.evaluate(
    ({ type, payload }) => {
      type Api = { runtime: { sendMessage(message: unknown): Promise<unknown> } };
      const api = (globalThis as { browser?: Api }).browser ?? (globalThis as unknown as { chrome: Api }).chrome;
      return api.runtime.sendMessage({ type, payload });
    },
    { type, payload },
  ) as Promise<T>;
}

export const OPTIONS_PATH = 'src/options/index.html';

/**
 * Points verification at the demo DiwLoginChk service: loads its WSDL through the background
 * and saves what it found with the demo ClientID, from the options page (the background takes
 * these messages from no other page), as a person does there.
 */
export async function configureVerification(
  browser: LaunchedBrowser,
  wsdlUrl: string,
  clientId: string,
  extra: Partial<Settings['verification']> = {},
): Promise<void> {
  const extensionPage = await browser.openExtensionPage(OPTIONS_PATH);
  try {
    await saveDemoVerification(extensionPage, wsdlUrl, clientId, extra);
  } finally {
    await extensionPage.close();
  }
}

async function saveDemoVerification(
  extensionPage: DemoPage,
  wsdlUrl: string,
  clientId: string,
  extra: Partial<Settings['verification']>,
): Promise<void> {
  const loaded = await sendFromPage<ActionResult<WsdlDescription>>(extensionPage, 'page→bg:load-wsdl', {
    url: wsdlUrl,
  });
  if (!loaded.ok) throw new Error(`the demo WSDL did not load: ${loaded.error.en}`);
  const wsdl = loaded.value;
  const guess = wsdl.guess;
  const operation = wsdl.operations.find((op) => op.name === guess?.operation);
  if (!guess || !operation || !wsdl.endpoint) throw new Error('the demo WSDL gave no operation guess or endpoint');
  const current = await sendFromPage<Settings>(extensionPage, 'page→bg:get-settings', {});
  const settings: Settings = {
    ...current,
    verification: {
      ...current.verification,
      wsdlUrl,
      clientId,
      endpoint: wsdl.endpoint,
      soapVersion: wsdl.soapVersion,
      style: operation.style,
      namespace: operation.inputNamespace,
      operation: operation.name,
      soapAction: operation.soapAction,
      tokenParameter: guess.tokenParameter ?? '',
      clientIdParameter: guess.clientIdParameter ?? '',
      ...extra,
    },
  };
  const saved = await sendFromPage<ActionResult<Settings>>(extensionPage, 'page→bg:save-settings', { settings });
  if (!saved.ok) throw new Error(`settings were not saved: ${saved.error.en}`);
}
