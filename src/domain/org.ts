/**
 * The `org` claim: "OrgID/OfficeID/ProvinceID", e.g. "9/59/73" = สอจ., office 59, นครปฐม
 * (manual, claim table row 8). It is parsed leniently (org-code.ts), then resolved through the
 * manual's office directory into a path from the root office down, with every inconsistency
 * reported.
 */
import { OFFICE_DIRECTORY, PROVINCE_NAMES } from './office-directory';
import type { Finding, FindingCode, Localized, Severity } from './finding';
import { boundedJson } from './bounded-json';
import { MAX_RAW_LENGTH, parseOrgCode, type OrgCode } from './org-code';

// Parsing the code's text lives in org-code.ts; it is re-exported because callers know the
// claim as one thing, parsed and resolved.

/**
 * Organisation names, only where the manual states or clearly implies them: 9 = สอจ. is in the
 * claim table; 2..7 are named by each organisation's complaint group ("กลุ่มดูแลเรื่องร้องเรียน
 * กรอ." has OrgID 2, and so on). The full names are the departments those abbreviations stand
 * for. The manual names no organisation for 1, 8 or 11, so none is given (the UI shows the number).
 */
export const ORG_NAMES: ReadonlyMap<number, { abbreviation: string; name: Localized }> = new Map([
  [2, { abbreviation: 'กรอ.', name: { th: 'กรอ. (กรมโรงงานอุตสาหกรรม)', en: 'Department of Industrial Works (กรอ.)' } }],
  [
    3,
    {
      abbreviation: 'กสอ.',
      name: { th: 'กสอ. (กรมส่งเสริมอุตสาหกรรม)', en: 'Department of Industrial Promotion (กสอ.)' },
    },
  ],
  [
    4,
    {
      abbreviation: 'กพร.',
      name: { th: 'กพร. (กรมอุตสาหกรรมพื้นฐานและการเหมืองแร่)', en: 'Department of Primary Industries and Mines (กพร.)' },
    },
  ],
  [
    5,
    {
      abbreviation: 'สอน.',
      name: { th: 'สอน. (สำนักงานคณะกรรมการอ้อยและน้ำตาลทราย)', en: 'Office of the Cane and Sugar Board (สอน.)' },
    },
  ],
  [
    6,
    {
      abbreviation: 'สมอ.',
      name: { th: 'สมอ. (สำนักงานมาตรฐานผลิตภัณฑ์อุตสาหกรรม)', en: 'Thai Industrial Standards Institute (สมอ.)' },
    },
  ],
  [
    7,
    {
      abbreviation: 'สศอ.',
      name: { th: 'สศอ. (สำนักงานเศรษฐกิจอุตสาหกรรม)', en: 'Office of Industrial Economics (สศอ.)' },
    },
  ],
  [9, { abbreviation: 'สอจ.', name: { th: 'สอจ. (สำนักงานอุตสาหกรรมจังหวัด)', en: 'Provincial Industry Office (สอจ.)' } }],
]);

/** Deeper than any real chain (the manual's deepest is three); a guard against bad data. */
const MAX_PATH_DEPTH = 32;

const indexCache = new WeakMap<readonly OfficeRow[], Map<number, OfficeRow>>();

function indexOf(directory: readonly OfficeRow[]): Map<number, OfficeRow> {
  let index = indexCache.get(directory);
  if (index === undefined) {
    index = new Map(directory.map((row) => [row.officeId, row]));
    indexCache.set(directory, index);
  }
  return index;
}

/** The claim as text for display: bounded, since a hostile token can nest it thousands deep. */
function rawText(raw: unknown): string {
  if (typeof raw === 'string') return raw.length > MAX_RAW_LENGTH ? `${raw.slice(0, MAX_RAW_LENGTH)}…` : raw;
  const shown = boundedJson(raw, { indent: 0, maxDepth: 4, maxCharacters: MAX_RAW_LENGTH });
  return shown.omittedCharacters > 0 ? `${shown.text}…` : shown.text;
}

function provinceLabel(provinceId: number | null): Localized {
  if (provinceId === null) return { th: 'ไม่มีจังหวัด', en: 'no province' };
  const name = PROVINCE_NAMES.get(provinceId);
  return name === undefined
    ? { th: `จังหวัดรหัส ${provinceId}`, en: `province ${provinceId}` }
    : { th: `${provinceId} (${name})`, en: `${provinceId} (${name})` };
}

function orgLabel(orgId: number): Localized {
  const known = ORG_NAMES.get(orgId);
  return known === undefined
    ? { th: `OrgID ${orgId}`, en: `OrgID ${orgId}` }
    : { th: `${orgId} (${known.abbreviation})`, en: `${orgId} (${known.abbreviation})` };
}

