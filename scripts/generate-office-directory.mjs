#!/usr/bin/env node
// Generates src/domain/office-directory.ts from data/office-directory.tsv, the manual's
// "รายละเอียด org" table kept in the repository as it is printed there: one row a line,
// tab-separated, the manual's own header and ลำดับ column, an empty cell meaning "none".
//
// Why two steps: the extension must carry the table as code (it cannot read files at run time),
// yet the 392 rows must stay exactly the manual's. The manual is a long Thai document that
// lives outside the repository, so the table is extracted from it once into a data file a
// reviewer can diff line by line, and the module is generated from that file. `--check` (run
// by a unit test) fails when the committed module and the data file drift apart.
//
// Usage (from the repository root; `npm run gen:offices -- ...` passes the same options):
//   node scripts/generate-office-directory.mjs                                write the module
//   node scripts/generate-office-directory.mjs --check                        exit 1 if it differs
//   node scripts/generate-office-directory.mjs --from-manual <manual.txt>     re-extract the
//       table from the manual's text into data/office-directory.tsv, then write the module
//   node scripts/generate-office-directory.mjs --check --from-manual <manual.txt>
//       exit 1 if the data file or the module differ from the manual's table
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DATA_PATH = resolve(REPO_ROOT, 'data/office-directory.tsv');
export const OUTPUT_PATH = resolve(REPO_ROOT, 'src/domain/office-directory.ts');

/**
 * @typedef {object} OfficeTableRow  one row of the table; the same shape as the domain's OfficeRow
 * @property {number} officeId
 * @property {number | null} parentId
 * @property {string} name
 * @property {number} orgId
 * @property {number | null} provinceId
 */

const TABLE_TITLE = 'รายละเอียด org';
const HEADER = ['ลำดับ', 'OfficeID', 'OfficeParentID', 'OfficeName', 'OrgID', 'ProvinceID'];
/** The provincial industry offices are named "สำนักงานอุตสาหกรรมจังหวัด" + the province's name. */
const PROVINCIAL_OFFICE_PREFIX = 'สำนักงานอุตสาหกรรมจังหวัด';
/** OrgID 9 = สอจ. (manual, claim table row 8). */
const PROVINCIAL_ORG_ID = 9;
/**
 * Bangkok has no provincial industry office (the ministry serves it directly), so the table
 * cannot name it. 10 is its standard Thai province code; added so a token carrying 10 still reads.
 */
const BANGKOK = { provinceId: 10, name: 'กรุงเทพมหานคร' };

/**
 * @param {string} cell
 * @param {string} what
 * @param {number} lineNumber
 */
function parseInteger(cell, what, lineNumber) {
  if (!/^\d+$/.test(cell))
    throw new Error(`line ${lineNumber}: ${what} is not a whole number: ${JSON.stringify(cell)}`);
  return Number(cell);
}

/**
 * Reads every row of the "รายละเอียด org" table in the manual's text. The table is printed in
 * several blocks, each starting again with the header line; rows are tab-separated and an empty
 * cell means "none".
 * @param {string} text
 * @returns {OfficeTableRow[]}
 */
export function parseOfficeTable(text) {
  const lines = text.split(/\r?\n/);
  const titleIndex = lines.findIndex((line) => line.trim() === TABLE_TITLE);
  if (titleIndex < 0) throw new Error(`the manual has no "${TABLE_TITLE}" table`);
  return readRows(lines, titleIndex + 1);
}

/**
 * Reads data/office-directory.tsv: the header line first, then the rows, as in one block of the
 * manual's table. Anything else (a second header, a blank line in between) is refused, so the
 * file stays one row a line and a diff shows exactly which rows changed.
 * @param {string} text
 * @returns {OfficeTableRow[]}
 */
export function parseDataFile(text) {
  const lines = text.replace(/\r?\n$/, '').split(/\r?\n/);
  if (lines[0] !== HEADER.join('\t'))
    throw new Error(`line 1: expected the header ${JSON.stringify(HEADER.join('\t'))}`);
  const blank = lines.findIndex((line) => line.trim() === '');
  if (blank >= 0) throw new Error(`line ${blank + 1}: blank line in the data file`);
  const headers = lines.filter((line) => line.split('\t')[0]?.trim() === HEADER[0]).length;
  if (headers !== 1) throw new Error('the data file has the header line more than once');
  return readRows(lines, 0);
}

