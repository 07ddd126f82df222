// The made-up staff who can "log in" at the demo SSO. Everyone here is fictional: the surnames
// say so in Thai (ทดสอบ = test, ตัวอย่าง = example, สมมุติ = pretend, จำลอง = simulated,
// ทดลอง = trial), the e-mails are on example.com (RFC 2606), and the national ID numbers were
// made up so that they pass the check digit and nothing else.
//
// Each person sits in a different kind of office from the manual's table "รายละเอียด org"
// (data/office-directory.tsv), so that the popup's org resolution has something
// different to show for each:
//   - a provincial industry office (OrgID 9, สอจ.),
//   - a group inside a provincial office,
//   - a central unit with no province (OrgID 1: the org code ends with an empty ProvinceID),
//   - a DIW (กรอ., OrgID 2) group, two levels below its root,
//   - the Pattani office, whose OfficeParentID 220 is missing from the table.
import { thaiIdCheckDigit } from './token-kit.mjs';

/** @param {string} id @returns {boolean} */
export function isValidThaiId(id) {
  return /^\d{13}$/.test(id) && thaiIdCheckDigit(id.slice(0, 12)) === Number(id[12]);
}

/**
 * @typedef {object} DemoPerson
 * @property {string} key        short name used in URLs (`/authorize?user=...`)
 * @property {string} sid        id of the user's directory object (claim 1)
 * @property {string} username   claim 2
 * @property {string} idcard     13 digits, passes the check digit (claim 3)
 * @property {string} firstname  Thai (claim 4)
 * @property {string} lastname   Thai (claim 5)
 * @property {string} email      claim 6
 * @property {string} org        OrgID/OfficeID/ProvinceID (claim 8)
 * @property {string} office     the office, as the manual's table names it (for the login page)
 * @property {string} whyHere    what this person is for, in English (for the login page and README)
 */

/**
 * Never empty: the login page and authorizeUrl default to the first person.
 * @type {readonly [DemoPerson, ...DemoPerson[]]}
 */
export const DEMO_PEOPLE = Object.freeze([
  {
    key: 'somchai',
    sid: 'demo-sid-0001-nakhonpathom',
    username: 'somchai.t',
    idcard: '1100700000019',
    firstname: 'สมชาย',
    lastname: 'ทดสอบ',
    email: 'somchai.t@example.com',
    org: '9/59/73',
    office: 'สำนักงานอุตสาหกรรมจังหวัดนครปฐม',
    whyHere: 'a provincial industry office (the manual’s own example org, 9/59/73)',
  },
  {
    key: 'somying',
    sid: 'demo-sid-0002-nakhonpathom-plan',
    username: 'somying.t',
    idcard: '3109900000025',
    firstname: 'สมหญิง',
    lastname: 'ตัวอย่าง',
    email: 'somying.t@example.com',
    org: '9/60/73',
    office: 'กลุ่มนโยบายและแผน › สำนักงานอุตสาหกรรมจังหวัดนครปฐม',
    whyHere: 'a group inside a provincial office',
  },
  {
    key: 'manee',
    sid: 'demo-sid-0003-ict-centre',
    username: 'manee.s',
    idcard: '5109900000030',
    firstname: 'มานี',
    lastname: 'สมมุติ',
    email: 'manee.s@example.com',
    org: '1/435/',
    office: 'ศูนย์เทคโนโลยีสารสนเทศและการสื่อสาร',
    whyHere: 'a central unit with no province (empty ProvinceID)',
  },
  {
    key: 'piti',
    sid: 'demo-sid-0004-diw-complaints',
    username: 'piti.c',
    idcard: '1909900000056',
    firstname: 'ปิติ',
    lastname: 'จำลอง',
    email: 'piti.c@example.com',
    org: '2/409/',
    office: 'กลุ่มดูแลเรื่องร้องเรียน กรอ. › กลุ่มประชาสัมพันธ์ › สำนักงานเลขานุการกรม',
    whyHere: 'a DIW (กรอ.) group two levels below its root',
  },
  {
    key: 'fatima',
    sid: 'demo-sid-0005-pattani',
    username: 'fatima.d',
    idcard: '8409900000040',
    firstname: 'ฟาตีมะห์',
    lastname: 'ทดลอง',
    email: 'fatima.d@example.com',
    org: '9/281/94',
    office: 'สำนักงานอุตสาหกรรมจังหวัดปัตตานี',
    whyHere: 'the Pattani office, whose parent (220) is missing from the manual’s table',
  },
]);

/** @param {string} key @returns {DemoPerson | undefined} */
export function findPerson(key) {
  return DEMO_PEOPLE.find((person) => person.key === key);
}
