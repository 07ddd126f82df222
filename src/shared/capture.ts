import type { VerificationResult } from '../domain/soap/answer';
import type { TokenHygiene } from '../domain/token-hygiene';
import type { TokenReading } from '../domain/read-token';

/** How a token reached the browser. */
export type CaptureSource = 'query' | 'fragment' | 'redirect' | 'form-post' | 'paste';

/**
 * One token seen in one place. Kept only in `storage.session` (memory, never disk), because
 * `token` carries a national ID number.
 */
export interface Capture {
  /** Stable id: tab + token fingerprint, so the same token seen twice in a flow is one capture. */
  id: string;
  /** null for a pasted token. */
  tabId: number | null;
  capturedAt: number;
  /** Origin and path of the page or request, with the token stripped from any URL shown. */
  pageOrigin: string;
  pagePath: string;
  source: CaptureSource;
  /** Parameter or form-field name; null for paste. */
  parameter: string | null;
  token: string;
  isIndustrySso: boolean;
  /**
   * What the token says whatever the time, read once by the background when it kept the token
   * (see `readingToKeep`). Absent for a token nested too deep to copy safely: the popup then
   * reads the token itself.
   */
  reading?: TokenReading;
  /**
   * True when the page put the token in its own URL after it had loaded (a `#fragment` change),
   * not a navigation or redirect: any script on the page can do that, so such a token is kept
   * and shown, but never verified without a person asking. Absent means false.
   */
  inPage?: boolean;
  /** The latest verification of this token, if any, and the settings it was made with. */
  verification?: StoredVerification;
  /**
   * Set while a verification is under way (when it began, and under which settings). A worker
   * that is stopped mid-call leaves it behind; the next worker turns it into an "interrupted"
   * result the person can retry.
   */
  verifying?: { since: number; settingsFingerprint: string };
  /** How the application handled this token: the hops that carried it, and its callback page. */
  hygiene?: TokenHygiene;
}

export interface StoredVerification {
  result: VerificationResult;
  /** Fingerprint of the verification settings used; a change invalidates the result. */
  settingsFingerprint: string;
}

/**
 * Drops results made under verification settings that have changed since (`fingerprint` is the
 * current settings' `verificationFingerprint`): a stale "valid" must never be shown as current.
 */
export function withCurrentVerification(captures: Capture[], fingerprint: string): Capture[] {
  return captures.map(({ verification, ...rest }) =>
    verification && verification.settingsFingerprint === fingerprint ? { ...rest, verification } : rest,
  );
}

/** A capture whose verification is under way, or was when its worker stopped. */
export type VerifyingCapture = Capture & { verifying: NonNullable<Capture['verifying']> };
