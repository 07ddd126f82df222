/**
 * Once the page has loaded, and only when its URL still holds a token then, tells the background what the page itself knows of where that URL went: its referrer
 * policy (as its `<meta>` sets it), and the other origins it loaded resources from while the token was in its address (the
 * browser sends them the URL as Referer when the policy allows). The background checks the tab's
 * URL itself and decides everything else. Tiny on purpose, like the capture script: no UI, no
 * framework, no polyfill (see send-to-background.ts).
 */
import { findTokensInUrl, type TokenCandidate } from '../domain/find-tokens-in-url';
import type { Message } from '../shared/messages';
import { sendToBackground } from './send-to-background';

/** The background keeps ten; a few more let it drop the page's own and still have ten. */
const MAX_ORIGINS_SENT = 16;
/** A page can have thousands of resource entries; the first ones are those loaded with the token. */
const MAX_ENTRIES_READ = 500;

/**
 * The policy the page set for itself in `<meta name="referrer">` (the last one counts); '' when it
 * set none, and the background then reads the Referrer-Policy header it saw. Pages expose no
 * property with the policy in force.
 */
function metaReferrerPolicy(): string {
  const metas = document.querySelectorAll<HTMLMetaElement>('meta[name="referrer" i]');
  return (metas[metas.length - 1]?.content ?? '').slice(0, 64);
}

function otherOrigins(): string[] {
  const origins = new Set<string>();
  for (const entry of performance.getEntriesByType('resource').slice(0, MAX_ENTRIES_READ)) {
    if (origins.size >= MAX_ORIGINS_SENT) break;
    try {
      const origin = new URL(entry.name).origin;
      if (origin !== location.origin && origin !== 'null') origins.add(origin);
    } catch {
      // Not a URL: nothing to report.
    }
  }
  return [...origins];
}

/** An address the capture script has already read, and the tokens it found in it. */
export interface UrlReading {
  href: string;
  candidates: readonly TokenCandidate[];
}

function report(earlier: UrlReading): void {
  const href = location.href;
  const candidates = href === earlier.href ? earlier.candidates : findTokensInUrl(href);
  if (candidates.length === 0) return;
  const message: Message = {
    type: 'content→bg:page-hygiene',
    payload: { referrerPolicy: metaReferrerPolicy(), resourceOrigins: otherOrigins() },
  };
  sendToBackground(message);
}

/**
 * Reports once the page has loaded: a resource is listed only once it has, and a page that still
 * holds its token in the URL by then has kept it. Part of the capture script, not a script of its
 * own, so capture-site pages load one small file, and sites a person adds get it too. `earlier`
 * is the capture script's reading at document_start: an address that has not changed since is not
 * scanned again.
 */
export function reportPageHygieneOnLoad(earlier: UrlReading): void {
  // Firefox also runs the script in pages already open when the extension is installed, after
  // their load: those are reported at once. A page whose address held no token has nothing to
  // report at once, and is spared the look at `document` (in the script's own world, its first
  // use builds the document's wrapper, the dearest step of the script on such a page).
  if (earlier.candidates.length > 0 && document.readyState === 'complete') report(earlier);
  else addEventListener('load', () => report(earlier), { once: true });
}
