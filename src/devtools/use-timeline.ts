/** The inspected tab's hops, read once and then kept current as the recorder writes. */
import { useEffect, useState } from 'preact/hooks';
import type { TimelineHop } from '../domain/login-timeline';

/** Where the panel reads a timeline from; storage.session in the extension, a fake in tests. */
export interface TimelineSource {
  read(tabId: number): Promise<TimelineHop[]>;
  /** Calls `onChange` whenever the tab's timeline changes; returns how to stop. */
  watch(tabId: number, onChange: (hops: TimelineHop[]) => void): () => void;
}

export function useTimeline(source: TimelineSource, tabId: number | null): TimelineHop[] {
  const [hops, setHops] = useState<TimelineHop[]>([]);
  useEffect(() => {
    if (tabId === null) return undefined;
    let live = true;
    const stop = source.watch(tabId, (next) => live && setHops(next));
    void source.read(tabId).then((first) => live && setHops(first));
    return () => {
      live = false;
      stop();
    };
  }, [source, tabId]);
  return hops;
}
