/**
 * The options page's texts about the organisation's policy, in Thai and English: what is locked,
 * when a changed policy takes effect, and what in the policy could not be used.
 */
import type { Bilingual } from '../ui/strings';

const th = {
  'policy.heading': 'ตั้งค่าโดยหน่วยงานของคุณ',
  'policy.intro': 'ฝ่ายไอทีของหน่วยงานกำหนดค่าต่อไปนี้ผ่านนโยบายของเบราว์เซอร์ จึงแก้ไขในหน้านี้ไม่ได้: {names}',
  'policy.clientIdHidden': 'ClientID ที่หน่วยงานกำหนดไม่แสดงในหน้านี้และไม่ถูกส่งมาที่หน้านี้',
  'policy.whenChanged': 'เมื่อฝ่ายไอทีเปลี่ยนนโยบาย Chrome และ Chromium ใช้ค่าใหม่ทันที ส่วน Firefox ใช้ค่าใหม่เมื่อเปิดเบราว์เซอร์ใหม่',
  'policy.problemsHeading': 'ค่าในนโยบายที่ใช้ไม่ได้ (ส่วนขยายยังทำงานด้วยค่าที่เหลือ)',
  'policy.problemsAdvice': 'แจ้งฝ่ายไอทีของหน่วยงานพร้อมข้อความข้างต้น',
  'policy.locked': 'กำหนดโดยหน่วยงาน',
  'policy.clientIdSet': 'หน่วยงานกำหนด ClientID ไว้แล้ว (ไม่แสดง)',
  'policy.sites': 'เว็บไซต์ที่หน่วยงานกำหนด',
};

const en: Record<keyof typeof th, string> = {
  'policy.heading': 'Set by your organisation',
  'policy.intro':
    'Your IT department sets these through the browser’s policies, so they cannot be changed here: {names}',
  'policy.clientIdHidden': 'The ClientID your organisation set is not shown here, and is never sent to this page.',
  'policy.whenChanged':
    'When IT changes the policy, Chrome and Chromium apply it at once; Firefox applies it when it is restarted.',
  'policy.problemsHeading': 'Policy values that cannot be used (the extension works on with the rest)',
  'policy.problemsAdvice': 'Tell your IT department, with the text above.',
  'policy.locked': 'Set by your organisation',
  'policy.clientIdSet': 'Set by your organisation (not shown)',
  'policy.sites': 'Sites set by your organisation',
};

export type PolicyStringKey = keyof typeof th;

export const POLICY_STRINGS: Bilingual<PolicyStringKey> = { th, en };
