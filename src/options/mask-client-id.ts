/**
 * Shows a saved ClientID so a person can tell which one is set without reading it out:
 * `DEMO-CLIENT-7F3A` → `DEMO••••••7F3A`. The ClientID is an application secret (manual §4:
 * the administrator assigns it), so the middle is hidden with a fixed number of dots that does
 * not give its length away, and a short one shows less of its ends (or none).
 */
const HIDDEN = '••••••';

export function maskClientId(clientId: string): string {
  const value = clientId.trim();
  if (value === '') return '';
  if (value.length >= 12) return `${value.slice(0, 4)}${HIDDEN}${value.slice(-4)}`;
  if (value.length >= 8) return `${value.slice(0, 2)}${HIDDEN}${value.slice(-2)}`;
  return HIDDEN;
}
