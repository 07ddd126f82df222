/**
 * The domain's shared vocabulary: the shapes that token reading, time, org resolution, ID
 * checks, verification and diagnosis hand to each other and to the UI. Behaviour lives in the
 * modules beside this one; this file only names things, so every context agrees on them.
 */

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
  code: string;
  severity: Severity;
  title: Localized;
  /** What exactly was seen, with the values that matter (never an unmasked ID number). */
  detail: Localized;
  /** What a help-desk person or integrator should do next. */
  nextStep: Localized;
}

// ---------------------------------------------------------------------------------------------
// Token reading

export type DecodeFailureCode =
  | 'empty'
  | 'too-large'
  | 'wrong-part-count'
  | 'encrypted-jwe'
  | 'bad-base64url'
  | 'not-json'
  | 'not-object';

export interface DecodeFailure {
  code: DecodeFailureCode;
  /** Which part failed, where that applies. */
  part?: 'header' | 'payload';
  message: Localized;
}

export interface DecodedToken {
  /** The compact token as read (whitespace and a leading `Bearer ` removed). */
  compact: string;
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  /** True when the payload carries the manual's claim set (see claims.ts). */
  isIndustrySso: boolean;
}

export type DecodeResult = { ok: true; token: DecodedToken } | { ok: false; failure: DecodeFailure };

/** Where in a URL, form or text a JWT-shaped value was found. */
export interface TokenCandidate {
  /** `query`, `fragment`, `form` or `text`. */
  location: 'query' | 'fragment' | 'form' | 'text';
  /** The parameter or field name; null for pasted text. */
  parameter: string | null;
  value: string;
}

// ---------------------------------------------------------------------------------------------
// Claims

export interface ClaimDefinition {
  /** Claim name as it appears in the payload, e.g. `idcard`. */
  name: string;
  /** Its row number in the manual's "รายละเอียด Token" table (1..10). */
  manualRow: number;
  label: Localized;
  meaning: Localized;
  /** Personal data that is masked on screen and in reports. */
  personal: boolean;
}

export interface ClaimReading {
  definition: ClaimDefinition;
  present: boolean;
  value: unknown;
}

// ---------------------------------------------------------------------------------------------
// Time (RFC 7519 §2 NumericDate, plus the non-standard forms seen in the wild)

export type TimeForm =
  | 'missing'
  | 'numeric-seconds'
  | 'numeric-milliseconds'
  | 'numeric-string'
  | 'date-string'
  | 'invalid';

export interface TimeReading {
  claim: 'exp' | 'nbf' | 'iat';
  raw: unknown;
  form: TimeForm;
  /** The instant, when it could be read. */
  epochMs: number | null;
}

export type LifetimeState = 'valid' | 'expired' | 'not-yet-valid' | 'unknown';

export interface TokenTimes {
  exp: TimeReading;
  nbf: TimeReading;
  iat: TimeReading;
  state: LifetimeState;
  /** exp − now; negative once expired; null when exp is unreadable. */
  remainingMs: number | null;
  /** exp − nbf; null when either is unreadable. */
  lifetimeMs: number | null;
}

// ---------------------------------------------------------------------------------------------
// Office directory and org code

export interface OfficeRow {
  officeId: number;
  /** null for a root office (the manual leaves the cell empty). */
  parentId: number | null;
  name: string;
  orgId: number;
  /** null for offices outside the provinces (OrgID 1, 2..8, 11). */
  provinceId: number | null;
}

export interface OrgCode {
  orgId: number;
  officeId: number;
  provinceId: number | null;
}

export interface OrgResolution {
  raw: string;
  /** null when the value could not be parsed; see `findings` for why. */
  code: OrgCode | null;
  office: OfficeRow | null;
  /** Root first, the office itself last. Empty when the office is unknown. */
  path: OfficeRow[];
  /** From the token's ProvinceID; null when absent or unknown. */
  provinceName: string | null;
  /** Only names the manual states or clearly implies; otherwise null (show the number). */
  orgName: Localized | null;
  findings: Finding[];
}

// ---------------------------------------------------------------------------------------------
// National ID number

export interface IdCardCheck {
  /** Safe to show: e.g. `x-xxxx-xxxxx-12-3`. */
  masked: string;
  /** Exactly 13 digits after removing spaces and dashes. */
  wellFormed: boolean;
  /** The Thai check digit (mod 11) is right. False when not well formed. */
  checksumValid: boolean;
  findings: Finding[];
}

// ---------------------------------------------------------------------------------------------
// Verification (DiwLoginChk, manual §4)

/** The manual's four answers (§4.2 Message 1..4). */
export type ManualCase = 1 | 2 | 3 | 4;

export type VerificationFailureCode =
  | 'no-client-id'
  | 'no-endpoint'
  | 'no-permission'
  | 'connection-refused'
  | 'dns'
  | 'timeout'
  | 'network'
  | 'http-status'
  | 'soap-fault'
  | 'not-xml'
  | 'missing-fields'
  | 'too-large'
  /** The extension's background was stopped while it waited for the answer. */
  | 'interrupted';

export interface VerificationAnswer {
  /** Which of the manual's four cases the Message maps to; null = unrecognised answer. */
  manualCase: ManualCase | null;
  status: boolean | null;
  message: string | null;
  username: string | null;
  /** As returned; mask before display. */
  idCard: string | null;
}

export interface VerificationResult {
  /** When the call finished (epoch ms). */
  checkedAt: number;
  roundTripMs: number | null;
  /** Server `Date` − local clock, when the server sent a Date header. */
  clockSkewMs: number | null;
  endpoint: string;
  outcome:
    | { kind: 'answered'; answer: VerificationAnswer }
    | { kind: 'failed'; code: VerificationFailureCode; detail: string; httpStatus?: number; faultCode?: string; faultString?: string };
  /** Explanation, what to do next, and comparisons with the token's claims. */
  findings: Finding[];
}

// ---------------------------------------------------------------------------------------------
// The whole reading of one token, as the popup and the report use it

/** `expiry-unknown`: an SSO token whose `exp` is missing or unreadable; it is not called valid, nor expired. */
export type InspectionVerdict = 'valid' | 'expired' | 'not-yet-valid' | 'expiry-unknown' | 'not-sso' | 'unreadable';

export type TokenInspection =
  | { kind: 'unreadable'; verdict: 'unreadable'; failure: DecodeFailure; findings: Finding[] }
  | {
      kind: 'decoded';
      verdict: InspectionVerdict;
      token: DecodedToken;
      claims: ClaimReading[];
      /** Claims the manual does not list, kept as they are. */
      extraClaims: Array<[name: string, value: unknown]>;
      times: TokenTimes;
      org: OrgResolution | null;
      idCard: IdCardCheck | null;
      /** Every finding, most serious first. */
      findings: Finding[];
    };

// ---------------------------------------------------------------------------------------------
// WSDL (the manual gives the URL but not the operation or parameter names)

export interface WsdlOperation {
  name: string;
  style: 'document' | 'rpc';
  soapAction: string;
  /** For document/literal wrapped: the wrapper element's namespace (usually the target namespace). */
  inputNamespace: string;
  inputParameters: string[];
}

export interface WsdlDescription {
  targetNamespace: string;
  /** From `soap:address` / `soap12:address`; null when the WSDL names none. */
  endpoint: string | null;
  soapVersion: '1.1' | '1.2';
  operations: WsdlOperation[];
  /** The best guess of which operation verifies and which parameter takes what, from names. */
  guess: { operation: string; tokenParameter: string | null; clientIdParameter: string | null } | null;
}
