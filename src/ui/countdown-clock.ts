/**
 * A countdown as a running clock, "1:04:59" or "19:42", so the popup visibly ticks each second.
 * The domain's `formatDuration` says the same in words, rounded to minutes, which is what a
 * person reads out on the phone; this is only the ticking digits beside it.
 */
export function formatCountdownClock(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  const totalSeconds = Math.floor(Math.abs(ms) / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return hours > 0 ? `${hours}:${two(minutes)}:${two(seconds)}` : `${minutes}:${two(seconds)}`;
}
