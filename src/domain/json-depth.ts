/**
 * How deeply a decoded JSON value nests, measured with an explicit stack (never recursion: the
 * value may come from a hostile token nested thousands deep) and stopping once `stopAt` is
 * reached, so the walk is cheap whatever the token holds.
 */

/** The depth of `value`: 0 for a scalar or an empty container, 1 for `[1]`, and so on; at most `stopAt`. */
export function jsonDepth(value: unknown, stopAt: number): number {
  let deepest = 0;
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: item, depth } = stack.pop()!;
    if (typeof item !== 'object' || item === null) continue;
    const children = Array.isArray(item) ? item : Object.values(item);
    if (children.length === 0) continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest >= stopAt) return stopAt;
    for (const child of children)
      if (typeof child === 'object' && child !== null) stack.push({ value: child, depth: depth + 1 });
  }
  return deepest;
}
