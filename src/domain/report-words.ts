/**
 * The ticket report's fixed words in Thai and English: its labels and how it names verdicts,
 * severities and the manual's cases. Kept apart from report.ts so the code that decides what
 * goes into a report reads without a hundred lines of translations in between.
 */
import type { Localized, Severity } from './finding';
import type { OverallVerdict } from './overall-verdict';
import type { ManualCase } from './soap/answer';

export const VERDICT_WORDS: Record<OverallVerdict, Localized> = {
  valid: { th: 'ใช้ได้ (ยังไม่หมดอายุ)', en: 'Valid (not expired)' },
  expired: { th: 'หมดอายุแล้ว / ใช้ไม่ได้', en: 'Expired / not valid' },
  'not-yet-valid': { th: 'ยังไม่ถึงเวลาใช้งาน', en: 'Not valid yet' },
  'expiry-unknown': { th: 'ไม่ทราบเวลาหมดอายุ (อ่าน exp ไม่ได้)', en: 'Expiry unknown (exp cannot be read)' },
  'not-genuine': { th: 'ไม่ใช่โทเค็นที่แท้จริง (DiwLoginChk กรณีที่ 3)', en: 'Not genuine (DiwLoginChk case 3)' },
  'not-sso': { th: 'ไม่ใช่โทเค็นของ Industry SSO', en: 'Not an Industry SSO token' },
  unreadable: { th: 'อ่านโทเค็นไม่ได้', en: 'The token cannot be read' },
};

export const SEVERITY_WORDS: Record<Severity, Localized> = {
  error: { th: 'ผิดพลาด', en: 'Error' },
  warning: { th: 'คำเตือน', en: 'Warning' },
  info: { th: 'ข้อมูล', en: 'Info' },
};

/** The manual's four answers (§4.2, Message 1..4). */
export const MANUAL_CASE_WORDS: Record<ManualCase, Localized> = {
  1: { th: '1: Token is valid — โทเค็นถูกต้อง และยังไม่หมดอายุ', en: '1: Token is valid — genuine and not expired' },
  2: { th: '2: Token is expired — โทเค็นถูกต้อง แต่หมดอายุแล้ว', en: '2: Token is expired — genuine but expired' },
  3: {
    th: '3: Mismatch data in received token — โทเค็นไม่ถูกต้อง',
    en: '3: Mismatch data in received token — not a genuine token',
  },
  4: {
    th: '4: Unable to Authenticate Please Try Again — ClientID ไม่ถูกต้อง',
    en: '4: Unable to Authenticate Please Try Again — the ClientID is wrong',
  },
};

export const LABELS = {
  title: { th: 'รายงานตรวจโทเค็น Industry SSO', en: 'Industry SSO token report' },
  verdict: { th: 'ผลการตรวจ', en: 'Verdict' },
  reportMade: { th: 'จัดทำรายงานเมื่อ', en: 'Report made' },
  capture: { th: 'ที่มาของโทเค็น', en: 'Where the token came from' },
  hygiene: { th: 'ระบบงานจัดการโทเค็นอย่างไร', en: 'How the application handled the token' },
  source: { th: 'ช่องทาง', en: 'Source' },
  parameter: { th: 'ชื่อพารามิเตอร์', en: 'Parameter' },
  page: { th: 'หน้า (ตัดโทเค็นออกแล้ว)', en: 'Page (token removed)' },
  capturedAt: { th: 'จับได้เมื่อ', en: 'Captured at' },
  times: { th: 'เวลา', en: 'Times' },
  form: { th: 'รูปแบบ', en: 'form' },
  missing: { th: 'ไม่มี', en: 'missing' },
  unreadable: { th: 'อ่านไม่ได้', en: 'unreadable' },
  remaining: { th: 'เวลาที่เหลือ', en: 'Time left' },
  expiredAgo: { th: 'หมดอายุมาแล้ว', en: 'expired' },
  ago: { th: '', en: 'ago' },
  unknown: { th: 'ไม่ทราบ', en: 'unknown' },
  lifetime: { th: 'อายุโทเค็น (exp − nbf)', en: 'Lifetime (exp − nbf)' },
  manual: { th: 'คู่มือ', en: 'manual' },
  office: { th: 'หน่วยงาน (org)', en: 'Office (org)' },
  path: { th: 'สังกัด', en: 'Path' },
  province: { th: 'จังหวัด', en: 'Province' },
  organisation: { th: 'ประเภทหน่วยงาน', en: 'Organisation' },
  notInDirectory: { th: 'ไม่พบในตารางหน่วยงาน', en: 'not in the office directory' },
  findings: { th: 'สิ่งที่พบ', en: 'Findings' },
  none: { th: 'ไม่พบปัญหา', en: 'No problems found' },
  nextStep: { th: 'สิ่งที่ควรทำ', en: 'Next step' },
  verification: { th: 'การตรวจสอบกับ DiwLoginChk', en: 'Verification with DiwLoginChk' },
  notVerified: {
    th: 'ยังไม่ได้ตรวจสอบกับบริการ DiwLoginChk ผลข้างต้นอ่านจากตัวโทเค็นเท่านั้น ไม่ได้ยืนยันว่าเป็นโทเค็นจริง',
    en: 'Not verified with the DiwLoginChk service: the above is read from the token alone and does not prove it is genuine.',
  },
  checkedAt: { th: 'ตรวจเมื่อ', en: 'Checked at' },
  endpoint: { th: 'ปลายทาง', en: 'Endpoint' },
  manualCase: { th: 'กรณีตามคู่มือ', en: "Manual's case" },
  unrecognised: { th: 'ไม่ตรงกับกรณีใดในคู่มือ', en: 'matches none of the manual’s cases' },
  roundTrip: { th: 'เวลาตอบกลับ', en: 'Round trip' },
  clockSkew: { th: 'นาฬิกาเซิร์ฟเวอร์ − นาฬิกาเครื่องนี้', en: 'Server clock − this PC' },
  failed: { th: 'ตรวจสอบไม่สำเร็จ', en: 'Verification failed' },
  header: { th: 'ส่วนหัว (header)', en: 'Header' },
  payload: {
    th: 'ข้อมูลในโทเค็น (เลขประจำตัวประชาชนถูกปิดบัง ไม่รวมลายเซ็น)',
    en: 'Payload (national ID masked, signature left out)',
  },
  signatureDropped: {
    th: 'ลายเซ็นของโทเค็นไม่ถูกใส่ในรายงานนี้',
    en: "The token's signature is not included in this report.",
  },
  decodeFailure: { th: 'สาเหตุ', en: 'Cause' },
} satisfies Record<string, Localized>;
