/**
 * Reading one of the manual's claims out of an inspection for display. Values are shown as the
 * token carries them; anything that is not a string is shown as JSON so nothing is hidden.
 */
import type { ClaimReading, TokenInspection } from '../domain/types';

export type DecodedInspection = Extract<TokenInspection, { kind: 'decoded' }>;

export function claimReading(inspection: DecodedInspection, name: string): ClaimReading | undefined {
  return inspection.claims.find((claim) => claim.definition.name === name);
}

/** The claim's value as text, or null when the token does not carry it. */
export function claimText(inspection: DecodedInspection, name: string): string | null {
  const reading = claimReading(inspection, name);
  if (!reading || !reading.present) return null;
  return displayValue(reading.value);
}

export function displayValue(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
