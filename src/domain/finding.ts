/**
 * What the domain tells a person: texts in both languages, and findings with a stable code, a
 * severity and what to do next.
 */
import type { DecodeFailureCode } from './decode-token';
import type { VerificationFailureCode } from './soap/answer';

/** A text a person reads, in both of the product's languages. Thai is the default. */
export interface Localized {
  th: string;
  en: string;
}

export type Severity = 'error' | 'warning' | 'info';

/**
 * Something the domain noticed that a person may need to act on. `code` is stable (tests and
 * reports key on it); the texts are for people.
 */
export interface Finding {
  code: FindingCode;
  severity: Severity;
  title: Localized;
  /** What exactly was seen, with the values that matter (never an unmasked ID number). */
  detail: Localized;
  /** What a help-desk person or integrator should do next. */
  nextStep: Localized;
}

/**
 * Every finding the domain emits, by its stable code. A union, so that a code written wrong (in
 * a rule, a test or a fixture) fails to compile; adding a finding starts here.
 */
export type FindingCode =
  // Reading the token (decode-token.ts, inspect.ts, claims.ts)
  | `decode-${DecodeFailureCode}`
  | 'not-industry-sso'
  | 'claims-missing'
  | 'claims-not-text'
  | 'token-absurd-nesting'
  // Times (time.ts)
  | `${'exp' | 'nbf' | 'iat'}-${'missing' | 'unreadable' | 'nonstandard-form'}`
  | 'token-expired'
  | 'expiry-unknown'
  | 'token-not-yet-valid'
  | 'lifetime-not-manual'
  | 'lifetime-negative'
  // The office (org.ts)
  | 'org-unparseable'
  | 'org-unknown-province'
  | 'org-unknown-office'
  | 'org-province-mismatch'
  | 'org-orgid-mismatch'
  | 'org-missing-parent'
  | 'org-cycle'
  // The national ID (id-card.ts)
  | 'idcard-malformed'
  | 'idcard-bad-checksum'
  | 'idcard-not-string'
  // What DiwLoginChk said (soap/explain.ts)
  | 'verify-valid'
  | 'verify-expired'
  | 'verify-not-genuine'
  | 'verify-wrong-client-id'
  | 'verify-unrecognised'
  | 'verify-status-contradicts'
  | 'verify-username-differs'
  | 'verify-idcard-differs'
  | `verify-${VerificationFailureCode}`
  | 'clock-skew'
  | 'test-connection-ok'
  | 'test-connection-reachable'
  | 'test-connection-dummy-accepted'
  // How the application handled the token it received (token-hygiene.ts)
  | 'app-token-left-in-url'
  | 'app-token-in-query'
  | 'app-token-over-http'
  | 'app-token-to-other-origins'
  | 'app-callback-error';
