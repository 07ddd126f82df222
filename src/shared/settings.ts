/**
 * The extension's settings: one schema, with defaults, a version, migrations and validation on
 * every read. They live in `storage.local` (never `sync`: the ClientID is an application secret
 * that must not leave this PC). Tokens never go here.
 */

/** The manual's WSDL (§4.1). Unreachable from most networks; it is only the default. */
export const MANUAL_WSDL_URL = 'http://diwinfo.diw.go.th:8080/DiwAppChk/DiwAppChk?wsdl';

export const SETTINGS_VERSION = 1;

export interface VerificationSettings {
  wsdlUrl: string;
  /** Assigned by the DIW administrator (manual §4). Shown masked. */
  clientId: string;
  timeoutMs: number;
  autoVerify: boolean;
  /**
   * Auto-verify over plain `http:` to a host that is not loopback sends tokens (with national ID
   * numbers) and the ClientID unencrypted. It stays off unless a person turns this on as well.
   */
  autoVerifyOverPlainHttp: boolean;
  /** What the WSDL said, or what a person typed in manual mode. Empty until loaded. */
  endpoint: string;
  soapVersion: '1.1' | '1.2';
  style: 'document' | 'rpc';
  namespace: string;
  operation: string;
  soapAction: string;
  tokenParameter: string;
  clientIdParameter: string;
}

export interface Settings {
  version: number;
  language: 'th' | 'en';
  verification: VerificationSettings;
  /** Origins a person added for capture, e.g. `http://10.1.2.3:8080`. Defaults are in the manifest. */
  captureSites: string[];
}

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  language: 'th',
  verification: {
    wsdlUrl: MANUAL_WSDL_URL,
    clientId: '',
    timeoutMs: 10_000,
    autoVerify: true,
    autoVerifyOverPlainHttp: false,
    endpoint: '',
    soapVersion: '1.1',
    style: 'document',
    namespace: '',
    operation: '',
    soapAction: '',
    tokenParameter: '',
    clientIdParameter: '',
  },
  captureSites: [],
};

/** Migrations from each older version to the next. Version 1 is the first; add steps here. */
const MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function pickString(value: unknown, fallback: string, maxLength = 2048): string {
  return typeof value === 'string' && value.length <= maxLength ? value.trim() : fallback;
}

function pickOneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

