// A page with nothing on it, served on two loopback addresses: 127.0.0.1 is a capture site (the
// extension's capture script runs there), 127.0.0.2 is not. What the bench loads to see what
// the capture script alone costs a page. At /callback the page drops its token from its address
// as it starts, as a login callback does.
import { createServer } from 'node:http';

const PAGE =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title></head><body><p>page</p></body></html>';
/** At /callback: a login callback as SSO clients write it, taking the token out of its address at once. */
const CALLBACK_PAGE =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>' +
  '<script>history.replaceState(null, "", location.pathname)</script></head><body><p>page</p></body></html>';

/**
 * @param {string} host
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
function serveOn(host) {
  const server = createServer((request, response) => {
    const page = request.url?.startsWith('/callback') ? CALLBACK_PAGE : PAGE;
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(page);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({
        url: `http://${host}:${port}/`,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done(undefined));
          }),
      });
    });
  });
}

/** The same blank page on a capture site and on a site that is not one. */
export async function startBlankSites() {
  const captureSite = await serveOn('127.0.0.1');
  const otherSite = await serveOn('127.0.0.2').catch(async (error) => {
    await captureSite.close();
    throw error;
  });
  return {
    captureSiteUrl: captureSite.url,
    otherSiteUrl: otherSite.url,
    close: async () => {
      await Promise.all([captureSite.close(), otherSite.close()]);
    },
  };
}
