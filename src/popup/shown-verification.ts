/**
 * Which verification result the popup shows for a capture: the one the background stored, or
 * one this popup has just asked for, whichever is newer. A result asked for under other
 * verification settings (another ClientID, another endpoint) is never shown as current, just as
 * the background hides a stored one.
 */
import type { Capture } from '../shared/capture';
import type { VerificationResult } from '../domain/soap/answer';

/** A result this popup asked for, with the verification settings it was asked under. */
export interface FreshVerification {
  captureId: string;
  settingsFingerprint: string;
  result: VerificationResult;
}

export function shownVerification(
  capture: Capture | null,
  fresh: FreshVerification | null,
  currentFingerprint: string | null,
): VerificationResult | null {
  const stored = capture?.verification?.result ?? null;
  const current =
    capture && fresh?.captureId === capture.id && fresh.settingsFingerprint === currentFingerprint
      ? fresh.result
      : null;
  if (stored && current) return current.checkedAt >= stored.checkedAt ? current : stored;
  return stored ?? current;
}
