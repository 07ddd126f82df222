/**
 * Where capture happens: the ministry's hosts and loopback (declared in manifest.json), plus the
 * origins a person added in the options page. Added origins are optional host permissions,
 * granted at run time, and get the capture content script registered dynamically.
 */
import { DEFAULT_CAPTURE_PATTERNS } from '../shared/capture-sites';
import { matchesPattern } from '../domain/url';

/** The built path of the capture script (crxjs writes the standalone file beside its source path). */
export const CAPTURE_SCRIPT_FILE = 'src/content/capture.js';
/** Ids of scripts we register start with this, so we only ever touch our own. */
export const DYNAMIC_SCRIPT_PREFIX = 'capture-site:';

export function isCaptureSite(rawUrl: string, addedOrigins: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return false;
  }
  return DEFAULT_CAPTURE_PATTERNS.some((pattern) => matchesPattern(url, pattern)) || addedOrigins.includes(url.origin);
}
