// A look-alike of the Industry SSO login, on loopback. It lists the demo people, issues a signed
// JWT with the manual's ten claims ("รายละเอียด Token") and hands it to the demo application in
// one of the ways real callbacks do. For help-desk training it can also issue, on purpose, the
// broken tokens people meet in the field.
//
// Everything is reachable with a plain GET, so tests and `npm start` need no clicking:
//   /authorize?user=somchai&handover=query&scenario=normal
import { signToken, MANUAL_LIFETIME_SECONDS } from './demo-tokens.mjs';
import { DEMO_PEOPLE, findPerson } from './people.mjs';
import { thaiIdCheckDigit } from './token-kit.mjs';
import { escapeHtml, listenOnLoopback, page, sendHtml, sendRedirect } from './http-helpers.mjs';

/** What the demo SSO puts in `iss` (claim 7). The manual does not give the real value. */
export const DEMO_ISSUER = 'industry-sso-demo';

/**
 * The ways a token reaches the application, and where each one lands in the demo app.
 * `appPath` is for the README and the login page; `handOver()` below builds the response.
 */
export const HANDOVER_STYLES = Object.freeze({
  query: {
    label: 'Query: 302 to the app callback with ?token=',
    appPath: '/callback?token=…',
  },
  fragment: {
    label: 'Fragment: 302 to the app callback with #access_token=',
    appPath: '/callback#access_token=…',
  },
  'server-302': {
    label: 'Server-side callback: the app answers 302 at once and never renders the token',
    appPath: '/callback/server?token=… → 302 /welcome',
  },
  'location-only': {
    label: 'Location only: the token is only in the SSO redirect’s Location (#id_token=)',
    appPath: '/landing#id_token=… → 302 /welcome#signed-in',
  },
  'form-post': {
    label: 'Form POST: an auto-submitting form posts token= to the app',
    appPath: 'POST /callback/form-post (token=…)',
  },
  // Callbacks with one mistake each, for the extension's findings on how the app treats the token.
  'query-kept': {
    label: 'Careless: the app callback leaves ?token= in the address bar',
    appPath: '/callback/kept?token=…',
  },
  'query-leaky': {
    label: 'Careless: the callback page loads the SSO’s logo under referrer policy unsafe-url, sending the token along',
    appPath: '/callback/leaky?token=… (+ image from the SSO’s origin)',
  },
  'app-error': {
    label: 'Careless: the app callback answers 500 to a good token',
    appPath: '/callback/broken?token=… → 500',
  },
});

/** The tokens the SSO can issue. Each says what the extension (and DiwLoginChk) should make of it. */
export const SCENARIOS = Object.freeze({
  normal: { label: 'Normal: a fresh, genuine token (manual case 1)' },
  expired: { label: 'Expired: genuine, but exp was 55 minutes ago (manual case 2)' },
  'not-yet-valid': { label: 'Not yet valid: nbf is 30 minutes in the future (a PC clock problem looks like this)' },
  tampered: { label: 'Tampered: the payload was edited after signing (exp pushed a day later; manual case 3)' },
  'wrong-org': { label: 'Wrong org: the ProvinceID does not match the office (e.g. 9/59/74)' },
  'unknown-org': { label: 'Unknown org: an OfficeID that is not in the office table (9/999/73)' },
  'bad-id': { label: 'Bad ID: the national ID number fails its check digit' },
});

const MINUTE = 60;

const SSO_LOGO =
  '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="32"><rect width="120" height="32" rx="4" fill="#1d4f91"/><text x="60" y="21" font-size="13" text-anchor="middle" fill="#fff" font-family="sans-serif">Industry SSO</text></svg>';

/**
 * The manual's ten claims for `person`, valid from `nbf` (seconds since the epoch, RFC 7519
 * NumericDate) for the manual's 1 h 05 min.
 * @param {import('./people.mjs').DemoPerson} person
 * @param {number} nbf
 */
export function claimsFor(person, nbf) {
  return {
    sid: person.sid,
    username: person.username,
    idcard: person.idcard,
    firstname: person.firstname,
    lastname: person.lastname,
    email: person.email,
    iss: DEMO_ISSUER,
    org: person.org,
    exp: nbf + MANUAL_LIFETIME_SECONDS,
    nbf,
  };
}

/**
 * `9/59/73` → `9/59/74`; a central unit's empty ProvinceID gets one it should not have.
 * @param {string} org
 */
function withWrongProvince(org) {
  const [orgId, officeId, provinceId] = org.split('/');
  const wrong = provinceId ? String(Number(provinceId) + 1) : '73';
  return `${orgId}/${officeId}/${wrong}`;
}

/**
 * `9/59/73` → `9/999/73`: OfficeID 999 is not in the manual's table (it ends at 435).
 * @param {string} org
 */
