// Waits until this machine's processors are idle again, as Linux counts them in /proc/stat: the
// time all processors spent busy, in ticks of 10 ms. Figure 8 waits for it after each login, on
// both sides, so that neither browser's leftover work runs into the other's next login.
import { existsSync, readFileSync } from 'node:fs';

const WINDOW_MS = 100;
/** Busy ticks a window may hold and still count as idle: the bench's own polling takes a tick now and then. */
const IDLE_TICKS = 2;
/** Idle windows in a row that make the machine quiet. */
const QUIET_WINDOWS = 2;

/**
 * Ticks all processors have spent busy since boot: the first line of /proc/stat (`cpu  user nice
 * system idle iowait irq softirq steal …`), less idle and iowait.
 * @param {string} stat
 */
export function busyTicks(stat) {
  const [, ...fields] = (stat.split('\n', 1)[0] ?? '').trim().split(/\s+/);
  const ticks = fields.map(Number);
  return ticks.reduce((sum, tick) => sum + tick, 0) - (ticks[3] ?? 0) - (ticks[4] ?? 0);
}

/**
 * Resolves once QUIET_WINDOWS windows of WINDOW_MS in a row were idle, or once `timeoutMs` has
 * passed, with how long it waited; where there is no /proc/stat (not Linux), at once with null.
 * `readStat`, `wait` and `now` are the machine's own, but for tests.
 * @param {{ timeoutMs?: number, readStat?: (() => string) | null, wait?: (ms: number) => Promise<void>,
 *   now?: () => number }} [options]
 * @returns {Promise<number | null>}
 */
export async function untilMachineQuiet({
  timeoutMs = 3_000,
  readStat = existsSync('/proc/stat') ? () => readFileSync('/proc/stat', 'utf8') : null,
  wait = (ms) => new Promise((done) => setTimeout(done, ms)),
  now = Date.now,
} = {}) {
  if (!readStat) return null;
  const started = now();
  let quietWindows = 0;
  let before = busyTicks(readStat());
  while (quietWindows < QUIET_WINDOWS && now() - started < timeoutMs) {
    await wait(WINDOW_MS);
    const after = busyTicks(readStat());
    quietWindows = after - before <= IDLE_TICKS ? quietWindows + 1 : 0;
    before = after;
  }
  return now() - started;
}
