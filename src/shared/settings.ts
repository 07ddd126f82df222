/**
 * The extension's settings: one schema, with defaults, a version, migrations and validation on
 * every read. They live in `storage.local` (never `sync`: the ClientID is an application secret
 * that must not leave this PC). Tokens never go here.
 */
import type { Localized } from '../domain/finding';
import { isHttpUrl, normaliseOrigin } from '../domain/url';
import { FIELD_REASONS, boolean, oneOf, text, type Rule } from './field-rules';
import { problem } from './settings-problems';

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

// ---- Field rules ------------------------------------------------------------------------------
// One rule per field, read two ways: `parseSettings` takes the default where a stored field breaks
// its rule, and `validateSettings` refuses a candidate that breaks any. Sharing the rules keeps
// what is read from storage always acceptable to a save, so a language switch that resends the
// stored settings can never be refused for a field the person did not touch.

type TextField =
  | 'wsdlUrl'
  | 'clientId'
  | 'endpoint'
  | 'namespace'
  | 'operation'
  | 'soapAction'
  | 'tokenParameter'
  | 'clientIdParameter';

/** The longest text kept in each field, in UTF-16 code units after trimming. The options form checks the same. */
export const TEXT_LIMITS: Readonly<Record<TextField, number>> = {
  wsdlUrl: 2048,
  clientId: 512,
  endpoint: 2048,
  namespace: 2048,
  operation: 256,
  soapAction: 2048,
  tokenParameter: 256,
  clientIdParameter: 256,
};

/** The verification call's timeout, in milliseconds (the options form shows 1–120 seconds). */
export const TIMEOUT_LIMITS_MS = { min: 1_000, max: 120_000 } as const;

const REASONS = {
  notHttpUrl: {
    th: 'ต้องว่าง หรือเป็นที่อยู่ที่ขึ้นต้นด้วย http:// หรือ https:// มีชื่อโฮสต์ และไม่มีชื่อผู้ใช้หรือรหัสผ่าน',
    en: 'must be empty, or an http:// or https:// address with a host and no user name or password',
  },
  timeout: {
    th: `ต้องเป็นจำนวนเต็มมิลลิวินาทีตั้งแต่ ${TIMEOUT_LIMITS_MS.min} ถึง ${TIMEOUT_LIMITS_MS.max}`,
    en: `must be a whole number of milliseconds from ${TIMEOUT_LIMITS_MS.min} to ${TIMEOUT_LIMITS_MS.max}`,
  },
  version: { th: `ต้องเป็นรุ่น ${SETTINGS_VERSION}`, en: `must be version ${SETTINGS_VERSION}` },
} satisfies Record<string, Localized>;

const httpUrlOrEmpty = { test: (value: string) => value === '' || isHttpUrl(value), reason: REASONS.notHttpUrl };

const timeoutMs: Rule<number> = (value) =>
  typeof value === 'number' &&
  Number.isInteger(value) &&
  value >= TIMEOUT_LIMITS_MS.min &&
  value <= TIMEOUT_LIMITS_MS.max
    ? { ok: true, value }
    : { ok: false, reason: REASONS.timeout };

/** One rule per verification field, shared by `parseSettings`, `validateSettings` and the policy reader. */
export const VERIFICATION_RULES: { [K in keyof VerificationSettings]-?: Rule<VerificationSettings[K]> } = {
  wsdlUrl: text(TEXT_LIMITS.wsdlUrl, httpUrlOrEmpty),
  clientId: text(TEXT_LIMITS.clientId),
  timeoutMs,
  autoVerify: boolean,
  autoVerifyOverPlainHttp: boolean,
  endpoint: text(TEXT_LIMITS.endpoint, httpUrlOrEmpty),
  soapVersion: oneOf(['1.1', '1.2'] as const),
  style: oneOf(['document', 'rpc'] as const),
  namespace: text(TEXT_LIMITS.namespace),
  operation: text(TEXT_LIMITS.operation),
  soapAction: text(TEXT_LIMITS.soapAction),
  tokenParameter: text(TEXT_LIMITS.tokenParameter),
  clientIdParameter: text(TEXT_LIMITS.clientIdParameter),
};

export const languageRule = oneOf(['th', 'en'] as const);

/**
 * Reads whatever is stored into a valid Settings: migrates old versions, then takes each field
 * that is valid and the default for each that is not, so a damaged store never breaks the UI.
 * Lenient where a damaged value still says what was meant: a timeout out of range is clamped,
 * capture sites are normalised to origins and de-duplicated, and unusable ones are dropped.
 */
