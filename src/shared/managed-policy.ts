/**
 * Settings an organisation sets by policy (`storage.managed`): Chrome reads them from its
 * policies (`3rdparty` → `extensions` → our id, checked against `managed-schema.json`), Firefox
 * from `policies.json` (`3rdparty` → `Extensions` → our gecko id). A policy value wins over what a
 * person set, and the options page shows it locked.
 *
 * The policy is read with the same field rules as the settings a person saves. A key that is
 * malformed or unknown is named and ignored; the rest of the policy still applies, so one typo
 * in a fleet's policy file does not stop verification on a thousand PCs.
 */
import type { Localized } from '../domain/finding';
import { normaliseOrigin } from '../domain/url';
import { FIELD_REASONS } from './field-rules';
import { FIELD_NAMES } from './settings-problems';
import {
  DEFAULT_SETTINGS,
  VERIFICATION_RULES,
  languageRule,
  type Settings,
  type VerificationSettings,
} from './settings';

/** The policy keys: every verification field by its own name, the capture sites, and the default language. */
export type PolicyKey = keyof VerificationSettings | 'captureSites' | 'defaultLanguage';

export const POLICY_KEYS: readonly PolicyKey[] = [
  ...(Object.keys(VERIFICATION_RULES) as Array<keyof VerificationSettings>),
  'captureSites',
  'defaultLanguage',
];

/** A fleet's policy names a few services and sites; far more is a mistake, and is not read in full. */
export const POLICY_LIMITS = { keys: 64, captureSites: 200 } as const;

export interface PolicyProblem {
  /** The key as the policy spells it (cut to 64 characters when it is unknown). */
  key: string;
  message: Localized;
}

export interface ManagedPolicy {
  verification: Partial<VerificationSettings>;
  /** Origins the organisation adds to the person's own capture sites. */
  captureSites: string[];
  /** The language until the person chooses one. */
  defaultLanguage?: Settings['language'];
  /** The keys the policy set with a usable value, in `POLICY_KEYS` order. */
  keys: PolicyKey[];
  problems: PolicyProblem[];
}

export const NO_POLICY: ManagedPolicy = { verification: {}, captureSites: [], keys: [], problems: [] };

const REASONS = {
  ignored: { th: 'จึงไม่ใช้ค่านี้ และใช้ค่าที่ตั้งไว้ในเครื่องแทน', en: 'so it is ignored, and the local setting applies' },
  unknownKey: {
    th: 'ไม่ใช่การตั้งค่าที่ส่วนขยายนี้รู้จัก จึงไม่ใช้',
    en: 'is not a setting this extension knows, so it is ignored',
  },
  tooManyKeys: {
    th: `นโยบายมีเกิน ${POLICY_LIMITS.keys} รายการ จึงอ่านเพียง ${POLICY_LIMITS.keys} รายการแรก`,
    en: `the policy has more than ${POLICY_LIMITS.keys} keys, so only the first ${POLICY_LIMITS.keys} are read`,
  },
  notObject: { th: 'นโยบายต้องเป็นชุดค่า (object) จึงไม่ใช้เลย', en: 'the policy must be an object, so none of it is used' },
} satisfies Record<string, Localized>;

const isPolicyKey = (key: string): key is PolicyKey => (POLICY_KEYS as readonly string[]).includes(key);

function keyProblem(key: PolicyKey, reason: Localized): PolicyProblem {
  const name = key === 'defaultLanguage' ? FIELD_NAMES.language : FIELD_NAMES[key];
  return {
    key,
    message: {
      th: `นโยบาย "${key}" (${name.th}): ${reason.th} ${REASONS.ignored.th}`,
      en: `policy "${key}" (${name.en}): ${reason.en}, ${REASONS.ignored.en}`,
    },
  };
}

/**
 * A yes/no written as the number 1 or 0 becomes true or false. That is how the Windows registry
 * holds it (REG_DWORD), and Firefox hands 3rdparty registry values on without a schema to turn
 * them back; Chrome converts them by managed-schema.json itself.
 */
function registryBoolean(key: keyof VerificationSettings, value: unknown): unknown {
  const isYesNo = typeof DEFAULT_SETTINGS.verification[key] === 'boolean';
  return isYesNo && (value === 0 || value === 1) ? value === 1 : value;
}