/**
 * The rows of the table from `lines[firstIndex]` on: header lines are checked and skipped, blank
 * lines skipped, every other line must be a row whose ลำดับ continues the sequence.
 * @param {string[]} lines
 * @param {number} firstIndex
 * @returns {OfficeTableRow[]}
 */
function readRows(lines, firstIndex) {
  /** @type {OfficeTableRow[]} */
  const rows = [];
  let headers = 0;
  for (let index = firstIndex; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    const lineNumber = index + 1;
    if (line.trim() === '') continue;
    const cells = line.split('\t').map((cell) => cell.trim());
    if (cells[0] === HEADER[0]) {
      if (cells.join('\t') !== HEADER.join('\t'))
        throw new Error(`line ${lineNumber}: unexpected header ${JSON.stringify(line)}`);
      headers += 1;
      continue;
    }
    if (cells.length !== HEADER.length)
      throw new Error(`line ${lineNumber}: expected ${HEADER.length} cells, got ${cells.length}`);
    const [sequence = '', officeId = '', parentId = '', name = '', orgId = '', provinceId = ''] = cells;
    const expectedSequence = rows.length + 1;
    if (parseInteger(sequence, 'ลำดับ', lineNumber) !== expectedSequence) {
      throw new Error(`line ${lineNumber}: ลำดับ ${sequence} breaks the sequence (expected ${expectedSequence})`);
    }
    if (name === '') throw new Error(`line ${lineNumber}: OfficeName is empty`);
    rows.push({
      officeId: parseInteger(officeId, 'OfficeID', lineNumber),
      parentId: parentId === '' ? null : parseInteger(parentId, 'OfficeParentID', lineNumber),
      name,
      orgId: parseInteger(orgId, 'OrgID', lineNumber),
      provinceId: provinceId === '' ? null : parseInteger(provinceId, 'ProvinceID', lineNumber),
    });
  }
  if (headers === 0) throw new Error('the org table has no header line');
  const seen = new Set();
  for (const row of rows) {
    if (seen.has(row.officeId)) throw new Error(`OfficeID ${row.officeId} appears twice`);
    seen.add(row.officeId);
  }
  return rows;
}

/**
 * The data file's text for `rows`: the manual's header, then one row a line with the manual's
 * ลำดับ, "none" as an empty cell, and a final newline.
 * @param {OfficeTableRow[]} rows
 * @returns {string}
 */
export function renderDataFile(rows) {
  const rowLines = rows.map((row, index) =>
    [index + 1, row.officeId, row.parentId ?? '', row.name, row.orgId, row.provinceId ?? ''].join('\t'),
  );
  return [HEADER.join('\t'), ...rowLines, ''].join('\n');
}

/**
 * ProvinceID → province name, from the provincial offices' names, plus Bangkok.
 * @param {OfficeTableRow[]} rows
 * @returns {Map<number, string>}
 */
export function deriveProvinceNames(rows) {
  const names = new Map([[BANGKOK.provinceId, BANGKOK.name]]);
  for (const row of rows) {
    if (row.orgId !== PROVINCIAL_ORG_ID || !row.name.startsWith(PROVINCIAL_OFFICE_PREFIX)) continue;
    if (row.provinceId === null) throw new Error(`provincial office ${row.officeId} has no ProvinceID`);
    const name = row.name.slice(PROVINCIAL_OFFICE_PREFIX.length).trim();
    const known = names.get(row.provinceId);
    if (known !== undefined && known !== name) {
      throw new Error(`ProvinceID ${row.provinceId} is named both ${known} and ${name}`);
    }
    names.set(row.provinceId, name);
  }
  return new Map([...names].sort(([a], [b]) => a - b));
}

/**
 * A cell of the compact text, which the module holds in a template literal (read by
 * src/domain/office-table-text.ts): nothing that ends a cell or a row, or that the literal would
 * read as an escape or a substitution.
 * @param {string} value
 * @returns {string}
 */
