/**
 * Verification as the popup and options page see it: find the capture, use the cached result
 * unless it was made under other settings or the person asks again, call the verifier, keep the
 * result with the capture (in storage.session, like the token itself).
 */
import { decodeToken } from '../domain/decode-token';
import type { Localized } from '../domain/finding';
import type { VerificationResult } from '../domain/soap/answer';
import type { ActionResult } from '../shared/messages';
import { verificationFingerprint } from '../shared/settings-view';
import type { Capture, StoredVerification, VerifyingCapture } from '../shared/capture';
import type { VerificationSettings } from '../shared/settings';
import type { CaptureStore } from './capture-store';
import type { SettingsStore } from './settings-store';
import type { Verifier } from './verifier';
import type { AutoVerifyDecision, AutoVerifyPolicy } from './auto-verify-policy';
import { explainVerification } from '../domain/soap/explain';

const NO_SUCH_CAPTURE: Localized = {
  th: 'ไม่พบโทเค็นนี้แล้ว อาจถูกล้างไปหรือแท็บถูกปิด ลองเปิดหน้าล็อกอินใหม่',
  en: 'This token is no longer kept: it may have been cleared or its tab closed. Log in again to capture it.',
};

/** The token's claims to compare the answer with: from the reading kept with it, else decoded here. */
function claimsOf(capture: Capture): { username?: unknown; idcard?: unknown } | null {
  const payload = capture.reading?.kind === 'decoded' ? capture.reading.token.payload : decodedPayload(capture.token);
  return payload ? { username: payload.username, idcard: payload.idcard } : null;
}

function decodedPayload(token: string): Record<string, unknown> | null {
  const decoded = decodeToken(token);
  return decoded.ok ? decoded.token.payload : null;
}

/**
 * What a verification that a stopped worker left unfinished is shown as: not a result about the
 * token or the service, and one click from being tried again.
 */
export function interruptedVerification(capture: VerifyingCapture, endpoint: string): StoredVerification {
  const outcome = {
    kind: 'failed' as const,
    code: 'interrupted' as const,
    detail:
      'The browser stopped the extension’s background before the service answered; nothing is known about this token yet.',
  };
  return {
    settingsFingerprint: capture.verifying.settingsFingerprint,
    result: {
      endpoint,
      checkedAt: capture.verifying.since,
      roundTripMs: null,
      clockSkewMs: null,
      outcome,
      findings: explainVerification(outcome, claimsOf(capture)),
    },
  };
}

export function createVerificationService(deps: {
  store: CaptureStore;
  settings: SettingsStore;
  verifier: Verifier;
  policy: AutoVerifyPolicy;
  now: () => number;
}) {
  const { store, settings, verifier, policy, now } = deps;

  /** The result, and its writing to storage, which nobody waiting for the answer need wait for. */
  async function verifyCapture(
    capture: Capture,
    current: VerificationSettings,
    force: boolean,
  ): Promise<{ result: VerificationResult; stored: Promise<unknown> }> {
    const fingerprint = verificationFingerprint(current);
    if (!force && capture.verification?.settingsFingerprint === fingerprint)
      return { result: capture.verification.result, stored: Promise.resolve() };
    // Left behind if the worker is stopped before the answer; the next worker settles it. The call
    // does not wait for it: the marker is written within the same few milliseconds the call takes
    // to leave, and a worker stopped before either lands has left nothing to settle. The result
    // is written after the marker (the store runs its writes in order), so it replaces it.
    const marked = store.markVerifying(capture.id, capture.tabId, { since: now(), settingsFingerprint: fingerprint });
    const [, result] = await Promise.all([marked, verifier.verify(capture.token, current, claimsOf(capture))]);
    const stored = store.setVerification(capture.id, capture.tabId, { result, settingsFingerprint: fingerprint });
    return { result, stored };
  }

  return {
    async verify(captureId: string, force: boolean): Promise<ActionResult<VerificationResult>> {
      // Two unrelated reads (session and local/managed storage): side by side.
      const [capture, current] = await Promise.all([store.find(captureId), settings.get()]);
      if (!capture) return { ok: false, error: NO_SUCH_CAPTURE };
      const { result, stored } = await verifyCapture(capture, current.verification, force);
      // The page shows the answer from this reply, not from storage: it need not wait for the
      // write. If the write fails, the capture keeps its "verifying" mark, which the next worker
      // settles as interrupted.
      stored.catch(() => undefined);
      return { ok: true, value: result };
    },

    /**
     * The background's own decision after a capture or a paste (see auto-verify-policy.ts).
     * Errors are kept as the result. Returns what was decided.
     */
    async autoVerify(capture: Capture): Promise<AutoVerifyDecision> {
      const current = (await settings.get()).verification;
      const decision = await policy.decide(capture, current);
      if (decision === 'verify') await (await verifyCapture(capture, current, false)).stored;
      return decision;
    },

    /** Run once by a new worker, before anything else touches captures: see interruptedVerification. */
    async settleInterrupted(): Promise<number> {
      const { endpoint } = (await settings.get()).verification;
      return store.settleInterrupted((capture) => interruptedVerification(capture, endpoint));
    },

    /**
     * The fingerprint of the verification settings in force: results made under another are
     * hidden, since a stale "valid" must never be shown as current (the person can verify again
     * with one click).
     */
    async currentFingerprint(): Promise<string> {
      return verificationFingerprint((await settings.get()).verification);
    },

    async testConnection(): Promise<ActionResult<VerificationResult>> {
      return { ok: true, value: await verifier.testConnection((await settings.get()).verification) };
    },
  };
}

export type VerificationService = ReturnType<typeof createVerificationService>;