/** The capture sites of a policy: each entry an origin, the unusable ones named and skipped. */
function readCaptureSites(value: unknown, problems: PolicyProblem[]): string[] | null {
  if (!Array.isArray(value)) {
    problems.push(keyProblem('captureSites', FIELD_REASONS.notList));
    return null;
  }
  const sites: string[] = [];
  const list: unknown[] = value.slice(0, POLICY_LIMITS.captureSites);
  for (let index = 0; index < list.length; index += 1) {
    const entry = list[index];
    const origin = typeof entry === 'string' ? normaliseOrigin(entry) : null;
    if (origin === null) {
      problems.push(
        keyProblem('captureSites', {
          th: `รายการที่ ${index + 1} ไม่ใช่ origin แบบ http:// หรือ https:// (เช่น https://app.industry.go.th)`,
          en: `item ${index + 1} is not an http:// or https:// origin (e.g. https://app.industry.go.th)`,
        }),
      );
    } else if (!sites.includes(origin)) {
      sites.push(origin);
    }
  }
  if (value.length > POLICY_LIMITS.captureSites) {
    problems.push(
      keyProblem('captureSites', {
        th: `มีเกิน ${POLICY_LIMITS.captureSites} รายการ ที่เกินมา`,
        en: `more than ${POLICY_LIMITS.captureSites} items: the rest`,
      }),
    );
  }
  return sites;
}

/**
 * Reads what `storage.managed.get()` returned. Never throws: whatever an administrator (or a
 * broken policy file) put there becomes usable values and named problems.
 */
export function readManagedPolicy(raw: unknown): ManagedPolicy {
  if (raw === undefined || raw === null) return NO_POLICY;
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { ...NO_POLICY, problems: [{ key: '', message: REASONS.notObject }] };
  }
  const policy: ManagedPolicy = { verification: {}, captureSites: [], keys: [], problems: [] };
  const entries = Object.entries(raw as Record<string, unknown>);
  if (entries.length > POLICY_LIMITS.keys) policy.problems.push({ key: '', message: REASONS.tooManyKeys });
  const set = new Set<PolicyKey>();
  for (const [key, value] of entries.slice(0, POLICY_LIMITS.keys)) {
    if (!isPolicyKey(key)) {
      const shown = key.slice(0, 64);
      policy.problems.push({
        key: shown,
        message: { th: `นโยบาย "${shown}" ${REASONS.unknownKey.th}`, en: `policy "${shown}" ${REASONS.unknownKey.en}` },
      });
      continue;
    }
    if (key === 'captureSites') {
      const sites = readCaptureSites(value, policy.problems);
      if (sites === null) continue;
      policy.captureSites = sites;
    } else if (key === 'defaultLanguage') {
      const language = languageRule(value);
      if (!language.ok) {
        policy.problems.push(keyProblem(key, language.reason));
        continue;
      }
      policy.defaultLanguage = language.value;
    } else {
      const checked = VERIFICATION_RULES[key](registryBoolean(key, value));
      if (!checked.ok) {
        policy.problems.push(keyProblem(key, checked.reason));
        continue;
      }
      (policy.verification as Record<string, unknown>)[key] = checked.value;
    }
    set.add(key);
  }
  policy.keys = POLICY_KEYS.filter((key) => set.has(key));
  return policy;
}

/**
 * The settings in force: the person's own, with every policy value over them. The capture sites
 * are the organisation's and then the person's own; the policy language is used only until the
 * person picks one (or saves settings, which stores the language shown).
 */
export function applyManagedPolicy(local: Settings, policy: ManagedPolicy, personChoseLanguage: boolean): Settings {
  if (policy.keys.length === 0) return local;
  return {
    ...local,
    language: !personChoseLanguage && policy.defaultLanguage ? policy.defaultLanguage : local.language,
    verification: { ...local.verification, ...policy.verification },
    captureSites: [...new Set([...policy.captureSites, ...local.captureSites])],
  };
}

/**
 * What a save may write to `storage.local` while a policy is in force: the person's values for
 * the fields the policy does not set, and the stored ones for those it does. A page sends back
 * the settings in force, so without this the policy's ClientID would be copied into local
 * storage, and a person's own value would be lost the day the policy is lifted.
 */
export function localPartOf(candidate: Settings, storedLocal: Settings, policy: ManagedPolicy): Settings {
  if (policy.keys.length === 0) return candidate;
  const verification = { ...candidate.verification };
  for (const key of Object.keys(policy.verification) as Array<keyof VerificationSettings>) {
    (verification as Record<string, unknown>)[key] = storedLocal.verification[key];
  }
  return {
    ...candidate,
    verification,
    captureSites: candidate.captureSites.filter(
      (site) => !policy.captureSites.includes(site) || storedLocal.captureSites.includes(site),
    ),
  };
}

/** What the pages may know of the policy: which settings are locked, and what could not be used. */
export interface PolicyView {
  keys: PolicyKey[];
  captureSites: string[];
  problems: Localized[];
}

export function policyView(policy: ManagedPolicy): PolicyView {
  return {
    keys: [...policy.keys],
    captureSites: [...policy.captureSites],
    problems: policy.problems.map((entry) => entry.message),
  };
}

/**
 * The settings as the options page receives them: a ClientID set by policy is never sent, not
 * even masked. The organisation handed it to the browser, not to the person at the keyboard.
 */
export function withoutManagedClientId(settings: Settings, policy: ManagedPolicy): Settings {
  if (!policy.keys.includes('clientId')) return settings;
  return { ...settings, verification: { ...settings.verification, clientId: '' } };
}
