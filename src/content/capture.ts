/**
 * The capture content script. It runs at document_start on the capture sites, before the page's
 * own scripts can rewrite the URL (many SSO clients call history.replaceState to drop the token),
 * reads its address, and reports the JWT-shaped values the background cannot see for itself (see
 * below); once the page has loaded, it also reports how the page handled a token
 * still in its URL (page-hygiene.ts). It decides nothing else: the background decodes, keeps and
 * verifies. Kept tiny, as it runs on every page of a capture site: no UI framework, no polyfill
 * (see send-to-background.ts), and only the domain's URL scanner, which does not decode.
 */
import { findTokensInFragment, findTokensInUrl, mayHoldToken, type TokenCandidate } from '../domain/find-tokens-in-url';
import { pageLoadedBeforeThisScript } from './page-load';
import { reportPageHygieneOnLoad } from './page-hygiene';
import { sendToBackground } from './send-to-background';

function report(candidates: TokenCandidate[], trigger: 'load' | 'hashchange'): void {
  if (candidates.length === 0) return;
  sendToBackground({ type: 'content→bg:token-seen', payload: { candidates, trigger } });
}

/**
 * What the page's address held at document_start that only this script can report. A token in
 * the query also travelled in the request, and the background's webRequest observer has
 * already taken it from there (web-request-capture.ts): the query is not even scanned, as
 * scanning a token is most of what this script would cost a login's callback page. A #fragment
 * never leaves the page. A page that had finished loading before this script ran (Firefox runs
 * it in pages already open when the extension is installed) loaded before the observer existed,
 * so all of it is reported. An address that could hold no token has nothing to report, and is
 * spared that look: for it, `loadedBeforeThisScript` is false.
 */
const hrefAtStart = location.href;
const loadedBeforeThisScript = mayHoldToken(hrefAtStart) && pageLoadedBeforeThisScript();
report(loadedBeforeThisScript ? findTokensInUrl(hrefAtStart) : findTokensInFragment(hrefAtStart), 'load');
// Single-page callbacks can receive the token later, as a fragment change. Any script on the
// page can change the fragment too, so the background keeps such a token but does not verify
// it unasked. Only the fragment changed: the query's tokens are known already.
addEventListener('hashchange', () => report(findTokensInFragment(location.href), 'hashchange'));
// For integrators: whether the application left the token in its URL, and who else it told.
reportPageHygieneOnLoad(loadedBeforeThisScript);
