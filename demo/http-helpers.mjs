// The few HTTP bits the demo SSO and the demo application share: a loopback-only listener,
// HTML escaping and a plain page shell. No framework: node:http is enough for a handful of routes.
import { createServer } from 'node:http';

/** The demo world listens on loopback only: it must never be reachable from the network. */
export const LOOPBACK = '127.0.0.1';

/**
 * Starts `handler` on 127.0.0.1. Port 0 lets the system pick a free port (tests); a fixed port
 * is for `npm start`, so that the printed URLs stay the same between runs.
 * @param {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void | Promise<void>} handler
 * @param {number} port
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 */
export function listenOnLoopback(handler, port) {
  const server = createServer((req, res) => {
    Promise.resolve(handler(req, res)).catch((error) => {
      // A demo bug should show as a 500, not take the whole world down.
      if (!res.headersSent) sendHtml(res, 500, page('Error', `<p>${escapeHtml(String(error?.message ?? error))}</p>`));
      else res.end();
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, LOOPBACK, () => {
      const address = server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      resolve({
        url: `http://${LOOPBACK}:${actualPort}`,
        port: actualPort,
        close: () =>
          new Promise((done) => {
            // Browsers keep connections alive; without this, close() waits for them to time out.
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

/** @param {string} text @returns {string} */
export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A whole HTML page. `attributes` go on <main>, so tests can wait for `[data-demo-page=...]`.
 * @param {string} title
 * @param {string} body trusted HTML (escape every value before it gets here)
 * @param {{ main?: string, script?: string, head?: string }} [extra] `head`: trusted HTML for <head>
 */
export function page(title, body, { main = '', script = '', head = '' } = {}) {
  return `<!doctype html>
<html lang="th">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width">
<title>${escapeHtml(title)}</title>
${head}
<style>
  body { font-family: "Noto Sans Thai", "Loma", "Garuda", sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; }
  .banner { background: #fff4ce; border: 1px solid #e0c060; padding: .4rem .8rem; border-radius: 4px; font-size: .9rem; }
  fieldset { margin: 1rem 0; border: 1px solid #bbb; border-radius: 4px; }
  label { display: block; margin: .25rem 0; }
  .hint { color: #555; font-size: .9rem; }
  button { font-size: 1rem; padding: .4rem 1.2rem; }
  code { background: #f2f2f2; padding: 0 .2rem; }
</style>
</head>
<body>
<p class="banner">DEMO — ระบบจำลองบนเครื่องนี้ (127.0.0.1) ไม่ใช่ระบบจริง · a local look-alike, not the real service</p>
<main ${main}>
${body}
</main>
${script ? `<script>${script}</script>` : ''}
</body>
</html>`;
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {string} html
 * @param {Record<string, string>} [headers]
 */
export function sendHtml(res, status, html, headers = {}) {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    // Pages that carried a token must not be kept anywhere.
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(html);
}

/**
 * A redirect with nothing in the body, like a real callback that "answers 302 at once".
 * @param {import('node:http').ServerResponse} res
 * @param {string} location
 * @param {Record<string, string>} [headers]
 */
export function sendRedirect(res, location, headers = {}) {
  res.writeHead(302, { location, 'cache-control': 'no-store', 'content-length': '0', ...headers });
  res.end();
}

/**
 * Reads a request body up to `limit` bytes (a form POST carries one token, not megabytes).
 * @param {import('node:http').IncomingMessage} req
 * @param {number} [limit]
 * @returns {Promise<string>}
 */
export function readBody(req, limit = 1_000_000) {
  return new Promise((resolve, reject) => {
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error('request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
