/**
 * Whether two JSON-like values hold the same data, whatever the order of their objects' keys.
 * A value read back from Chrome's `storage` has its keys in sorted order, not in the order they
 * were written (Firefox keeps the order), so comparing two JSON texts calls a value that came
 * back unchanged different, and a writer that skips unchanged values would write them every time.
 * Arrays keep their order. Linear in the two values' sizes: each object of either is visited at
 * most once, and its keys are listed once.
 */
export function sameStoredValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, index) => sameStoredValue(item, other[index]));
  }
  // A key whose value is undefined is not stored: it is the same as no key.
  const keysOf = (value: object) =>
    Object.keys(value).filter((key) => (value as Record<string, unknown>)[key] !== undefined);
  const [keysA, keysB] = [keysOf(a), keysOf(b)];
  return (
    keysA.length === keysB.length &&
    keysA.every(
      (key) =>
        Object.hasOwn(b, key) &&
        sameStoredValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
    )
  );
}
