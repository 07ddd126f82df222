import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ORG_NAMES, formatOfficePath, resolveOrg } from './org';
import { parseOrgCode } from './org-code';
import { OFFICE_DIRECTORY } from './office-directory';
import type { OfficeRow } from './org';

const codes = (r: { findings: { code: string }[] }) => r.findings.map((f) => f.code);
const names = (r: { path: OfficeRow[] }) => r.path.map((o) => o.name);

describe('parseOrgCode', () => {
  it('reads the manual’s example and tolerates spaces, leading zeros, Thai digits and a missing province', () => {
    expect(parseOrgCode('9/59/73')).toEqual({ ok: true, code: { orgId: 9, officeId: 59, provinceId: 73 } });
    expect(parseOrgCode(' 09 / 059 / 073 ')).toEqual({ ok: true, code: { orgId: 9, officeId: 59, provinceId: 73 } });
    expect(parseOrgCode('๙/๕๙/๗๓')).toEqual({ ok: true, code: { orgId: 9, officeId: 59, provinceId: 73 } });
    expect(parseOrgCode('1/435/')).toEqual({ ok: true, code: { orgId: 1, officeId: 435, provinceId: null } });
    expect(parseOrgCode('1/435')).toEqual({ ok: true, code: { orgId: 1, officeId: 435, provinceId: null } });
  });

  it('rejects garbage with a reason', () => {
    const cases: Array<[unknown, RegExp]> = [
      [9, /must be text/],
      [null, /null/],
      ['', /empty/],
      ['9', /no "\/"/],
      ['9/59/73/1', /4 parts/],
      ['a/59/73', /OrgID is not a number/],
      ['9/x/73', /OfficeID is not a number/],
      ['9/59/-73', /ProvinceID is negative/],
      ['9//73', /OfficeID in the office code is empty/],
      ['9/99999999999999999999/73', /too large/],
      ['9/59/7.3', /ProvinceID is not a number/],
      ['9/'.repeat(60), /too long/],
    ];
    for (const [raw, reason] of cases) {
      const result = parseOrgCode(raw);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.reason.en).toMatch(reason);
        expect(result.reason.th.length).toBeGreaterThan(0);
      }
    }
  });

  it('never throws and round-trips any well-formed code', () => {
    fc.assert(
      fc.property(fc.anything(), (raw) => {
        const r = parseOrgCode(raw);
        if (!r.ok) expect(r.reason.en.length).toBeGreaterThan(0);
      }),
    );
    fc.assert(
      fc.property(fc.nat(99_999), fc.nat(99_999), fc.option(fc.nat(99_999)), (orgId, officeId, provinceId) => {
        expect(parseOrgCode(`${orgId}/${officeId}/${provinceId ?? ''}`)).toEqual({
          ok: true,
          code: { orgId, officeId, provinceId },
        });
      }),
    );
  });
});

