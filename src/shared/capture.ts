import type { VerificationResult } from '../domain/types';

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
  /** The latest verification of this token, if any, and the settings it was made with. */
  verification?: StoredVerification;
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
  return captures.map(({ verification, ...rest }) => (verification && verification.settingsFingerprint === fingerprint ? { ...rest, verification } : rest));
}
