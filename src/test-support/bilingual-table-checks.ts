/**
 * Test support (never imported by product code): what a page's bilingual table must satisfy
 * beyond what the compiler checks: no empty text, the same placeholders in both languages, and
 * Thai texts written in Thai.
 */
import type { Bilingual } from '../ui/strings';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** Every problem found, one line each; empty when the table is sound. */
export function bilingualTableProblems<K extends string>(
  table: Bilingual<K>,
  technicalKeys: ReadonlySet<K> = new Set(),
): string[] {
  const problems: string[] = [];
  const thKeys = Object.keys(table.th).sort();
  const enKeys = Object.keys(table.en).sort();
  if (thKeys.join('\n') !== enKeys.join('\n')) problems.push('the Thai and English keys differ');
  for (const key of thKeys as K[]) {
    const th = table.th[key];
    const en = table.en[key];
    if (th.trim() === '' || (en ?? '').trim() === '') problems.push(`${key}: empty`);
    if (placeholders(th).join() !== placeholders(en ?? '').join()) problems.push(`${key}: placeholders differ`);
    // Every Thai text that is not a bare technical name holds Thai letters (U+0E00–U+0E7F).
    if (!technicalKeys.has(key) && !/[\u0E00-\u0E7F]/.test(th)) problems.push(`${key}: Thai text without Thai letters`);
  }
  return problems;
}