function withUnknownOffice(org) {
  const [orgId, , provinceId] = org.split('/');
  return `${orgId}/999/${provinceId ?? ''}`;
}

/**
 * The same 12 digits with a check digit that is off by one.
 * @param {string} idcard
 */
function withBadCheckDigit(idcard) {
  const first12 = idcard.slice(0, 12);
  return `${first12}${(thaiIdCheckDigit(first12) + 1) % 10}`;
}

/**
 * Issues the token for one login.
 * @param {{ person: import('./people.mjs').DemoPerson, scenario?: keyof typeof SCENARIOS, nowMs?: number }} options
 * @returns {string} a compact JWS
 */
export function issueDemoToken({ person, scenario = 'normal', nowMs = Date.now() }) {
  const now = Math.floor(nowMs / 1000);
  switch (scenario) {
    case 'normal':
      return signToken(claimsFor(person, now));
    case 'expired':
      // Issued 2 h ago, so it expired 55 min ago: still genuine (manual case 2).
      return signToken(claimsFor(person, now - 120 * MINUTE));
    case 'not-yet-valid':
      return signToken(claimsFor(person, now + 30 * MINUTE));
    case 'tampered': {
      // Someone "extends" a genuine token by editing exp: the signature no longer matches the
      // payload, which DiwLoginChk reports as "Mismatch data in received token" (case 3).
      const [header, , signature] = signToken(claimsFor(person, now)).split('.');
      const edited = { ...claimsFor(person, now), exp: now + MANUAL_LIFETIME_SECONDS + 24 * 60 * MINUTE };
      return `${header}.${Buffer.from(JSON.stringify(edited)).toString('base64url')}.${signature}`;
    }
    case 'wrong-org':
      return signToken({ ...claimsFor(person, now), org: withWrongProvince(person.org) });
    case 'unknown-org':
      return signToken({ ...claimsFor(person, now), org: withUnknownOffice(person.org) });
    case 'bad-id':
      return signToken({ ...claimsFor(person, now), idcard: withBadCheckDigit(person.idcard) });
    default:
      throw new Error(`unknown scenario: ${scenario}`);
  }
}

/**
 * The SSO's answer that hands `token` to the app at `appUrl`.
 * @param {import('node:http').ServerResponse} res
 * @param {keyof typeof HANDOVER_STYLES} handover
 * @param {string} appUrl
 * @param {string} token
 */
function handOver(res, handover, appUrl, token) {
  const t = encodeURIComponent(token);
  switch (handover) {
    case 'query':
      return sendRedirect(res, `${appUrl}/callback?token=${t}`);
    case 'fragment':
      return sendRedirect(res, `${appUrl}/callback#access_token=${t}`);
    case 'server-302':
      return sendRedirect(res, `${appUrl}/callback/server?token=${t}`);
    case 'location-only':
      // The fragment never reaches the app's server, and /landing answers 302 to a URL with its
      // own fragment, so the browser does not carry #id_token forward (RFC 9110 §10.2.2: a
      // Location without a fragment inherits the original one). The token is therefore visible
      // only in this Location header: to webRequest's onHeadersReceived / onBeforeRedirect.
      return sendRedirect(res, `${appUrl}/landing#id_token=${t}`);
    case 'query-kept':
      return sendRedirect(res, `${appUrl}/callback/kept?token=${t}`);
    case 'query-leaky':
      return sendRedirect(res, `${appUrl}/callback/leaky?token=${t}`);
    case 'app-error':
      return sendRedirect(res, `${appUrl}/callback/broken?token=${t}`);
    case 'form-post':
      // Like OpenID Connect's response_mode=form_post: a page whose only job is to POST the
      // token on. It submits itself at once; <noscript> keeps a button for script-less browsers.
      return sendHtml(
        res,
        200,
        page(
          'Industry SSO (demo) — sending you back',
          `<form id="handover" method="post" action="${escapeHtml(`${appUrl}/callback/form-post`)}">
<input type="hidden" name="token" value="${escapeHtml(token)}">
<p>กำลังส่งกลับไปยังระบบงาน… · Returning to the application…</p>
<noscript><button type="submit">Continue</button></noscript>
</form>`,
          { main: 'data-demo-page="sso-form-post"', script: "document.getElementById('handover').submit();" },
        ),
      );
    default:
      throw new Error(`unknown hand-over style: ${handover}`);
  }
}

/** @param {Record<string, { label: string }>} choices @param {string} name */
function radioList(choices, name) {
  return Object.entries(choices)
    .map(
      ([value, { label }], index) =>
        `<label><input type="radio" name="${name}" value="${escapeHtml(value)}"${index === 0 ? ' checked' : ''}> <code>${escapeHtml(value)}</code> — ${escapeHtml(label)}</label>`,
    )
    .join('\n');
}

