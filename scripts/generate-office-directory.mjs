#!/usr/bin/env node
// Generates src/domain/office-directory.ts from the manual's "รายละเอียด org" table.
//
// Why generated: the product must never read ../shared at run time (it ships as an extension),
// yet the 392 rows must stay exactly the manual's. So the table is turned into a committed TS
// module, and `--check` (run in CI and by a unit test) fails when the two drift apart.
//
// Usage:
//   node scripts/generate-office-directory.mjs [path/to/manual.txt]          write the module
//   node scripts/generate-office-directory.mjs --check [path/to/manual.txt]  exit 1 if it differs
// The default manual path is ../shared/seeds/000_dcf0bdfc508529cc.txt, from the repository root.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_MANUAL_PATH = resolve(REPO_ROOT, '../shared/seeds/000_dcf0bdfc508529cc.txt');
export const OUTPUT_PATH = resolve(REPO_ROOT, 'src/domain/office-directory.ts');

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

function parseInteger(cell, what, lineNumber) {
  if (!/^\d+$/.test(cell)) throw new Error(`line ${lineNumber}: ${what} is not a whole number: ${JSON.stringify(cell)}`);
  return Number(cell);
}

/**
 * Reads every row of the "รายละเอียด org" table. The table is printed in several blocks, each
 * starting again with the header line; rows are tab-separated and an empty cell means "none".
 */
export function parseOfficeTable(text) {
  const lines = text.split(/\r?\n/);
  const titleIndex = lines.findIndex((line) => line.trim() === TABLE_TITLE);
  if (titleIndex < 0) throw new Error(`the manual has no "${TABLE_TITLE}" table`);
  const rows = [];
  let headers = 0;
  for (let index = titleIndex + 1; index < lines.length; index += 1) {
    const line = lines[index];
    const lineNumber = index + 1;
    if (line.trim() === '') continue;
    const cells = line.split('\t').map((cell) => cell.trim());
    if (cells[0] === HEADER[0]) {
      if (cells.join('\t') !== HEADER.join('\t')) throw new Error(`line ${lineNumber}: unexpected header ${JSON.stringify(line)}`);
      headers += 1;
      continue;
    }
    if (cells.length !== HEADER.length) throw new Error(`line ${lineNumber}: expected ${HEADER.length} cells, got ${cells.length}`);
    const [sequence, officeId, parentId, name, orgId, provinceId] = cells;
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

/** ProvinceID → province name, from the provincial offices' names, plus Bangkok. */
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

const str = (value) => JSON.stringify(value);

export function renderModule(rows, provinceNames) {
  const rowLines = rows.map(
    (row) =>
      `  { officeId: ${row.officeId}, parentId: ${row.parentId}, name: ${str(row.name)}, orgId: ${row.orgId}, provinceId: ${row.provinceId} },`,
  );
  const provinceLines = [...provinceNames].map(([id, name]) => `  [${id}, ${str(name)}],`);
  return [
    '// GENERATED by scripts/generate-office-directory.mjs from the manual\'s "รายละเอียด org" table',
    '// (../shared/seeds/000_dcf0bdfc508529cc.txt). Do not edit by hand: run `npm run gen:offices`.',
    '// `node scripts/generate-office-directory.mjs --check` fails when this file and the manual differ.',
    "import type { OfficeRow } from './types';",
    '',
    `/** All ${rows.length} rows of the manual's office table, in the manual's order. */`,
    'export const OFFICE_DIRECTORY: readonly OfficeRow[] = [',
    ...rowLines,
    '];',
    '',
    '/**',
    ' * ProvinceID → province name. Derived from the provincial industry offices\' names',
    ` * ("${PROVINCIAL_OFFICE_PREFIX}X", OrgID ${PROVINCIAL_ORG_ID}), plus Bangkok (${BANGKOK.provinceId}), which has no such office.`,
    ' */',
    'export const PROVINCE_NAMES: ReadonlyMap<number, string> = new Map([',
    ...provinceLines,
    ']);',
    '',
  ].join('\n');
}

export function generate(manualPath = DEFAULT_MANUAL_PATH) {
  const rows = parseOfficeTable(readFileSync(manualPath, 'utf8'));
  return renderModule(rows, deriveProvinceNames(rows));
}

function main(argv) {
  const check = argv.includes('--check');
  const manualPath = argv.find((arg) => !arg.startsWith('--'));
  const expected = generate(manualPath ? resolve(manualPath) : DEFAULT_MANUAL_PATH);
  if (check) {
    let committed = '';
    try {
      committed = readFileSync(OUTPUT_PATH, 'utf8');
    } catch {
      // A missing file is simply "different".
    }
    if (committed !== expected) {
      console.error(`${OUTPUT_PATH} differs from the manual's table; run: npm run gen:offices`);
      return 1;
    }
    console.log('office directory is up to date');
    return 0;
  }
  writeFileSync(OUTPUT_PATH, expected);
  console.log(`wrote ${OUTPUT_PATH}`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
