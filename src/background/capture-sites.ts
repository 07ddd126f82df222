/**
 * Where capture happens: the ministry's hosts and loopback (declared in manifest.json), plus the
 * origins a person added in the options page. Added origins are optional host permissions,
 * granted at run time, and get the capture content script registered dynamically.
 */
import { DEFAULT_CAPTURE_PATTERNS } from '../shared/capture-sites';

/** The built path of the capture script (crxjs writes the standalone file beside its source path). */
export const CAPTURE_SCRIPT_FILE = 'src/content/capture.js';
/** Ids of scripts we register start with this, so we only ever touch our own. */
export const DYNAMIC_SCRIPT_PREFIX = 'capture-site:';

/**
 * Does `url` fall under a WebExtension match pattern (`scheme://host/path`)? Only the forms this
 * extension uses: `*` or a scheme, `*.domain` or an exact host, any path. Ports are ignored,
 * as browsers ignore them in host patterns.
 */
export function matchesPattern(url: URL, pattern: string): boolean {
  const match = /^(\*|https?):\/\/([^/]+)\//.exec(pattern);
  if (!match) return false;
  const [, scheme, host] = match as unknown as [string, string, string];
  if (scheme === '*' ? url.protocol !== 'http:' && url.protocol !== 'https:' : url.protocol !== `${scheme}:`) return false;
  const hostname = url.hostname;
  const patternHost = host.replace(/:\d+$/, '');
  if (patternHost.startsWith('*.')) {
    const domain = patternHost.slice(2);
    return hostname === domain || hostname.endsWith(`.${domain}`);
  }
  return hostname === patternHost;
}

export function isCaptureSite(rawUrl: string, addedOrigins: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return false;
  }
  return DEFAULT_CAPTURE_PATTERNS.some((pattern) => matchesPattern(url, pattern)) || addedOrigins.includes(url.origin);
}
