// How `npm run bench` prints a figure: what was measured, its median and 90th percentile, the
// comparison with its baseline, the budget, and whether the figure is within it or over.
import { compare, describeBudget, median, p90, verdict } from './stats.mjs';

/**
 * @typedef {{ number: number, title: string, browser: string } & (
 *   | { kind: 'paired', pairs: import('./stats.mjs').Pairs, how: 'ratio' | 'difference', subjectName: string,
 *       baselineName: string, budget: import('./stats.mjs').Budget, unit?: string }
 *   | { kind: 'single', samples: number[], unit: string, budget: import('./stats.mjs').Budget, note?: string }
 *   | { kind: 'value', text: string, value: number, budget: import('./stats.mjs').Budget }
 *   | { kind: 'missing', why: string }
 * )} Figure
 */

/** @param {number} value */
const round = (value) =>
  Math.abs(value) >= 100 ? value.toFixed(0) : Math.abs(value) >= 10 ? value.toFixed(1) : value.toFixed(2);
/** @param {number} value */
const signed = (value) => `${value >= 0 ? '+' : '−'}${round(Math.abs(value))}`;

/** @param {number} ratio */
const times = (ratio) => `×${ratio >= 0.1 ? ratio.toFixed(2) : ratio.toPrecision(2)}`;

/** @param {'within' | 'over' | null} said */
const mark = (said) => (said === null ? '' : said === 'within' ? 'within' : 'OVER');

/**
 * The lines that print one figure.
 * @param {Figure} figure
 * @returns {string[]}
 */
export function formatFigure(figure) {
  const heading = `${String(figure.number).padStart(2)}. ${figure.title} [${figure.browser}]`;
  switch (figure.kind) {
    case 'missing':
      return [heading, `      not measured: ${figure.why}`];
    case 'value':
      return [
        heading,
        `      ${figure.text}   budget ${describeBudget(figure.budget)}   ${mark(verdict(figure.value, figure.budget))}`,
      ];
    case 'single': {
      const { samples, unit } = figure;
      const value = median(samples);
      return [
        heading,
        `      median ${round(value)} ${unit}, p90 ${round(p90(samples))} ${unit} (${samples.length} runs)` +
          `${figure.note ? `; ${figure.note}` : ''}   budget ${describeBudget(figure.budget)}   ${mark(verdict(value, figure.budget))}`,
      ];
    }
    case 'paired': {
      const unit = figure.unit ?? 'ms';
      const { subject, baseline } = figure.pairs;
      const compared = compare(figure.pairs, figure.how);
      const shown =
        figure.how === 'ratio'
          ? `${times(compared.median)} (p90 ${times(compared.p90)})`
          : `${signed(compared.median)} ${unit} (p90 ${signed(compared.p90)} ${unit})`;
      return [
        heading,
        `      ${figure.subjectName} ${round(median(subject))} ${unit} (p90 ${round(p90(subject))}) vs ` +
          `${figure.baselineName} ${round(median(baseline))} ${unit} (p90 ${round(p90(baseline))}), ${compared.runs} pairs`,
        `      ${figure.how === 'ratio' ? 'ratio' : 'difference'} ${shown}   budget ${describeBudget(figure.budget)}   ` +
          mark(verdict(compared.median, figure.budget)),
      ];
    }
  }
}
