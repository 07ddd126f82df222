/**
 * Test-only helpers for the popup's component tests (never imported by product code): a
 * fixture token inspected at the fixed test clock, for rendering a single section.
 */
import { inspectToken } from '../domain/read-token';
import { FIXED_NOW, FIXTURE_TOKENS, type FixtureName } from './fixtures';
import type { TokenInspection } from '../domain/inspect';
import type { DecodedInspection } from '../popup/claim-value';

export function inspectFixture(name: FixtureName, nowMs = FIXED_NOW): TokenInspection {
  return inspectToken(FIXTURE_TOKENS[name], nowMs);
}

export function decodedFixture(name: FixtureName, nowMs = FIXED_NOW): DecodedInspection {
  const inspection = inspectFixture(name, nowMs);
  if (inspection.kind !== 'decoded') throw new Error(`fixture ${name} did not decode`);
  return inspection;
}
