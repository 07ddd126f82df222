/**
 * The current time as component state, re-read from an injected clock every `intervalMs`.
 * Injecting the clock keeps tests deterministic (a fixed `now`), while the popup passes
 * `Date.now` and gets a countdown that moves each second.
 */
import { useEffect, useState } from 'preact/hooks';

export type Clock = () => number;

export function useNow(clock: Clock, intervalMs = 1000): number {
  const [now, setNow] = useState(clock);
  useEffect(() => {
    setNow(clock());
    const timer = setInterval(() => setNow(clock()), intervalMs);
    return () => clearInterval(timer);
  }, [clock, intervalMs]);
  return now;
}
