// The arithmetic of `npm run bench`: medians and 90th percentiles of interleaved runs, each
// figure compared with its baseline pair by pair, and the verdict against its budget. A figure
// is never a test: being over budget is printed, not failed.

/**
 * The value below which `fraction` of the samples lie (nearest rank), e.g. 0.5 for the median.
 * @param {readonly number[]} samples
 * @param {number} fraction
 */
export function percentile(samples, fraction) {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil(fraction * sorted.length);
  return /** @type {number} */ (sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]);
}

/** @param {readonly number[]} samples */
export const median = (samples) => percentile(samples, 0.5);
/** @param {readonly number[]} samples */
export const p90 = (samples) => percentile(samples, 0.9);

/**
 * @typedef {object} Pairs  what one figure measured: the same number of runs of each, taken in turns
 * @property {number[]} subject   the product
 * @property {number[]} baseline  what it is compared with, measured in the same run
 */

/**
 * @typedef {{ kind: 'ratio', max: number } | { kind: 'ratio-within', tolerance: number }
 *   | { kind: 'difference', max: number } | { kind: 'absolute', max: number, unit: string } | { kind: 'none', note: string }} Budget
 *   ratio: subject / baseline ≤ max; ratio-within: |subject / baseline − 1| ≤ tolerance;
 *   difference: subject − baseline ≤ max; absolute: the value itself ≤ max; none: printed only
 */

/**
 * Compares each subject run with the baseline run taken beside it, so a slow moment of the
 * machine weighs on both sides of the comparison it falls in.
 * @param {Pairs} pairs
 * @param {'ratio' | 'difference'} how
 */
export function compare({ subject, baseline }, how) {
  const count = Math.min(subject.length, baseline.length);
  const each = Array.from({ length: count }, (_, index) => {
    const a = /** @type {number} */ (subject[index]);
    const b = /** @type {number} */ (baseline[index]);
    return how === 'ratio' ? a / b : a - b;
  });
  return { median: median(each), p90: p90(each), runs: count };
}

/**
 * Whether `value` keeps to `budget`.
 * @param {number} value  a ratio, a difference or an absolute value, as the budget reads it
 * @param {Budget} budget
 * @returns {'within' | 'over' | null}  null: no budget
 */
export function verdict(value, budget) {
  if (budget.kind === 'none' || Number.isNaN(value)) return null;
  if (budget.kind === 'ratio-within') return Math.abs(value - 1) <= budget.tolerance ? 'within' : 'over';
  return value <= budget.max ? 'within' : 'over';
}

/** @param {Budget} budget */
export function describeBudget(budget) {
  switch (budget.kind) {
    case 'ratio':
      return `≤ ×${budget.max.toFixed(2)}`;
    case 'ratio-within':
      return `×1.00 ± ${Math.round(budget.tolerance * 100)} %`;
    case 'difference':
      return `≤ +${budget.max} ms`;
    case 'absolute':
      return `≤ ${budget.max} ${budget.unit}`;
    case 'none':
      return budget.note;
  }
}