function cell(value) {
  if (/[\t\n\r\\`]|\$\{/.test(value)) throw new Error(`cannot write ${JSON.stringify(value)} in the compact table`);
  return value;
}

/**
 * The rows as office-table-text.ts reads them: one a line, tab-separated (written `\t` in the
 * literal), the OfficeID as its step from the line before (empty for the next number), the name last.
 * @param {OfficeTableRow[]} rows
 * @returns {string[]}
 */
export function compactRows(rows) {
  let previousId = 0;
  return rows.map((row) => {
    const step = row.officeId - previousId;
    previousId = row.officeId;
    return [step === 1 ? '' : step, row.parentId ?? '', row.orgId, row.provinceId ?? '', cell(row.name)].join('\\t');
  });
}

/**
 * @param {OfficeTableRow[]} rows
 * @param {Map<number, string>} provinceNames
 * @returns {string}
 */
export function renderModule(rows, provinceNames) {
  const provinceLines = [...provinceNames].map(([id, name]) => `${id}\\t${cell(name)}`);
  return [
    "// GENERATED by scripts/generate-office-directory.mjs from data/office-directory.tsv, the manual's",
    '// "รายละเอียด org" table. Do not edit by hand: change the data file, then run `npm run gen:offices`.',
    '// `node scripts/generate-office-directory.mjs --check` fails when this file and the data file differ.',
    "import type { OfficeRow } from './org';",
    "import { readOfficeRows, readProvinceNames } from './office-table-text';",
    '',
    '/**',
    ` * All ${rows.length} rows of the manual's office table, in the manual's order. Written compactly, one row`,
    ' * a line: OfficeID step (empty = the next number), OfficeParentID, OrgID, ProvinceID, OfficeName;',
    ' * office-table-text.ts says how it is read.',
    ' */',
    'export const OFFICE_DIRECTORY: readonly OfficeRow[] = readOfficeRows(`',
    ...compactRows(rows),
    '`);',
    '',
    '/**',
    " * ProvinceID → province name. Derived from the provincial industry offices' names",
    ` * ("${PROVINCIAL_OFFICE_PREFIX}X", OrgID ${PROVINCIAL_ORG_ID}), plus Bangkok (${BANGKOK.provinceId}), which has no such office.`,
    ' */',
    'export const PROVINCE_NAMES: ReadonlyMap<number, string> = readProvinceNames(`',
    ...provinceLines,
    '`);',
    '',
  ].join('\n');
}

/**
 * The module's text for the table in the data file.
 * @param {string} [dataPath]
 * @returns {string}
 */
export function generate(dataPath = DATA_PATH) {
  const rows = parseDataFile(readFileSync(dataPath, 'utf8'));
  return renderModule(rows, deriveProvinceNames(rows));
}

const USAGE = 'usage: generate-office-directory.mjs [--check] [--from-manual <manual.txt>]';

/**
 * @param {string} path
 * @returns {string} the file's text, or '' when it is missing (which then counts as "different")
 */
function readOrEmpty(path) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/**
 * @param {string[]} argv
 * @returns {number} the exit code
 */
function main(argv) {
  let check = false;
  /** @type {string | undefined} */
  let manualPath;
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index];
    if (arg === '--check') check = true;
    else if (arg === '--from-manual' && argv[index + 1] !== undefined) manualPath = resolve(argv[++index] ?? '');
    else {
      console.error(`unexpected argument ${JSON.stringify(arg)}\n${USAGE}`);
      return 2;
    }
  }

  // From the manual, the data file is an output too; otherwise it is the input.
  const rows = manualPath
    ? parseOfficeTable(readFileSync(manualPath, 'utf8'))
    : parseDataFile(readFileSync(DATA_PATH, 'utf8'));
  /** @type {Array<[path: string, text: string]>} */
  const outputs = [[OUTPUT_PATH, renderModule(rows, deriveProvinceNames(rows))]];
  if (manualPath) outputs.unshift([DATA_PATH, renderDataFile(rows)]);

  if (check) {
    const stale = outputs.filter(([path, text]) => readOrEmpty(path) !== text).map(([path]) => path);
    for (const path of stale) {
      const fix = manualPath ? `npm run gen:offices -- --from-manual ${manualPath}` : 'npm run gen:offices';
      console.error(`${path} differs from ${manualPath ? "the manual's table" : 'the data file'}; run: ${fix}`);
    }
    if (stale.length > 0) return 1;
    console.log('office directory is up to date');
    return 0;
  }
  for (const [path, text] of outputs) {
    writeFileSync(path, text);
    console.log(`wrote ${path}`);
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
