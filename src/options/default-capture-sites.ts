/**
 * The capture sites built into manifest.json (`host_permissions` and the content script's
 * `matches`), as the options page lists them. `origin` is what `InspectorClient.hasOrigin` and
 * `requestOrigin` take: `originPattern` adds the `/*`. A test keeps this list equal to the
 * manifest's.
 */
export interface DefaultCaptureSite {
  /** How a person reads it. */
  label: string;
  origin: string;
}

export const DEFAULT_CAPTURE_SITES: readonly DefaultCaptureSite[] = [
  { label: '*.industry.go.th', origin: '*://*.industry.go.th' },
  { label: '*.diw.go.th', origin: '*://*.diw.go.th' },
  { label: 'localhost', origin: '*://localhost' },
  { label: '127.0.0.1', origin: '*://127.0.0.1' },
];
