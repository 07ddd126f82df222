/**
 * Verification as the popup and options page see it: find the capture, use the cached result
 * unless it was made under other settings or the person asks again, call the verifier, keep the
 * result with the capture (in storage.session, like the token itself).
 */
import { decodeToken } from '../domain/token';
import type { Localized, VerificationResult } from '../domain/types';
import type { ActionResult } from '../shared/messages';
import { verificationFingerprint } from '../shared/settings';
import { withCurrentVerification, type Capture } from '../shared/capture';
import type { CaptureStore } from './capture-store';
import type { SettingsStore } from './settings-store';
import type { Verifier } from './verifier';

const NO_SUCH_CAPTURE: Localized = {
  th: 'ไม่พบโทเค็นนี้แล้ว อาจถูกล้างไปหรือแท็บถูกปิด ลองเปิดหน้าล็อกอินใหม่',
  en: 'This token is no longer kept: it may have been cleared or its tab closed. Log in again to capture it.',
};

function claimsOf(token: string): { username?: unknown; idcard?: unknown } | null {
  const decoded = decodeToken(token);
  return decoded.ok ? { username: decoded.token.payload.username, idcard: decoded.token.payload.idcard } : null;
}

export function createVerificationService(deps: { store: CaptureStore; settings: SettingsStore; verifier: Verifier }) {
  const { store, settings, verifier } = deps;

  async function verifyCapture(capture: Capture, force: boolean): Promise<VerificationResult> {
    const current = (await settings.get()).verification;
    const fingerprint = verificationFingerprint(current);
    if (!force && capture.verification?.settingsFingerprint === fingerprint) return capture.verification.result;
    const result = await verifier.verify(capture.token, current, claimsOf(capture.token));
    await store.setVerification(capture.id, capture.tabId, { result, settingsFingerprint: fingerprint });
    return result;
  }

  return {
    async verify(captureId: string, force: boolean): Promise<ActionResult<VerificationResult>> {
      const capture = await store.find(captureId);
      if (!capture) return { ok: false, error: NO_SUCH_CAPTURE };
      return { ok: true, value: await verifyCapture(capture, force) };
    },

    /**
     * The background's own decision after a capture: verify Industry SSO tokens when the person
     * turned auto-verify on and the service is configured. Errors are kept as the result.
     */
    async autoVerify(capture: Capture): Promise<void> {
      const { verification } = await settings.get();
      if (!capture.isIndustrySso || !verification.autoVerify || !verification.clientId || !verification.endpoint) return;
      await verifyCapture(capture, false);
    },

    /**
     * Hides results made under settings that have changed since: a stale "valid" must never be
     * shown as current (the person can verify again with one click).
     */
    async withCurrentVerification(captures: Capture[]): Promise<Capture[]> {
      return withCurrentVerification(captures, verificationFingerprint((await settings.get()).verification));
    },

    async testConnection(): Promise<ActionResult<VerificationResult>> {
      return { ok: true, value: await verifier.testConnection((await settings.get()).verification) };
    },
  };
}