const FIX_USER_RECORD: Localized = {
  th: 'ให้ผู้ดูแลระบบบัญชีผู้ใช้ตรวจและแก้รหัสหน่วยงาน (org) ของผู้ใช้นี้ ระบบงานที่กำหนดสิทธิ์ตามหน่วยงานอาจให้สิทธิ์ผิด',
  en: "Ask the user-directory administrators to check and correct this user's office code (org): applications that grant rights by office may grant the wrong ones.",
};

/** A finding whose remedy is correcting the user's office code in the user directory. */
function fixUserRecord(code: FindingCode, severity: Severity, title: Localized, detail: Localized): Finding {
  return { code, severity, title, detail, nextStep: FIX_USER_RECORD };
}

/**
 * The token's org code and the directory's row for its office disagree on one part: what the
 * token says (Thai joined to "โทเค็นระบุ" without a space) against what the table says.
 */
function mismatchWithTable(
  office: OfficeRow,
  code: FindingCode,
  title: Localized,
  tokenSays: Localized,
  tableSays: Localized,
): Finding {
  return fixUserRecord(code, 'warning', title, {
    th: `โทเค็นระบุ${tokenSays.th} แต่ในตาราง หน่วยงาน ${office.officeId} (${office.name}) ${tableSays.th}`,
    en: `The token says ${tokenSays.en}, but in the table office ${office.officeId} (${office.name}) ${tableSays.en}.`,
  });
}

/**
 * Walks OfficeParentID up to a root. Stops (and reports) at a parent the directory lacks, at a
 * cycle, or at an absurd depth. Returns the path root first.
 */
function pathTo(office: OfficeRow, index: Map<number, OfficeRow>): { path: OfficeRow[]; findings: Finding[] } {
  const path = [office];
  const visited = new Set([office.officeId]);
  const findings: Finding[] = [];
  let current = office;
  while (current.parentId !== null) {
    const parent = index.get(current.parentId);
    if (parent === undefined) {
      findings.push({
        code: 'org-missing-parent',
        severity: 'info',
        title: { th: 'สายบังคับบัญชาของหน่วยงานไม่ครบในตาราง', en: "The office's chain is incomplete in the directory" },
        detail: {
          th: `หน่วยงาน ${current.officeId} (${current.name}) ระบุหน่วยงานแม่ ${current.parentId} ซึ่งไม่มีในตาราง org ของคู่มือ เส้นทางจึงเริ่มที่ ${current.officeId}`,
          en: `Office ${current.officeId} (${current.name}) names parent ${current.parentId}, which the manual's org table does not contain; the path starts at ${current.officeId}.`,
        },
        nextStep: {
          th: 'ไม่ต้องแก้ที่ผู้ใช้ เป็นข้อมูลที่ขาดในตารางหน่วยงานของคู่มือ แจ้งผู้ดูแลระบบ SSO หากต้องการรายชื่อที่ครบ',
          en: "Nothing to fix for the user: the manual's office table lacks this row. Ask the SSO administrators if the full list is needed.",
        },
      });
      break;
    }
    if (visited.has(parent.officeId) || path.length >= MAX_PATH_DEPTH) {
      findings.push({
        code: 'org-cycle',
        severity: 'warning',
        title: { th: 'ตารางหน่วยงานวนซ้ำ', en: 'The office directory loops' },
        detail: {
          th: `การไล่หน่วยงานแม่จาก ${office.officeId} วนกลับมาที่ ${parent.officeId} เส้นทางจึงแสดงไม่ครบ`,
          en: `Following parents from ${office.officeId} comes back to ${parent.officeId}, so the path is cut short.`,
        },
        nextStep: {
          th: 'แจ้งผู้พัฒนาส่วนขยายนี้พร้อมรายงาน ตารางหน่วยงานมีข้อผิดพลาด',
          en: 'Report this to the extension developers with this report: the office table is inconsistent.',
        },
      });
      break;
    }
    visited.add(parent.officeId);
    path.unshift(parent);
    current = parent;
  }
  return { path, findings };
}

/**
 * Resolves an `org` claim through the office directory (the manual's, unless one is given).
 * Never throws; everything it notices is a finding with a stable code.
 */
