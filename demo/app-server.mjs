// The demo application: the "ระบบงาน" that receives the SSO's token. It has one callback per
// hand-over style (see HANDOVER_STYLES in sso-server.mjs). Pages say who logged in, never the
// token, and strip the token from the address bar the way real applications do, which is why the
// extension's content script must read the URL at document_start.
import { randomUUID } from 'node:crypto';
import { checkToken } from './demo-tokens.mjs';
import { escapeHtml, listenOnLoopback, page, readBody, sendHtml, sendRedirect } from './http-helpers.mjs';

/**
 * What this application makes of a token. A real application asks DiwLoginChk (manual §2.5);
 * the demo checks the signature and the clock with the same key, and also refuses a token
 * before its nbf. It does not look at org or idcard, as most applications do not, which is
 * why those problems reach the help desk.
 * @param {string | null} token
 * @param {number} nowMs
 * @returns {{ outcome: 'logged-in' | 'refused', who: string, reason: string }}
 */
export function judgeToken(token, nowMs) {
  if (!token) return { outcome: 'refused', who: '', reason: 'no token arrived' };
  const { state, claims } = checkToken(token, nowMs);
  if (state === 'mismatch' || !claims)
    return { outcome: 'refused', who: '', reason: 'the token is not genuine (signature mismatch)' };
  const who = `${claims.firstname ?? ''} ${claims.lastname ?? ''} (${claims.username ?? '?'})`.trim();
  if (state === 'expired') return { outcome: 'refused', who, reason: 'the token has expired' };
  if (typeof claims.nbf === 'number' && claims.nbf * 1000 > nowMs)
    return { outcome: 'refused', who, reason: 'the token is not valid yet (nbf is in the future)' };
  return { outcome: 'logged-in', who, reason: '' };
}

const MAX_SESSIONS = 1000;

/** Removes the token from the address bar once the page has it, as real applications do. */
const STRIP_TOKEN_FROM_ADDRESS_BAR = "history.replaceState(null, '', location.pathname);";

/**
 * @param {{ outcome: string, who: string, reason: string }} judgement
 * @param {string} how
 * @param {{ keepToken?: boolean, head?: string, extraBody?: string }} [careless] what a careless
 *   callback does: leave the token in the address bar, set a referrer policy, load more
 */
function landingPage(judgement, how, { keepToken = false, head = '', extraBody = '' } = {}) {
  const body =
    judgement.outcome === 'logged-in'
      ? `<h1>เข้าสู่ระบบแล้ว · Logged in</h1><p data-testid="app-user">logged in as ${escapeHtml(judgement.who)}</p>`
      : `<h1>ระบบงานไม่รับ Token · Login refused</h1><p data-testid="app-user">${escapeHtml(judgement.who || 'unknown user')}</p>
<p data-testid="app-reason">${escapeHtml(judgement.reason)}</p>`;
  return page(
    'Demo application',
    `${body}<p class="hint">Token arrived by: ${escapeHtml(how)}</p>${extraBody}<p><a href="/">Home</a></p>`,
    {
      main: `data-demo-page="app-landing" data-demo-outcome="${judgement.outcome}"`,
      script: keepToken ? '' : STRIP_TOKEN_FROM_ADDRESS_BAR,
      head,
    },
  );
}

/**
 * The callbacks an integrator should not write, one mistake each, so the extension's hygiene
 * findings can be shown on them: the token left in the address bar; the token sent on to another
 * origin in the Referer; an error answered to a token that is fine.
 * @param {string} pathname
 * @param {string | null} token
 * @param {number} nowMs
 * @param {string} ssoUrl
 * @returns {{ status: number, html: string } | null}
 */
export function carelessCallback(pathname, token, nowMs, ssoUrl) {
  const how = 'query (?token=)';
  switch (pathname) {
    case '/callback/kept':
      return { status: 200, html: landingPage(judgeToken(token, nowMs), how, { keepToken: true }) };
    case '/callback/leaky':
      // The SSO's logo, from the SSO's origin (another port is another origin), under a policy
      // that sends the whole URL, token and all, as the image request's Referer.
      return {
        status: 200,
        html: landingPage(judgeToken(token, nowMs), how, {
          keepToken: true,
          head: '<meta name="referrer" content="unsafe-url">',
          extraBody: `<p><img src="${escapeHtml(`${ssoUrl}/logo.svg`)}" alt="Industry SSO (demo)" width="120" height="32" data-testid="sso-logo"></p>`,
        }),
      };
    case '/callback/broken':
      return {
        status: 500,
        html: page(
          'Demo application — error',
          '<h1>500 — ระบบงานขัดข้อง · Internal Server Error</h1><p data-testid="app-reason">The application failed while reading the token it was given.</p>',
          { main: 'data-demo-page="app-error" data-demo-outcome="error"' },
        ),
      };
    default:
      return null;
  }
}

/**
 * A fragment never reaches the server, so this page reads it in the browser, like a
 * single-page application. It can read the claims but cannot check the signature.
 */
