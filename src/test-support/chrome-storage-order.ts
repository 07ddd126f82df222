/**
 * Chrome's `storage` hands a value back with every object's keys in sorted order, not in the
 * order they were written (Firefox keeps the order; the fake storage of the tests hands back
 * what it was given). Code that compares what it read with what it would write must not take
 * the one for a change of the other.
 */
import type { SessionArea } from '../background/capture-store';

/** `value` as Chrome's storage would hand it back. */
export function inChromeStorageOrder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(inChromeStorageOrder);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, inChromeStorageOrder((value as Record<string, unknown>)[key])]),
  );
}

/** `area`, reading as Chrome's storage does, and noting the keys of each write in `written`. */
export function inChromeStorage(area: SessionArea, written: string[][] = []): SessionArea {
  return {
    get: async (keys) => inChromeStorageOrder(await area.get(keys)) as Record<string, unknown>,
    set: async (items) => {
      written.push(Object.keys(items));
      await area.set(items);
    },
    remove: (keys) => area.remove(keys),
  };
}
