import type { InspectionVerdict, TokenInspection } from './inspect';
import type { VerificationResult } from './soap/answer';

/** The headline verdict: the token's own reading, or `not-genuine` when DiwLoginChk says so. */
export type OverallVerdict = InspectionVerdict | 'not-genuine';

/**
 * What the popup's headline and the ticket report say about a token. Reading the token alone
 * cannot tell a forged or edited token from a good one; the manual (§2.5, §4) makes DIW's
 * central service the judge. So an answer can only make the headline worse, never better:
 * - case 3 (Mismatch data in received token): not genuine, whatever its times say;
 * - case 2 (Token is expired) while this PC thinks it is still good: expired (the clocks
 *   differ; the clock-skew finding says by how much).
 * Case 1 does not clear a local problem (e.g. `nbf` in the future), and case 4 (wrong
 * ClientID) says nothing about the token itself.
 */
export function overallVerdict(
  inspection: TokenInspection,
  verification: VerificationResult | null | undefined,
): OverallVerdict {
  const local = inspection.verdict;
  if (inspection.kind !== 'decoded' || verification?.outcome.kind !== 'answered') return local;
  const manualCase = verification.outcome.answer.manualCase;
  if (manualCase === 3) return 'not-genuine';
  if (manualCase === 2 && (local === 'valid' || local === 'expiry-unknown')) return 'expired';
  return local;
}
