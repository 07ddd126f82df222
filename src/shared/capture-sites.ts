/**
 * The capture sites built into manifest.json, read from it so that the background, the popup
 * and the options page can never drift from what the extension actually watches.
 */
import manifest from '../../manifest.json' with { type: 'json' };

/** The content script's match patterns, e.g. `*://*.industry.go.th/*`. */
export const DEFAULT_CAPTURE_PATTERNS: readonly string[] = manifest.content_scripts[0]!.matches;

export interface DefaultCaptureSite {
  /** How a person reads it: `*.industry.go.th`. */
  label: string;
  /** What `InspectorClient.hasOrigin` and `requestOrigin` take: the pattern without `/*`. */
  origin: string;
}

export const DEFAULT_CAPTURE_SITES: readonly DefaultCaptureSite[] = DEFAULT_CAPTURE_PATTERNS.map((pattern) => ({
  label: pattern.replace(/^[^:]+:\/\//, '').replace(/\/\*$/, ''),
  origin: pattern.replace(/\/\*$/, ''),
}));
