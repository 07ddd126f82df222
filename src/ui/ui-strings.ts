/**
 * The texts of the components both pages share (src/ui). Thai first; the English table is typed
 * from it, so a key missing in either language does not compile.
 */
import type { Bilingual } from './strings';

const th = {
  'section.failed': 'ส่วนนี้แสดงไม่ได้ เพราะ Token มีข้อมูลผิดรูปแบบ ส่วนอื่นยังแสดงตามปกติ — คัดลอกรายงานด้านล่างแนบไปกับการแจ้งปัญหา',
  'findings.nextStep': 'ทำต่ออย่างไร',
  'severity.error': 'ผิดพลาด',
  'severity.warning': 'ควรตรวจ',
  'severity.info': 'ข้อมูล',
  'copy.done': 'คัดลอกแล้ว',
  'copy.failed': 'คัดลอกไม่ได้',
} as const;

export type UiStringKey = keyof typeof th;

export const UI_STRINGS = {
  th,
  en: {
    'section.failed':
      'This part could not be shown: the token holds malformed data. The other parts are unaffected — copy the report below into a ticket.',
    'findings.nextStep': 'Next step',
    'severity.error': 'Error',
    'severity.warning': 'Warning',
    'severity.info': 'Info',
    'copy.done': 'Copied',
    'copy.failed': 'Could not copy',
  },
} satisfies Bilingual<UiStringKey>;
