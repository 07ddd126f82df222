/**
 * The Verify action: asks the background to verify the shown capture, remembers the answer with
 * the settings it was asked under, and says whether a verification is running or failed.
 */
import { useEffect, useState } from 'preact/hooks';
import type { InspectorClient } from '../ui/extension-client';
import type { Capture } from '../shared/capture';
import type { SettingsView } from '../shared/settings-view';
import type { VerificationResult } from '../domain/soap/answer';
import { backgroundError } from './background-error';
import { shownVerification, type FreshVerification } from './shown-verification';
import type { VerifyState } from './verdict-section';

const IDLE: VerifyState = { running: false, error: null };

export interface Verification {
  /** The result to show for the selected capture, if any. */
  verification: VerificationResult | null;
  verifyState: VerifyState;
  verify: (force: boolean) => Promise<void>;
  /** Drops the result asked for here (the captures it was about were cleared). */
  forget: () => void;
}

export function useVerification(
  client: InspectorClient,
  selected: Capture | null,
  settings: SettingsView | null,
): Verification {
  const [verifyState, setVerifyState] = useState<VerifyState>(IDLE);
  const [fresh, setFresh] = useState<FreshVerification | null>(null);

  // A different token: forget the other token's running or failed verification.
  useEffect(() => {
    setVerifyState(IDLE);
  }, [selected?.id]);

  const verify = async (force: boolean) => {
    if (!selected || !settings) return;
    const captureId = selected.id;
    const settingsFingerprint = settings.verification.fingerprint;
    setVerifyState({ running: true, error: null });
    try {
      const result = await client.verify(captureId, force);
      if (result.ok) {
        setFresh({ captureId, settingsFingerprint, result: result.value });
        setVerifyState(IDLE);
      } else {
        setVerifyState({ running: false, error: result.error });
      }
    } catch (error) {
      setVerifyState({ running: false, error: backgroundError(error) });
    }
  };

  return {
    verification: shownVerification(selected, fresh, settings?.verification.fingerprint ?? null),
    verifyState,
    verify,
    forget: () => setFresh(null),
  };
}