function fragmentLandingPage() {
  const script = `
(function () {
  var params = new URLSearchParams(location.hash.slice(1));
  var token = params.get('access_token') || params.get('id_token') || params.get('token');
  var main = document.querySelector('main');
  var user = document.querySelector('[data-testid="app-user"]');
  try {
    var part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    var bytes = Uint8Array.from(atob(part), function (c) { return c.charCodeAt(0); });
    var claims = JSON.parse(new TextDecoder().decode(bytes));
    user.textContent = 'logged in as ' + claims.firstname + ' ' + claims.lastname + ' (' + claims.username + ')';
    main.setAttribute('data-demo-outcome', 'logged-in');
  } catch (e) {
    user.textContent = 'no readable token in the fragment';
    main.setAttribute('data-demo-outcome', 'refused');
  }
  ${STRIP_TOKEN_FROM_ADDRESS_BAR}
})();`;
  return page(
    'Demo application',
    `<h1>ระบบงาน (demo) · Demo application</h1><p data-testid="app-user">…</p>
<p class="hint">Token arrived in the #fragment and was read by this page's script (the signature was not checked here).</p><p><a href="/">Home</a></p>`,
    { main: 'data-demo-page="app-landing" data-demo-outcome="pending"', script },
  );
}

/** @param {string} ssoUrl */
function homePage(ssoUrl) {
  return page(
    'Demo application',
    `<h1>ระบบงาน (demo) · Demo application</h1>
<p>This application accepts logins from the Industry SSO look-alike.</p>
<p><a href="${escapeHtml(`${ssoUrl}/`)}" data-testid="app-login">เข้าสู่ระบบด้วย Industry SSO · Log in with Industry SSO (demo)</a></p>`,
    { main: 'data-demo-page="app-home"' },
  );
}

/**
 * Starts the demo application.
 * @param {{ port?: number, ssoUrl?: string, now?: () => number }} [options] `ssoUrl` is only
 *   for the home page's login link; `now` is for tests
 * @returns {Promise<{ url: string, close: () => Promise<void>, setSsoUrl: (url: string) => void }>}
 */
export async function startAppServer({ port = 0, ssoUrl = '', now = Date.now } = {}) {
  /** Who is logged in, by session cookie. Never the token itself. */
  const sessions = new Map();
  let loginUrl = ssoUrl;

  const { url, close } = await listenOnLoopback(async (req, res) => {
    const requestUrl = new URL(req.url ?? '/', 'http://127.0.0.1');
    const route = `${req.method} ${requestUrl.pathname}`;
    switch (route) {
      case 'GET /':
        return sendHtml(res, 200, homePage(loginUrl));
      case 'GET /callback': {
        const token = requestUrl.searchParams.get('token');
        if (token) return sendHtml(res, 200, landingPage(judgeToken(token, now()), 'query (?token=)'));
        return sendHtml(res, 200, fragmentLandingPage());
      }
      case 'GET /callback/kept':
      case 'GET /callback/leaky':
      case 'GET /callback/broken': {
        const answer = carelessCallback(requestUrl.pathname, requestUrl.searchParams.get('token'), now(), loginUrl);
        return sendHtml(res, answer?.status ?? 404, answer?.html ?? '');
      }
      case 'GET /callback/server': {
        // A server-side callback: take the token, open a session, answer 302 at once. The browser
        // never renders a page whose URL holds the token.
        const judgement = judgeToken(requestUrl.searchParams.get('token'), now());
        const sessionId = randomUUID();
        sessions.set(sessionId, judgement);
        // A demo left running for days should not grow without bound: forget the oldest.
        if (sessions.size > MAX_SESSIONS) sessions.delete(sessions.keys().next().value);
        return sendRedirect(res, '/welcome', {
          'set-cookie': `demo_app_session=${sessionId}; Path=/; HttpOnly; SameSite=Lax`,
        });
      }
      case 'GET /landing':
        // The #id_token fragment of the SSO's Location never reaches here. The own fragment in
        // this Location stops the browser from carrying the token's fragment forward.
        return sendRedirect(res, '/welcome#signed-in');
      case 'POST /callback/form-post': {
        const form = new URLSearchParams(await readBody(req));
        return sendHtml(res, 200, landingPage(judgeToken(form.get('token'), now()), 'form POST (token=)'));
      }
      case 'GET /welcome': {
        const sessionId = /(?:^|;\s*)demo_app_session=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
        const judgement = sessionId ? sessions.get(sessionId) : undefined;
        const body = judgement
          ? judgement.outcome === 'logged-in'
            ? `<h1>ยินดีต้อนรับ · Welcome</h1><p data-testid="app-user">logged in as ${escapeHtml(judgement.who)}</p>`
            : `<h1>ระบบงานไม่รับ Token · Login refused</h1><p data-testid="app-reason">${escapeHtml(judgement.reason)}</p>`
          : `<h1>ยินดีต้อนรับ · Welcome</h1><p data-testid="app-user">The token went by a redirect this application did not keep; nothing here shows it.</p>`;
        return sendHtml(
          res,
          200,
          page('Demo application', `${body}<p><a href="/">Home</a></p>`, {
            main: `data-demo-page="app-welcome" data-demo-outcome="${judgement?.outcome ?? 'unknown'}"`,
          }),
        );
      }
      case 'GET /no-token':
        // A page on a capture site with nothing in its URL worth keeping: the tests use it to show
        // that such a page leaves nothing behind in the extension.
        return sendHtml(
          res,
          200,
          page('Demo application', '<h1>A page with no token</h1>', { main: 'data-demo-page="app-plain"' }),
        );
      default:
        return sendHtml(res, 404, page('Not found', '<p>Not found.</p>'));
    }
  }, port);

  return { url, close, setSsoUrl: (value) => void (loginUrl = value) };
}
