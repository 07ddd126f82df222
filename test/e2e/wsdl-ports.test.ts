/**
 * A WSDL with several SOAP ports, one of them in an imported WSDL, read by the options page in
 * real Chromium and Firefox: every port is offered, with its SOAP version, and choosing one sets
 * the address and version the extension will call. The WSDL is the reader's own several-ports
 * fixture, served on loopback with its addresses pointed at the server.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBrowser, useBrowser } from '../helpers/browsers';
import { OPTIONS_PATH, sendFromPage } from '../helpers/popup-page';
import type { Settings } from '../../src/shared/settings';
import type { DemoPage } from '../../demo/launch-browser.mjs';

const FIXTURES = 'src/domain/soap/fixtures/several-ports';

/** Serves Greeting.wsdl at /greeting?wsdl and its import at /Greeting?wsdl=extra, addresses rewritten to `origin`. */
function useSeveralPortsService(): () => string {
  let server: Server | undefined;
  let origin = '';
  beforeAll(async () => {
    server = createServer((request, response) => {
      const file = request.url?.includes('wsdl=extra') ? 'Greeting.extra.wsdl' : 'Greeting.wsdl';
      const text = readFileSync(`${FIXTURES}/${file}`, 'utf8').replaceAll('http://ports.example', origin);
      response.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' });
      response.end(text);
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
  });
  return () => `${origin}/greeting/Greeting?wsdl`;
}

/** Picks `value` in a select once it is offered, as a person would, and waits for the page to show it. */
async function choose(page: DemoPage, testId: string, value: string): Promise<void> {
  const args = { testId, value };
  await page.waitUntil(
    ({ testId, value }) =>
      [...document.querySelectorAll<HTMLOptionElement>(`[data-testid="${testId}"] option`)].some(
        (option) => option.value === value,
      ),
    args,
    { what: `"${value}" offered in ${testId}` },
  );
  await page.evaluate(({ testId, value }) => {
    const select = document.querySelector<HTMLSelectElement>(`[data-testid="${testId}"]`)!;
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  }, args);
  await page.waitUntil(
    ({ testId, value }) => document.querySelector<HTMLSelectElement>(`[data-testid="${testId}"]`)?.value === value,
    args,
    { what: `${testId} set to "${value}"` },
  );
}

describeEachBrowser('options page: a WSDL with several ports', (kind) => {
  const wsdlUrl = useSeveralPortsService();
  const browser = useBrowser(kind);

  it('offers every port with its SOAP version, and saves the address and version of the one chosen', async () => {
    const page = await browser().openExtensionPage(OPTIONS_PATH);
    try {
      await page.fill('[data-testid="wsdl-url"]', wsdlUrl());
      await page.click('[data-testid="load-wsdl"]');
      await page.waitUntil(() => document.querySelector('[data-testid="port"]') !== null, undefined, {
        what: 'the port choice',
      });
      const ports = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLOptionElement>('[data-testid="port"] option')].map((option) => ({
          value: option.value,
          label: option.textContent ?? '',
        })),
      );
      expect(ports.map((port) => port.label)).toEqual([
        expect.stringMatching(/HelloPort · SOAP 1\.1/),
        expect.stringMatching(/ByePort · SOAP 1\.1/),
        expect.stringMatching(/AnotherByePort · SOAP 1\.1/),
        expect.stringMatching(/WelcomePort · SOAP 1\.2/),
      ]);
      const welcome = ports.find((port) => port.label.includes('WelcomePort'))!;
      await page.evaluate((value) => {
        const select = document.querySelector<HTMLSelectElement>('[data-testid="port"]')!;
        select.value = value;
        select.dispatchEvent(new Event('change', { bubbles: true }));
      }, welcome.value);
      await page.waitUntil(
        () =>
          [...document.querySelectorAll<HTMLOptionElement>('[data-testid="operation"] option')].some(
            (option) => option.value === 'sayWelcome',
          ),
        undefined,
        { what: 'the welcome port’s operation' },
      );
      // The welcome operation's parameters are not named like a token and a ClientID, so nothing is
      // guessed: a person picks them, as here.
      for (const [testId, value] of [
        ['operation', 'sayWelcome'],
        ['token-parameter', 'visitor'],
        ['client-id-parameter', 'language'],
      ] as const) {
        await choose(page, testId, value);
      }
      await page.click('[data-testid="save-settings"]');
      const saved = await page.evaluate(async () => {
        for (let attempt = 0; attempt < 100; attempt += 1) {
          const status = document.querySelector<HTMLElement>('[data-testid="status-message"]')?.innerText ?? '';
          if (status) return status;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        return '';
      });
      expect(saved).not.toMatch(/ยังไม่ได้บันทึก|Not saved/);
      const settings = await sendFromPage<Settings>(page, 'page→bg:get-settings', {});
      expect(settings.verification.endpoint).toBe(wsdlUrl().replace('/greeting/Greeting?wsdl', '/greeting/welcome'));
      expect(settings.verification.soapVersion).toBe('1.2');
      expect(settings.verification.operation).toBe('sayWelcome');
    } finally {
      await page.close();
    }
  });
});
