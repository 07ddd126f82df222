import type { Finding, Severity } from './finding';

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Most serious first; equal severities keep their order (for a token: decode, claims, time,
 * org, ID). Its own module so that the shared findings list can sort without pulling the
 * token reader, and with it the office directory, into the options page.
 */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return findings
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => SEVERITY_RANK[a.finding.severity] - SEVERITY_RANK[b.finding.severity] || a.index - b.index)
    .map(({ finding }) => finding);
}
