/**
 * Once the page has loaded, and only when its URL still holds a token then, tells the background what the page itself knows of where that URL went: its referrer
 * policy (as its `<meta>` sets it), and the other origins it loaded resources from while the token was in its address (the
 * browser sends them the URL as Referer when the policy allows). The background checks the tab's
 * URL itself and decides everything else. Tiny on purpose, like the capture script: no UI, no
 * framework, no polyfill (see send-to-background.ts).
 */
import { findTokensInUrl } from '../domain/find-tokens-in-url';
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

function report(): void {
  if (findTokensInUrl(location.href).length === 0) return;
  const message: Message = {
    type: 'content→bg:page-hygiene',
    payload: { referrerPolicy: metaReferrerPolicy(), resourceOrigins: otherOrigins() },
  };
  sendToBackground(message);
}

/**
 * Reports once the page has loaded: a resource is listed only once it has, and a page that still
 * holds its token in the URL by then has kept it. Part of the capture script, not a script of its
 * own, so capture-site pages load one small file, and sites a person adds get it too. A page that
 * loaded before the script ran (`loadedBeforeThisScript`, see page-load.ts) has no load event to
 * come: it is reported at once.
 */
export function reportPageHygieneOnLoad(loadedBeforeThisScript: boolean): void {
  if (loadedBeforeThisScript) report();
  else addEventListener('load', report, { once: true });
}
