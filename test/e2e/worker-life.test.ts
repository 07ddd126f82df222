/**
 * A verification cut off by the browser stopping the extension's background: Chrome stops an MV3
 * service worker when it likes (here through the DevTools protocol, as Chrome does when it
 * idles), and Firefox suspends an idle event page (here after one second, by its own pref). The
 * capture is kept, the result says "interrupted" instead of "verifying" for ever, and one click
 * verifies again.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { pollUntil } from '../../demo/launch-browser.mjs';
import type { DemoPage } from '../../demo/launch-browser.mjs';
import { describeEachBrowser, useBrowser, useDemoWorld, type BrowserKind } from '../helpers/browsers';
import {
  openStoragePage,
  stopExtensionServiceWorker,
  storedCaptures,
  waitForCapture,
} from '../helpers/extension-state';
import { configureVerification, POPUP_PATH } from '../helpers/popup-page';

/**
 * A verification endpoint that never answers its first request (the call the background is
 * stopped during) and passes every later one to the demo service. It notes when the first
 * request's connection closes: the browser let go of it.
 */
async function startStallingProxy(
  serviceUrl: string,
): Promise<{ url: string; received: () => number; firstClosed: () => boolean; close: () => Promise<void> }> {
  let received = 0;
  let firstClosed = false;
  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received += 1;
      if (received === 1) {
        response.on('close', () => {
          firstClosed = true;
        });
        return;
      }
      void fetch(serviceUrl, {
        method: 'POST',
        headers: {
          'content-type': request.headers['content-type'] ?? 'text/xml',
          soapaction: String(request.headers.soapaction ?? ''),
        },
        body: Buffer.concat(chunks),
      })
        .then(async (answer) =>
          response
            .writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'text/xml' })
            .end(await answer.text()),
        )
        .catch(() => response.writeHead(502).end());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/DiwAppChk/DiwAppChk`,
    received: () => received,
    firstClosed: () => firstClosed,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** How each browser lets go of the extension's background while it waits. */
const LAUNCH: Record<BrowserKind, Parameters<typeof useBrowser>[1]> = {
  chromium: {},
  // Firefox suspends an event page that has been idle this long; a pending fetch is not activity.
  firefox: { firefoxPrefs: { 'extensions.background.idle.timeout': 1_000 } },
};

describeEachBrowser('the background stopped during a verification', (kind) => {
  const world = useDemoWorld();
  const browser = useBrowser(kind, LAUNCH[kind]);
  let proxy: Awaited<ReturnType<typeof startStallingProxy>>;
  let storagePage: DemoPage;

  beforeAll(async () => {
    proxy = await startStallingProxy(world().soapWsdlUrl.replace(/\?wsdl$/, ''));
    storagePage = await openStoragePage(browser());
    await configureVerification(browser(), world().soapWsdlUrl, world().clientId, {
      endpoint: proxy.url,
      timeoutMs: 120_000,
    });
  });
  afterAll(async () => {
    await proxy?.close();
  });

  it('shows the cut-off verification as interrupted, keeps the capture, and verifies again on a click', async () => {
    const login = await browser().openPage(world().loginUrl({ user: 'manee', handover: 'query', scenario: 'normal' }));
    try {
      const capture = await waitForCapture(
        storagePage,
        (c) => c.parameter === 'token' && c.verifying !== undefined,
        'the verification to begin',
      );
      await pollUntil(async () => proxy.received() >= 1, { what: 'the verification call to reach the service' });
      // The storage page must not keep Firefox's background awake, nor watch Chrome's worker.
      if (kind === 'chromium') await stopExtensionServiceWorker(storagePage, browser().extensionBaseUrl);
      await storagePage.close();
      await pollUntil(async () => proxy.firstClosed(), {
        what: 'the browser to drop the stopped background’s call',
        timeoutMs: 60_000,
      });

      // Opening the popup wakes the background, which settles what its predecessor left.
      const popup = await browser().openExtensionPage(POPUP_PATH);
      try {
        storagePage = popup;
        const settled = await waitForCapture(
          popup,
          (c) => c.id === capture.id && c.verifying === undefined && c.verification !== undefined,
          'the interrupted verification to be settled',
        );
        expect(settled.verification?.result.outcome).toMatchObject({ kind: 'failed', code: 'interrupted' });
        expect((await storedCaptures(popup)).map((c) => c.id)).toContain(capture.id);

        await popup.click('[data-testid="picker-elsewhere"] li:nth-child(1) button');
        await popup.waitUntil(
          () => document.querySelector('[data-testid="verification"]')?.textContent?.includes('ขัดจังหวะ') === true,
          undefined,
          {
            what: 'the popup to say the verification was interrupted',
          },
        );
        await popup.click('.verification button');
        await popup.waitUntil(
          () =>
            document.querySelector('[data-testid="verification"]')?.textContent?.includes('Token is valid') === true,
          undefined,
          {
            what: 'the verification to succeed on the second try',
            timeoutMs: 30_000,
          },
        );
        expect(proxy.received()).toBe(2);
      } finally {
        storagePage = await openStoragePage(browser());
        await popup.close();
      }
    } finally {
      await login.close();
    }
  });
});
