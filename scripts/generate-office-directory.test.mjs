import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DATA_PATH,
  OUTPUT_PATH,
  deriveProvinceNames,
  generate,
  parseDataFile,
  parseOfficeTable,
  renderDataFile,
  renderModule,
} from './generate-office-directory.mjs';
import { OFFICE_DIRECTORY, PROVINCE_NAMES } from '../src/domain/office-directory';
import { readOfficeRows, readProvinceNames } from '../src/domain/office-table-text';

const SCRIPT = new URL('./generate-office-directory.mjs', import.meta.url).pathname;
const header = 'ลำดับ\tOfficeID\tOfficeParentID\tOfficeName\tOrgID\tProvinceID';

describe('generate-office-directory', () => {
  it('the committed module is exactly what the data file generates (same as --check)', () => {
    expect(readFileSync(OUTPUT_PATH, 'utf8')).toBe(generate(DATA_PATH));
  });

  it('the compact module reads back to exactly the rows and provinces of the data file', () => {
    const rows = parseDataFile(readFileSync(DATA_PATH, 'utf8'));
    expect(OFFICE_DIRECTORY).toEqual(rows);
    expect([...PROVINCE_NAMES]).toEqual([...deriveProvinceNames(rows)]);
  });

  it('writes any OfficeID order, empty cells and names the literal must not reinterpret', () => {
    const first = { officeId: 7, parentId: null, name: 'กลุ่ม A', orgId: 1, provinceId: null };
    const rows = [
      first,
      { officeId: 8, parentId: 7, name: 'B', orgId: 9, provinceId: 76 },
      { officeId: 3, parentId: 8, name: 'C 1', orgId: 11, provinceId: null },
    ];
    const module = renderModule(rows, new Map([[76, 'เพชรบุรี']]));
    // The two template literals' texts, as JavaScript reads them (`\t` is a tab).
    const [officeText = '', provinceText = ''] = [...module.matchAll(/\(`([^`]*)`\)/g)].map((match) =>
      (match[1] ?? '').replaceAll('\\t', '\t'),
    );
    expect(readOfficeRows(officeText)).toEqual(rows);
    expect([...readProvinceNames(provinceText)]).toEqual([[76, 'เพชรบุรี']]);
    for (const name of ['a`b', 'a${b}', 'a\\tb', 'a\tb']) {
      expect(() => renderModule([{ ...first, name }], new Map())).toThrow(/compact table/);
    }
  });

  it('the data file is the whole table in order, and writing it back gives the same bytes', () => {
    const text = readFileSync(DATA_PATH, 'utf8');
    const rows = parseDataFile(text);
    expect(rows).toHaveLength(392);
    expect(renderDataFile(rows)).toBe(text);
    // The data file with the manual's title above it reads as the manual's table does.
    expect(parseOfficeTable(`รายละเอียด org\n\n${text}`)).toEqual(rows);
  });

  it('refuses a data file that is not one header and one row a line', () => {
    const one = '1\t2\t\tA\t1\t';
    const two = '2\t3\t2\tB\t1\t';
    expect(parseDataFile([header, one, two, ''].join('\n'))).toHaveLength(2);
    expect(() => parseDataFile([one, two].join('\n'))).toThrow(/header/);
    expect(() => parseDataFile([header, one, '', two].join('\n'))).toThrow(/blank/);
    expect(() => parseDataFile([header, one, header, two].join('\n'))).toThrow(/more than once/);
  });

  it('reads a table split into blocks with repeated headers; empty cells become null', () => {
    const text = [
      'intro',
      'รายละเอียด org',
      '',
      header,
      '1\t2\t\tกลุ่ม A\t1\t',
      '',
      header,
      '2\t4\t2\tสำนักงานอุตสาหกรรมจังหวัดเพชรบุรี\t9\t76',
      '',
    ].join('\n');
    const rows = parseOfficeTable(text);
    expect(rows).toEqual([
      { officeId: 2, parentId: null, name: 'กลุ่ม A', orgId: 1, provinceId: null },
      { officeId: 4, parentId: 2, name: 'สำนักงานอุตสาหกรรมจังหวัดเพชรบุรี', orgId: 9, provinceId: 76 },
    ]);
    expect([...deriveProvinceNames(rows)]).toEqual([
      [10, 'กรุงเทพมหานคร'],
      [76, 'เพชรบุรี'],
    ]);
  });

  it('refuses a broken table instead of writing a wrong directory', () => {
    expect(() => parseOfficeTable('no table here')).toThrow(/no "รายละเอียด org"/);
    expect(() => parseOfficeTable(['รายละเอียด org', header, '1\t2\tx\tA\t1\t'].join('\n'))).toThrow(/OfficeParentID/);
    expect(() => parseOfficeTable(['รายละเอียด org', header, '2\t2\t\tA\t1\t'].join('\n'))).toThrow(/sequence/);
    expect(() => parseOfficeTable(['รายละเอียด org', header, '1\t2\t\tA\t1'].join('\n'))).toThrow(/cells/);
    expect(() => parseOfficeTable(['รายละเอียด org', header, '1\t2\t\tA\t1\t', '2\t2\t\tB\t1\t'].join('\n'))).toThrow(
      /twice/,
    );
  });

  it('--check exits 0 for the data file, and --from-manual non-zero when the manual says otherwise', () => {
    expect(spawnSync(process.execPath, [SCRIPT, '--check'], { encoding: 'utf8' }).status).toBe(0);
    // A manual whose table is the data file's: it agrees, then one office renamed: it does not.
    const dir = mkdtempSync(join(tmpdir(), 'offices-'));
    const manual = join(dir, 'manual.txt');
    const table = `intro\nรายละเอียด org\n\n${readFileSync(DATA_PATH, 'utf8')}`;
    writeFileSync(manual, table);
    expect(spawnSync(process.execPath, [SCRIPT, '--check', '--from-manual', manual], { encoding: 'utf8' }).status).toBe(
      0,
    );
    writeFileSync(manual, table.replace('สำนักงานอุตสาหกรรมจังหวัดนครปฐม', 'สำนักงานอุตสาหกรรมจังหวัดนครปฐมX'));
    const result = spawnSync(process.execPath, [SCRIPT, '--check', '--from-manual', manual], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/differs/);
  });

  it('refuses arguments it does not know rather than guessing', () => {
    const result = spawnSync(process.execPath, [SCRIPT, 'manual.txt'], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--from-manual/);
  });
});
