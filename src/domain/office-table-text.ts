/**
 * Reads the office directory in the compact text form that scripts/generate-office-directory.mjs
 * writes into office-directory.ts. The popup carries the table as code, and 392 rows written as
 * object literals repeat every key name in every row; plain rows are much smaller, and reading
 * them once costs less than a millisecond.
 *
 * The form: one row a line, five tab-separated cells, an empty cell meaning "none":
 *   OfficeID step  this OfficeID minus the one on the line before (minus 0 on the first line);
 *                  empty when it is the next number, as on most lines
 *   OfficeParentID
 *   OrgID
 *   ProvinceID
 *   OfficeName     last, so a name could never shift the numbers
 * The text is ours (generated and checked against the data file), not outside input; it is still
 * read in one pass, line by line.
 */
import type { OfficeRow } from './org';

function optionalNumber(cell: string | undefined): number | null {
  return cell === undefined || cell === '' ? null : Number(cell);
}

/** The rows of the compact office table, in its order. */
export function readOfficeRows(text: string): OfficeRow[] {
  const rows: OfficeRow[] = [];
  let previousId = 0;
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const [step = '', parentId, orgId, provinceId, name = ''] = line.split('\t');
    const officeId = previousId + (step === '' ? 1 : Number(step));
    rows.push({
      officeId,
      parentId: optionalNumber(parentId),
      name,
      orgId: Number(orgId),
      provinceId: optionalNumber(provinceId),
    });
    previousId = officeId;
  }
  return rows;
}

/** ProvinceID → name from lines of "ProvinceID<tab>name". */
export function readProvinceNames(text: string): Map<number, string> {
  const names = new Map<number, string>();
  for (const line of text.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab > 0) names.set(Number(line.slice(0, tab)), line.slice(tab + 1));
  }
  return names;
}