describe('resolveOrg against the manual’s directory', () => {
  it('9/59/73: the Nakhon Pathom office under inspection group 1', () => {
    const r = resolveOrg('9/59/73');
    expect(formatOfficePath(r.path)).toBe('กลุ่มสนับสนุนการตรวจราชการ 1 › สำนักงานอุตสาหกรรมจังหวัดนครปฐม');
    expect(r.path.map((o) => o.officeId)).toEqual([2, 59]);
    expect(r.office?.officeId).toBe(59);
    expect(r.provinceName).toBe('นครปฐม');
    expect(r.orgName?.th).toContain('สอจ.');
    expect(r.findings).toEqual([]);
  });

  it('9/60/73: a group inside the Nakhon Pathom office, three levels', () => {
    const r = resolveOrg('9/60/73');
    expect(names(r)).toEqual(['กลุ่มสนับสนุนการตรวจราชการ 1', 'สำนักงานอุตสาหกรรมจังหวัดนครปฐม', 'กลุ่มนโยบายและแผน']);
    expect(r.findings).toEqual([]);
  });

  it('1/435/: the ICT centre, no province, no organisation name', () => {
    const r = resolveOrg('1/435/');
    expect(names(r)).toEqual(['ศูนย์เทคโนโลยีสารสนเทศและการสื่อสาร']);
    expect(r.provinceName).toBeNull();
    expect(r.orgName).toBeNull();
    expect(r.findings).toEqual([]);
  });

  it('9/281/94: Pattani, whose parent 220 the directory lacks', () => {
    const r = resolveOrg('9/281/94');
    expect(r.path.map((o) => o.officeId)).toEqual([281]);
    expect(r.provinceName).toBe('ปัตตานี');
    expect(codes(r)).toEqual(['org-missing-parent']);
    expect(r.findings[0]?.detail.en).toContain('220');
  });

  it('9/59/74: province mismatch; 2/59/73: OrgID mismatch', () => {
    const province = resolveOrg('9/59/74');
    expect(codes(province)).toEqual(['org-province-mismatch']);
    expect(province.findings[0]?.detail.en).toContain('73 (นครปฐม)');
    expect(province.findings[0]?.detail.en).toContain('74 (สมุทรสาคร)');
    expect(province.path.map((o) => o.officeId)).toEqual([2, 59]);
    const org = resolveOrg('2/59/73');
    expect(codes(org)).toEqual(['org-orgid-mismatch']);
    expect(org.findings[0]?.detail.en).toMatch(/OrgID 2 \(กรอ\.\).*OrgID 9 \(สอจ\.\)/);
  });

  it('reports a province where the office has none, and none where it has one', () => {
    expect(codes(resolveOrg('1/435/73'))).toEqual(['org-province-mismatch']);
    expect(codes(resolveOrg('9/59'))).toEqual(['org-province-mismatch']);
  });

  it('reports unknown offices and provinces, and unparseable codes', () => {
    const unknown = resolveOrg('9/9999/73');
    expect(unknown).toMatchObject({ office: null, path: [], provinceName: 'นครปฐม' });
    expect(codes(unknown)).toEqual(['org-unknown-office']);
    expect(codes(resolveOrg('9/59/99'))).toEqual(['org-unknown-province', 'org-province-mismatch']);
    const garbage = resolveOrg({ org: 1 });
    expect(garbage).toMatchObject({ raw: '{"org":1}', code: null, office: null });
    expect(codes(garbage)).toEqual(['org-unparseable']);
  });

  it('names only the organisations the manual names, matching their complaint groups', () => {
    expect([...ORG_NAMES.keys()].sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7, 9]);
    for (const [orgId, { abbreviation }] of ORG_NAMES) {
      if (orgId === 9) continue; // named in the claim table ("9 = สอจ.")
      expect(OFFICE_DIRECTORY.some((o) => o.orgId === orgId && o.name === `กลุ่มดูแลเรื่องร้องเรียน ${abbreviation}`)).toBe(
        true,
      );
    }
    for (const orgId of [1, 8, 11]) expect(resolveOrg(`${orgId}/1/`).orgName).toBeNull();
  });

  it('resolves every office in the directory to a path ending at itself', () => {
    for (const office of OFFICE_DIRECTORY) {
      const r = resolveOrg(`${office.orgId}/${office.officeId}/${office.provinceId ?? ''}`);
      expect(r.path.at(-1)).toBe(office);
      expect(codes(r).filter((c) => c !== 'org-missing-parent')).toEqual([]);
    }
  });
});

describe('resolveOrg with an injected directory', () => {
  const row = (officeId: number, parentId: number | null): OfficeRow => ({
    officeId,
    parentId,
    name: `office ${officeId}`,
    orgId: 9,
    provinceId: 73,
  });

  it('stops at a cycle and says so', () => {
    const directory = [row(1, 3), row(2, 1), row(3, 2)];
    const r = resolveOrg('9/2/73', directory);
    expect(codes(r)).toEqual(['org-cycle']);
    expect(r.path.map((o) => o.officeId)).toEqual([3, 1, 2]);
    expect(codes(resolveOrg('9/5/73', [row(5, 5)]))).toEqual(['org-cycle']);
  });

  it('never throws on arbitrary codes or directories', () => {
    const directories = fc.array(
      fc.record({
        officeId: fc.nat(20),
        parentId: fc.option(fc.nat(20)),
        name: fc.string(),
        orgId: fc.nat(12),
        provinceId: fc.option(fc.nat(99)),
      }),
      { maxLength: 25 },
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.tuple(fc.nat(12), fc.nat(20), fc.nat(99)).map((t) => t.join('/')),
        ),
        directories,
        (raw, directory) => {
          const r = resolveOrg(raw, directory);
          expect(typeof r.raw).toBe('string');
          expect(r.path.length).toBeLessThanOrEqual(directory.length);
          expect(new Set(r.path.map((o) => o.officeId)).size).toBe(r.path.length);
          for (const f of r.findings) expect(f.title.en.length * f.title.th.length).toBeGreaterThan(0);
        },
      ),
    );
  });
});
