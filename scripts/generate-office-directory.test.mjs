import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_MANUAL_PATH, OUTPUT_PATH, deriveProvinceNames, generate, parseOfficeTable } from './generate-office-directory.mjs';

const SCRIPT = new URL('./generate-office-directory.mjs', import.meta.url).pathname;
const header = 'ลำดับ\tOfficeID\tOfficeParentID\tOfficeName\tOrgID\tProvinceID';

describe('generate-office-directory', () => {
  it('the committed module is exactly what the manual generates (same as --check)', () => {
    expect(readFileSync(OUTPUT_PATH, 'utf8')).toBe(generate(DEFAULT_MANUAL_PATH));
  });

  it('reads a table split into blocks with repeated headers; empty cells become null', () => {
    const text = ['intro', 'รายละเอียด org', '', header, '1\t2\t\tกลุ่ม A\t1\t', '', header, '2\t4\t2\tสำนักงานอุตสาหกรรมจังหวัดเพชรบุรี\t9\t76', ''].join('\n');
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
    expect(() => parseOfficeTable(['รายละเอียด org', header, '1\t2\t\tA\t1\t', '2\t2\t\tB\t1\t'].join('\n'))).toThrow(/twice/);
  });

  it('--check exits 0 for the manual and non-zero when the table differs', () => {
    expect(spawnSync(process.execPath, [SCRIPT, '--check'], { encoding: 'utf8' }).status).toBe(0);
    const dir = mkdtempSync(join(tmpdir(), 'offices-'));
    const changed = join(dir, 'manual.txt');
    writeFileSync(changed, readFileSync(DEFAULT_MANUAL_PATH, 'utf8').replace('สำนักงานอุตสาหกรรมจังหวัดนครปฐม', 'สำนักงานอุตสาหกรรมจังหวัดนครปฐมX'));
    const result = spawnSync(process.execPath, [SCRIPT, '--check', changed], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/differs/);
  });
});