/** An origin a person may add: http(s), a host, an optional port, nothing else. */
export function normaliseOrigin(input: string): string | null {
  try {
    const url = new URL(input.trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (!url.hostname) return null;
    return url.origin;
  } catch {
    return null;
  }
}

/**
 * An added origin (`http://10.1.2.3:8080`) as the match pattern for its host permission and
 * content script. Firefox match patterns cannot carry a port (bug 1362809), so the pattern
 * covers the host on any port; the background checks the exact origin before capturing.
 * A built-in site is a match pattern already (`*://*.diw.go.th`, which `new URL` cannot read):
 * it only gets the path wildcard.
 */
export function originToPattern(origin: string): string {
  if (origin.includes('*')) return `${origin.replace(/\/+$/, '')}/*`;
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}/*`;
}

/**
 * Reads whatever is stored into a valid Settings: migrates old versions, then takes each field
 * that is valid and the default for each that is not, so a damaged store never breaks the UI.
 */
export function parseSettings(stored: unknown): Settings {
  let raw: Record<string, unknown> = isRecord(stored) ? { ...stored } : {};
  let version = typeof raw.version === 'number' ? raw.version : SETTINGS_VERSION;
  while (version < SETTINGS_VERSION) {
    const migrate = MIGRATIONS[version];
    if (migrate) raw = migrate(raw);
    version += 1;
  }
  const defaults = DEFAULT_SETTINGS.verification;
  const v = isRecord(raw.verification) ? raw.verification : {};
  const timeout = typeof v.timeoutMs === 'number' && Number.isFinite(v.timeoutMs) ? v.timeoutMs : defaults.timeoutMs;
  const sites = Array.isArray(raw.captureSites) ? raw.captureSites : [];
  return {
    version: SETTINGS_VERSION,
    language: pickOneOf(raw.language, ['th', 'en'] as const, DEFAULT_SETTINGS.language),
    verification: {
      wsdlUrl: pickString(v.wsdlUrl, defaults.wsdlUrl),
      clientId: pickString(v.clientId, defaults.clientId, 512),
      timeoutMs: Math.min(Math.max(Math.round(timeout), 1_000), 120_000),
      autoVerify: typeof v.autoVerify === 'boolean' ? v.autoVerify : defaults.autoVerify,
      autoVerifyOverPlainHttp: typeof v.autoVerifyOverPlainHttp === 'boolean' ? v.autoVerifyOverPlainHttp : defaults.autoVerifyOverPlainHttp,
      endpoint: pickString(v.endpoint, defaults.endpoint),
      soapVersion: pickOneOf(v.soapVersion, ['1.1', '1.2'] as const, defaults.soapVersion),
      style: pickOneOf(v.style, ['document', 'rpc'] as const, defaults.style),
      namespace: pickString(v.namespace, defaults.namespace),
      operation: pickString(v.operation, defaults.operation, 256),
      soapAction: pickString(v.soapAction, defaults.soapAction),
      tokenParameter: pickString(v.tokenParameter, defaults.tokenParameter, 256),
      clientIdParameter: pickString(v.clientIdParameter, defaults.clientIdParameter, 256),
    },
    captureSites: [
      ...new Set(sites.flatMap((site) => (typeof site === 'string' ? [normaliseOrigin(site)] : [])).filter((o): o is string => o !== null)),
    ],
  };
}

/**
 * FNV-1a over UTF-16 code units, run from two offsets: 16 hex digits. Not cryptographic, and the
 * two runs are not independent; it only has to tell one settings value from the next.
 */
function hash64Hex(text: string): string {
  const halves = [0x811c9dc5, 0x01000193 ^ 0x5bd1e995].map((offset) => {
    let hash = offset >>> 0;
    for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
    return hash.toString(16).padStart(8, '0');
  });
  return halves.join('');
}

/**
 * A fingerprint of everything that changes what a verification means. A cached "valid" made
 * under other settings is never shown as current. Hashed: it is stored beside every result and
 * handed to the pages, and must not carry the ClientID itself.
 */
export function verificationFingerprint(settings: VerificationSettings): string {
  const { wsdlUrl: _ignoredBecauseEndpointCounts, autoVerify: _notAboutMeaning, autoVerifyOverPlainHttp: _notAboutMeaningEither, ...meaningful } = settings;
  return hash64Hex(JSON.stringify(meaningful));
}

/**
 * How a verification call would travel. `plain-http` is `http:` to a host that is not loopback:
 * the token (with a national ID number) and the ClientID cross the network unencrypted, and the
 * answer can come from anyone on the path. Loopback never leaves the PC (integrators, the demo).
 */
export type EndpointSecurity = 'none' | 'https' | 'loopback' | 'plain-http';

function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

export function endpointSecurity(endpoint: string): EndpointSecurity {
  let url: URL;
  try {
    url = new URL(endpoint.trim());
  } catch {
    return 'none';
  }
  if (url.protocol === 'https:') return 'https';
  if (url.protocol !== 'http:') return 'none';
  return isLoopbackHost(url.hostname) ? 'loopback' : 'plain-http';
}

/** Whether the background may verify on its own: auto-verify on, and plain HTTP only by explicit choice. */
export function autoVerifyAllowed(verification: VerificationSettings): boolean {
  if (!verification.autoVerify) return false;
  return endpointSecurity(verification.endpoint) !== 'plain-http' || verification.autoVerifyOverPlainHttp;
}

/**
 * What the popup may know of the settings: everything it shows or decides on, and not the
 * ClientID, which only the options page and the background handle.
 */
export interface SettingsView {
  language: Settings['language'];
  captureSites: string[];
  verification: {
    /** A ClientID is set (its value is not here). */
    hasClientId: boolean;
    endpoint: string;
    endpointSecurity: EndpointSecurity;
    /** Auto-verify as it will really happen (see autoVerifyAllowed). */
    autoVerify: boolean;
    /** `verificationFingerprint` of the current settings: tells a current result from a stale one. */
    fingerprint: string;
  };
}

export function settingsView(settings: Settings): SettingsView {
  const { verification } = settings;
  return {
    language: settings.language,
    captureSites: [...settings.captureSites],
    verification: {
      hasClientId: verification.clientId !== '',
      endpoint: verification.endpoint,
      endpointSecurity: endpointSecurity(verification.endpoint),
      autoVerify: autoVerifyAllowed(verification),
      fingerprint: verificationFingerprint(verification),
    },
  };
}
