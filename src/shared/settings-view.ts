/**
 * What the settings mean beyond their fields: the fingerprint that tells a current verification
 * from a stale one, whether the background may verify on its own, and the popup's view of the
 * settings (without the ClientID). The schema, parsing and validation are in `settings.ts`.
 */
import { endpointSecurity, type EndpointSecurity } from '../domain/url';
import type { Settings, VerificationSettings } from './settings';

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
  const {
    wsdlUrl: _ignoredBecauseEndpointCounts,
    autoVerify: _notAboutMeaning,
    autoVerifyOverPlainHttp: _notAboutMeaningEither,
    ...meaningful
  } = settings;
  return hash64Hex(JSON.stringify(meaningful));
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

/**
 * Where the background publishes the settings view in `storage.session`, whenever the settings or
 * the policy change: the popup reads it there without waking the background. `storage.session`
 * is open to the extension's own pages only (content scripts are not given access), and the view
 * holds no ClientID.
 */
export const SETTINGS_VIEW_KEY = 'settings:view';

const ENDPOINT_SECURITIES: ReadonlySet<unknown> = new Set<EndpointSecurity>([
  'none',
  'https',
  'loopback',
  'plain-http',
]);

const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

/**
 * The published view, or null when there is none yet (the background has not run since the
 * browser started) or it is not of this version's shape (written by an older build): then the
 * page asks the background instead.
 */
export function readPublishedSettingsView(value: unknown): SettingsView | null {
  if (typeof value !== 'object' || value === null) return null;
  const { language, captureSites, verification } = value as Partial<Record<keyof SettingsView, unknown>>;
  if ((language !== 'th' && language !== 'en') || !isStringArray(captureSites)) return null;
  if (typeof verification !== 'object' || verification === null) return null;
  const fields = verification as Partial<Record<keyof SettingsView['verification'], unknown>>;
  const wellFormed =
    typeof fields.hasClientId === 'boolean' &&
    typeof fields.endpoint === 'string' &&
    ENDPOINT_SECURITIES.has(fields.endpointSecurity) &&
    typeof fields.autoVerify === 'boolean' &&
    typeof fields.fingerprint === 'string';
  return wellFormed ? (value as SettingsView) : null;
}