function loginPage() {
  const people = DEMO_PEOPLE.map(
    (person, index) =>
      `<label><input type="radio" name="user" value="${escapeHtml(person.key)}"${index === 0 ? ' checked' : ''}> ${escapeHtml(
        `${person.firstname} ${person.lastname}`,
      )} (<code>${escapeHtml(person.username)}</code>) — ${escapeHtml(person.office)} <code>${escapeHtml(person.org)}</code>
<span class="hint">${escapeHtml(person.whyHere)}</span></label>`,
  ).join('\n');
  return page(
    'Industry SSO (demo) — เข้าสู่ระบบ',
    `<h1>Industry SSO (demo) — เข้าสู่ระบบ</h1>
<p>เลือกผู้ใช้ วิธีส่ง Token และสถานการณ์ · Pick a person, a hand-over style and a scenario.
Every person and ID number here is made up.</p>
<form method="get" action="/authorize">
<fieldset><legend>ผู้ใช้ · Person</legend>
${people}
</fieldset>
<fieldset><legend>วิธีส่ง Token กลับ · Hand-over style</legend>
${radioList(HANDOVER_STYLES, 'handover')}
</fieldset>
<fieldset><legend>สถานการณ์ · Scenario</legend>
${radioList(SCENARIOS, 'scenario')}
</fieldset>
<button type="submit" data-testid="sso-login">เข้าสู่ระบบ · Log in</button>
</form>`,
    { main: 'data-demo-page="sso-login"' },
  );
}

/**
 * @param {URL} url
 * @returns {{ ok: true, person: import('./people.mjs').DemoPerson, handover: keyof typeof HANDOVER_STYLES, scenario: keyof typeof SCENARIOS } | { ok: false, problem: string }}
 */
export function readAuthorizeRequest(url) {
  const user = url.searchParams.get('user') ?? DEMO_PEOPLE[0].key;
  const handover = url.searchParams.get('handover') ?? 'query';
  const scenario = url.searchParams.get('scenario') ?? 'normal';
  const person = findPerson(user);
  if (!person)
    return { ok: false, problem: `unknown user "${user}"; known: ${DEMO_PEOPLE.map((p) => p.key).join(', ')}` };
  if (!Object.hasOwn(HANDOVER_STYLES, handover))
    return { ok: false, problem: `unknown handover "${handover}"; known: ${Object.keys(HANDOVER_STYLES).join(', ')}` };
  if (!Object.hasOwn(SCENARIOS, scenario))
    return { ok: false, problem: `unknown scenario "${scenario}"; known: ${Object.keys(SCENARIOS).join(', ')}` };
  return { ok: true, person, handover: /** @type {any} */ (handover), scenario: /** @type {any} */ (scenario) };
}

/**
 * Starts the SSO look-alike. `appUrl` is the demo application's origin it hands tokens to.
 * @param {{ port?: number, appUrl: string, now?: () => number }} options `now` is for tests
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function startSsoServer({ port = 0, appUrl, now = Date.now }) {
  const { url, close } = await listenOnLoopback((req, res) => {
    const requestUrl = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendHtml(res, 405, page('Method not allowed', '<p>GET only.</p>'), { allow: 'GET, HEAD' });
      return;
    }
    if (requestUrl.pathname === '/' || requestUrl.pathname === '/login') {
      sendHtml(res, 200, loginPage());
      return;
    }
    if (requestUrl.pathname === '/logo.svg') {
      // What a careless callback page loads from here (see the query-leaky hand-over).
      res.writeHead(200, { 'content-type': 'image/svg+xml', 'cache-control': 'no-store' });
      res.end(SSO_LOGO);
      return;
    }
    if (requestUrl.pathname === '/authorize') {
      const request = readAuthorizeRequest(requestUrl);
      if (!request.ok) {
        sendHtml(
          res,
          400,
          page('Bad request', `<p>${escapeHtml(request.problem)}</p><p><a href="/">Back to the login page</a></p>`),
        );
        return;
      }
      const token = issueDemoToken({ person: request.person, scenario: request.scenario, nowMs: now() });
      handOver(res, request.handover, appUrl, token);
      return;
    }
    sendHtml(res, 404, page('Not found', '<p>Not found. The login page is <a href="/">here</a>.</p>'));
  }, port);
  return { url, close };
}

/**
 * The GET URL that logs `user` in with `handover` and `scenario`, with no clicking.
 * @param {string} ssoUrl
 * @param {{ user?: string, handover?: keyof typeof HANDOVER_STYLES, scenario?: keyof typeof SCENARIOS }} [options]
 */
export function authorizeUrl(ssoUrl, { user = DEMO_PEOPLE[0].key, handover = 'query', scenario = 'normal' } = {}) {
  const url = new URL('/authorize', ssoUrl);
  url.searchParams.set('user', user);
  url.searchParams.set('handover', handover);
  url.searchParams.set('scenario', scenario);
  return url.href;
}
