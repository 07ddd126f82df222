import { describe, expect, it } from 'vitest';
import { OFFICE_DIRECTORY, PROVINCE_NAMES } from './office-directory';

/** Facts about the manual's "รายละเอียด org" table, checked by hand against the text. */
describe('office directory (generated from the manual)', () => {
  const byId = new Map(OFFICE_DIRECTORY.map((row) => [row.officeId, row]));

  it('holds all 392 rows, each OfficeID once', () => {
    expect(OFFICE_DIRECTORY).toHaveLength(392);
    expect(byId.size).toBe(392);
  });

  it('keeps spot rows exactly as the manual prints them', () => {
    expect(byId.get(2)).toEqual({
      officeId: 2,
      parentId: null,
      name: 'กลุ่มสนับสนุนการตรวจราชการ 1',
      orgId: 1,
      provinceId: null,
    });
    expect(byId.get(59)).toEqual({
      officeId: 59,
      parentId: 2,
      name: 'สำนักงานอุตสาหกรรมจังหวัดนครปฐม',
      orgId: 9,
      provinceId: 73,
    });
    expect(byId.get(60)).toEqual({ officeId: 60, parentId: 59, name: 'กลุ่มนโยบายและแผน', orgId: 9, provinceId: 73 });
    expect(byId.get(281)).toEqual({
      officeId: 281,
      parentId: 220,
      name: 'สำนักงานอุตสาหกรรมจังหวัดปัตตานี',
      orgId: 9,
      provinceId: 94,
    });
    expect(byId.get(435)).toEqual({
      officeId: 435,
      parentId: null,
      name: 'ศูนย์เทคโนโลยีสารสนเทศและการสื่อสาร',
      orgId: 1,
      provinceId: null,
    });
    expect(byId.get(409)).toEqual({
      officeId: 409,
      parentId: 408,
      name: 'กลุ่มดูแลเรื่องร้องเรียน กรอ.',
      orgId: 2,
      provinceId: null,
    });
    expect(OFFICE_DIRECTORY.at(-1)?.officeId).toBe(449);
  });

  it('has the manual’s OrgID counts: 9→347, 1→18, 11→6, 2..8→3 each', () => {
    const counts = new Map<number, number>();
    for (const row of OFFICE_DIRECTORY) counts.set(row.orgId, (counts.get(row.orgId) ?? 0) + 1);
    expect(Object.fromEntries(counts)).toEqual({ 1: 18, 2: 3, 3: 3, 4: 3, 5: 3, 6: 3, 7: 3, 8: 3, 9: 347, 11: 6 });
  });

  it('has 76 provincial industry offices, one per province, and a name for each province plus Bangkok', () => {
    const provincial = OFFICE_DIRECTORY.filter(
      (row) => row.orgId === 9 && row.name.startsWith('สำนักงานอุตสาหกรรมจังหวัด'),
    );
    expect(provincial).toHaveLength(76);
    expect(new Set(provincial.map((row) => row.provinceId)).size).toBe(76);
    expect(PROVINCE_NAMES.size).toBe(77);
    expect(PROVINCE_NAMES.get(73)).toBe('นครปฐม');
    expect(PROVINCE_NAMES.get(20)).toBe('ชลบุรี');
    expect(PROVINCE_NAMES.get(94)).toBe('ปัตตานี');
    expect(PROVINCE_NAMES.get(10)).toBe('กรุงเทพมหานคร');
    for (const office of provincial) {
      expect(office.name).toBe(`สำนักงานอุตสาหกรรมจังหวัด${PROVINCE_NAMES.get(office.provinceId!)}`);
    }
  });

  it('gives a child its parent’s ProvinceID wherever the parent has one', () => {
    const offenders = OFFICE_DIRECTORY.filter((row) => {
      const parent = row.parentId === null ? undefined : byId.get(row.parentId);
      return parent !== undefined && parent.provinceId !== null && parent.provinceId !== row.provinceId;
    });
    expect(offenders).toEqual([]);
  });

  it('names one parent that is missing: 281 (ปัตตานี) → 220', () => {
    const missing = OFFICE_DIRECTORY.filter((row) => row.parentId !== null && !byId.has(row.parentId));
    expect(missing.map((row) => [row.officeId, row.parentId])).toEqual([[281, 220]]);
  });

  it('gives no ProvinceID to offices outside OrgID 9, and one to every OrgID 9 office', () => {
    expect(OFFICE_DIRECTORY.filter((row) => row.orgId !== 9 && row.provinceId !== null)).toEqual([]);
    expect(OFFICE_DIRECTORY.filter((row) => row.orgId === 9 && row.provinceId === null)).toEqual([]);
  });
});