export function resolveOrg(raw: unknown, directory: readonly OfficeRow[] = OFFICE_DIRECTORY): OrgResolution {
  const text = rawText(raw);
  const parsed = parseOrgCode(raw);
  if (!parsed.ok) {
    return {
      raw: text,
      code: null,
      office: null,
      path: [],
      provinceName: null,
      orgName: null,
      findings: [
        fixUserRecord(
          'org-unparseable',
          'warning',
          { th: 'อ่านรหัสหน่วยงาน (org) ไม่ได้', en: 'The office code (org) cannot be read' },
          { th: `ค่า org คือ ${text}: ${parsed.reason.th}`, en: `org is ${text}: ${parsed.reason.en}` },
        ),
      ],
    };
  }
  const { code } = parsed;
  const provinceName = code.provinceId === null ? null : (PROVINCE_NAMES.get(code.provinceId) ?? null);
  const orgName = ORG_NAMES.get(code.orgId)?.name ?? null;
  const findings: Finding[] = [];
  if (code.provinceId !== null && provinceName === null) {
    findings.push(
      fixUserRecord(
        'org-unknown-province',
        'info',
        { th: 'ไม่รู้จักรหัสจังหวัด', en: 'Unknown province code' },
        {
          th: `ProvinceID ${code.provinceId} ไม่ตรงกับจังหวัดใดในตารางหน่วยงานของคู่มือ`,
          en: `ProvinceID ${code.provinceId} matches no province in the manual's office table.`,
        },
      ),
    );
  }
  const office = indexOf(directory).get(code.officeId) ?? null;
  if (office === null) {
    findings.push({
      code: 'org-unknown-office',
      severity: 'warning',
      title: { th: 'ไม่พบหน่วยงานนี้ในตาราง', en: 'This office is not in the directory' },
      detail: {
        th: `OfficeID ${code.officeId} ไม่มีในตาราง org ของคู่มือ (${directory.length} หน่วยงาน)`,
        en: `OfficeID ${code.officeId} is not in the manual's org table (${directory.length} offices).`,
      },
      nextStep: {
        th: 'ถามผู้ดูแลระบบ SSO ว่ามีหน่วยงานเพิ่มหลังคู่มือนี้หรือไม่ ถ้าไม่มี ให้แก้รหัสหน่วยงานของผู้ใช้',
        en: "Ask the SSO administrators whether offices were added after this manual; if not, have the user's office code corrected.",
      },
    });
    return { raw: text, code, office: null, path: [], provinceName, orgName, findings };
  }
  const walk = pathTo(office, indexOf(directory));
  findings.push(...walk.findings);
  if (office.orgId !== code.orgId) {
    const token = orgLabel(code.orgId);
    const table = orgLabel(office.orgId);
    findings.push(
      mismatchWithTable(
        office,
        'org-orgid-mismatch',
        { th: 'OrgID ไม่ตรงกับหน่วยงาน', en: "The OrgID does not match the office's" },
        { th: ` OrgID ${token.th}`, en: `OrgID ${token.en}` },
        { th: `เป็นของ OrgID ${table.th}`, en: `belongs to OrgID ${table.en}` },
      ),
    );
  }
  if (office.provinceId !== code.provinceId) {
    const token = provinceLabel(code.provinceId);
    const table = provinceLabel(office.provinceId);
    findings.push(
      mismatchWithTable(
        office,
        'org-province-mismatch',
        { th: 'จังหวัดไม่ตรงกับหน่วยงาน', en: "The province does not match the office's" },
        code.provinceId === null
          ? { th: 'ว่าไม่มีจังหวัด', en: 'no province' }
          : { th: `จังหวัด ${token.th}`, en: `province ${token.en}` },
        office.provinceId === null
          ? { th: 'ไม่มีจังหวัด', en: 'has no province' }
          : { th: `อยู่จังหวัด ${table.th}`, en: `is in province ${table.en}` },
      ),
    );
  }
  return { raw: text, code, office, path: walk.path, provinceName, orgName, findings };
}

/** "กลุ่มสนับสนุนการตรวจราชการ 1 › สำนักงานอุตสาหกรรมจังหวัดนครปฐม". */
export function formatOfficePath(path: readonly OfficeRow[]): string {
  return path.map((office) => office.name).join(' › ');
}

export interface OfficeRow {
  officeId: number;
  /** null for a root office (the manual leaves the cell empty). */
  parentId: number | null;
  name: string;
  orgId: number;
  /** null for offices outside the provinces (OrgID 1, 2..8, 11). */
  provinceId: number | null;
}

export interface OrgResolution {
  raw: string;
  /** null when the value could not be parsed; see `findings` for why. */
  code: OrgCode | null;
  office: OfficeRow | null;
  /** Root first, the office itself last. Empty when the office is unknown. */
  path: OfficeRow[];
  /** From the token's ProvinceID; null when absent or unknown. */
  provinceName: string | null;
  /** Only names the manual states or clearly implies; otherwise null (show the number). */
  orgName: Localized | null;
  findings: Finding[];
}
