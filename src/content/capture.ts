/**
 * The capture content script. It runs at document_start on the capture sites, before the page's
 * own scripts can rewrite the URL (many SSO clients call history.replaceState to drop the token),
 * reads the query and #fragment, and reports the JWT-shaped values the background cannot see for
 * itself (see onlyThisScriptSees); once the page has loaded, it also reports how the page handled
 * a token still in its URL (page-hygiene.ts). It decides nothing else: the background decodes,
 * keeps and verifies. Kept tiny, as it runs on every page of a capture site: no UI framework, no
 * polyfill (see send-to-background.ts), and only the domain's URL scanner, which does not decode.
 */
import { findTokensInUrl, type TokenCandidate } from '../domain/find-tokens-in-url';
import { reportPageHygieneOnLoad } from './page-hygiene';
import { sendToBackground } from './send-to-background';

function report(candidates: TokenCandidate[], trigger: 'load' | 'hashchange'): void {
  if (candidates.length === 0) return;
  sendToBackground({ type: 'content→bg:token-seen', payload: { candidates, trigger } });
}

/**
 * What the page's address held at document_start that only this script can report. A token in
 * the query also travelled in the request, and the background's webRequest observer has
 * already taken it from there (web-request-capture.ts): sending it again would cost this page a
 * message for a capture that exists. A #fragment never leaves the page. A page that had
 * finished loading before this script ran (Firefox runs it in pages already open when the
 * extension is installed) loaded before the observer existed, so it reports everything; the
 * look at `document` is only taken when there is a token to report.
 */
function onlyThisScriptSees(candidates: TokenCandidate[]): TokenCandidate[] {
  if (candidates.length === 0 || document.readyState === 'complete') return candidates;
  return candidates.filter((candidate) => candidate.location === 'fragment');
}

// Read once: the hygiene report at load reuses this reading when the address has not changed.
const hrefAtStart = location.href;
const atStart = { href: hrefAtStart, candidates: findTokensInUrl(hrefAtStart) };
report(onlyThisScriptSees(atStart.candidates), 'load');
// Single-page callbacks can receive the token later, as a fragment change. Any script on the
// page can change the fragment too, so the background keeps such a token but does not verify
// it unasked.
addEventListener('hashchange', () => report(findTokensInUrl(location.href), 'hashchange'));
// For integrators: whether the application left the token in its URL, and who else it told.
reportPageHygieneOnLoad(atStart);