export function parseSettings(stored: unknown): Settings {
  let raw: Record<string, unknown> = isRecord(stored) ? { ...stored } : {};
  // Only a whole version from 1 up is migrated from: anything else is damage, read as current. A
  // stored -Infinity or -1e300 would otherwise never count up to SETTINGS_VERSION (adding 1 to
  // either changes nothing), and the loop below would never end.
  const storedVersion = raw.version;
  let version =
    typeof storedVersion === 'number' && Number.isInteger(storedVersion) && storedVersion >= 1
      ? storedVersion
      : SETTINGS_VERSION;
  while (version < SETTINGS_VERSION) {
    const migrate = MIGRATIONS[version];
    if (migrate) raw = migrate(raw);
    version += 1;
  }
  const defaults = DEFAULT_SETTINGS.verification;
  const v = isRecord(raw.verification) ? raw.verification : {};
  const read = <K extends keyof VerificationSettings>(field: K): VerificationSettings[K] => {
    // TypeScript cannot tie the indexed rule to its field's type on its own.
    const checked = (VERIFICATION_RULES[field] as Rule<VerificationSettings[K]>)(v[field]);
    return checked.ok ? checked.value : defaults[field];
  };
  const timeout = typeof v.timeoutMs === 'number' && Number.isFinite(v.timeoutMs) ? v.timeoutMs : defaults.timeoutMs;
  const sites = Array.isArray(raw.captureSites) ? raw.captureSites : [];
  const language = languageRule(raw.language);
  return {
    version: SETTINGS_VERSION,
    language: language.ok ? language.value : DEFAULT_SETTINGS.language,
    verification: {
      wsdlUrl: read('wsdlUrl'),
      clientId: read('clientId'),
      timeoutMs: Math.min(Math.max(Math.round(timeout), TIMEOUT_LIMITS_MS.min), TIMEOUT_LIMITS_MS.max),
      autoVerify: read('autoVerify'),
      autoVerifyOverPlainHttp: read('autoVerifyOverPlainHttp'),
      endpoint: read('endpoint'),
      soapVersion: read('soapVersion'),
      style: read('style'),
      namespace: read('namespace'),
      operation: read('operation'),
      soapAction: read('soapAction'),
      tokenParameter: read('tokenParameter'),
      clientIdParameter: read('clientIdParameter'),
    },
    captureSites: [
      ...new Set(
        sites
          .flatMap((site) => (typeof site === 'string' ? [normaliseOrigin(site)] : []))
          .filter((o): o is string => o !== null),
      ),
    ],
  };
}

export type SettingsValidation = { ok: true; settings: Settings } | { ok: false; problems: Localized[] };

/**
 * Checks settings a page wants to save, strictly: every field present, of its own type (nothing
 * coerced), within its limits. Refused as a whole, with one problem per field, so a save never
 * half-happens and a stored value is never replaced by a default. What it accepts is trimmed and
 * de-duplicated only, and `parseSettings` reads it back unchanged. A field it does not know is
 * left out, as `parseSettings` would leave it out on the next read.
 */
export function validateSettings(candidate: unknown): SettingsValidation {
  if (!isRecord(candidate)) return { ok: false, problems: [problem('settings', FIELD_REASONS.notObject)] };
  const problems: Localized[] = [];

  // Only this version is written: a page always sends what it read, migrated.
  if (candidate.version !== SETTINGS_VERSION) problems.push(problem('version', REASONS.version));

  const language = languageRule(candidate.language);
  if (!language.ok) problems.push(problem('language', language.reason));

  const verification: Partial<Record<keyof VerificationSettings, unknown>> = {};
  if (!isRecord(candidate.verification)) {
    problems.push(problem('verification', FIELD_REASONS.notObject));
  } else {
    for (const field of Object.keys(VERIFICATION_RULES) as Array<keyof VerificationSettings>) {
      const checked = VERIFICATION_RULES[field](candidate.verification[field]);
      if (checked.ok) verification[field] = checked.value;
      else problems.push(problem(field, checked.reason));
    }
  }

  const sites: string[] = [];
  if (!Array.isArray(candidate.captureSites)) {
    problems.push(problem('captureSites', FIELD_REASONS.notList));
  } else {
    // Each must already be an origin, exactly as `normaliseOrigin` writes it: a path or a stray
    // space would otherwise be cut off silently. One problem for the list, naming the first.
    // Indexed, not flatMap: flatMap skips the holes of a sparse array, and a hole is no origin.
    const list: unknown[] = candidate.captureSites;
    const bad: number[] = [];
    for (let index = 0; index < list.length; index += 1) {
      const site = list[index];
      if (typeof site !== 'string' || normaliseOrigin(site) !== site) bad.push(index);
    }
    if (bad.length > 0) {
      const first = bad[0]! + 1;
      const more = bad.length - 1;
      problems.push(
        problem('captureSites', {
          th: `รายการที่ ${first}${more > 0 ? ` และอีก ${more} รายการ` : ''} ไม่ใช่ origin แบบ http:// หรือ https:// (โฮสต์และพอร์ตเท่านั้น เช่น http://10.1.2.3:8080)`,
          en: `item ${first}${more > 0 ? ` and ${more} more` : ''} ${more > 0 ? 'are' : 'is'} not an http:// or https:// origin (host and port only, e.g. http://10.1.2.3:8080)`,
        }),
      );
    } else {
      sites.push(...new Set(list as string[]));
    }
  }

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    settings: {
      version: SETTINGS_VERSION,
      language: language.ok ? language.value : DEFAULT_SETTINGS.language,
      verification: verification as VerificationSettings,
      captureSites: sites,
    },
  };
}

/** A refused save as one message: what was wrong with each field, and that nothing was stored. */
export function describeSettingsProblems(problems: readonly Localized[]): Localized {
  return {
    th: `การตั้งค่าไม่ถูกต้อง จึงไม่ได้บันทึกอะไรเลย: ${problems.map((p) => p.th).join('; ')}`,
    en: `the settings are not valid, so nothing was stored: ${problems.map((p) => p.en).join('; ')}`,
  };
}
