/**
 * The words of the verification findings, in Thai and English: what each of the manual's answers
 * (§4.2) and each failure means, and what a help-desk person does next. The rules that choose
 * among them are in explain.ts.
 */
import type { FindingCode, Localized, Severity } from '../finding';
import type { ManualCase, VerificationFailureCode } from './answer';

const LOG_IN_AGAIN: Localized = {
  th: 'ให้ผู้ใช้ออกจากระบบแล้วเข้าสู่ระบบใหม่ผ่าน Industry SSO เพื่อรับโทเค็นใหม่',
  en: 'Ask the user to log out and log in again through Industry SSO to get a new token.',
};

/** What one of the manual's answers (§4.2) means; `quoted` is the answer as the service gave it. */
export interface AnswerText {
  code: FindingCode;
  severity: Severity;
  title: Localized;
  detail: (quoted: Localized) => Localized;
  nextStep: Localized;
}

/** The manual's four cases (§4.2), and an answer that is none of them. */
export const ANSWER_TEXTS: Record<ManualCase | 'unrecognised', AnswerText> = {
  1: {
    code: 'verify-valid',
    severity: 'info',
    title: { th: 'โทเค็นถูกต้องและยังไม่หมดอายุ (กรณีที่ 1)', en: 'The token is genuine and not expired (case 1)' },
    detail: (quoted) => ({
      th: `${quoted.th} — ตามคู่มือข้อ 4.2 กรณีที่ 1 โทเค็นมาจากระบบสารสนเทศกลางของ กรอ. จริง`,
      en: `${quoted.en} — manual §4.2 case 1: the token really comes from DIW's central system.`,
    }),
    nextStep: {
      th: 'ไม่ต้องทำอะไรเพิ่ม หากแอปพลิเคชันยังไม่ยอมให้เข้าใช้ ให้ตรวจสอบฝั่งแอปพลิเคชัน (การรับโทเค็นหรือสิทธิ์ของผู้ใช้)',
      en: 'Nothing to do. If the application still refuses the user, look at the application side (how it receives the token, or the user’s rights).',
    },
  },
  2: {
    code: 'verify-expired',
    severity: 'error',
    title: { th: 'โทเค็นหมดอายุแล้ว (กรณีที่ 2)', en: 'The token has expired (case 2)' },
    detail: (quoted) => ({
      th: `${quoted.th} — ตามคู่มือข้อ 4.2 กรณีที่ 2 โทเค็นถูกต้องแต่หมดอายุแล้ว (โทเค็นมีอายุ 1 ชั่วโมง 5 นาที)`,
      en: `${quoted.en} — manual §4.2 case 2: genuine but expired (a token lives 1 h 05 min).`,
    }),
    nextStep: LOG_IN_AGAIN,
  },
  3: {
    code: 'verify-not-genuine',
    severity: 'error',
    title: { th: 'โทเค็นไม่ถูกต้อง ไม่ได้มาจากระบบ SSO (กรณีที่ 3)', en: 'The token is not genuine (case 3)' },
    detail: (quoted) => ({
      th: `${quoted.th} — ตามคู่มือข้อ 4.2 กรณีที่ 3 ข้อมูลในโทเค็นไม่ตรงกัน: โทเค็นถูกแก้ไข ถูกตัดทอนระหว่างส่ง หรือไม่ได้ออกโดย Industry SSO`,
      en: `${quoted.en} — manual §4.2 case 3, "mismatch data": the token was altered, cut short on the way, or not issued by Industry SSO.`,
    }),
    nextStep: {
      th: 'ให้ผู้ใช้เข้าสู่ระบบใหม่ผ่านหน้า Industry SSO ทางการ (ไม่ใช้ลิงก์ที่บันทึกไว้หรือโทเค็นที่คัดลอกมา) หากยังเป็นเหมือนเดิม ให้ผู้พัฒนาตรวจสอบ callback ของแอปพลิเคชันว่ารับโทเค็นครบถ้วนไม่ถูกตัดหรือแปลงอักขระ',
      en: 'Have the user log in again through the official Industry SSO page (not a bookmarked link or a copied token). If it persists, the integrator should check the application’s callback: the token must arrive whole, not cut or re-encoded.',
    },
  },
  4: {
    code: 'verify-wrong-client-id',
    severity: 'error',
    title: { th: 'ClientID ไม่ถูกต้อง (กรณีที่ 4)', en: 'The ClientID was refused (case 4)' },
    detail: (quoted) => ({
      th: `${quoted.th} — ตามคู่มือข้อ 4.2 กรณีที่ 4 บริการยืนยันตัวตนของแอปพลิเคชันด้วย ClientID ที่ตั้งไว้ไม่ได้ คำตอบนี้ไม่ได้บอกอะไรเกี่ยวกับตัวโทเค็น`,
      en: `${quoted.en} — manual §4.2 case 4: the service could not authenticate the application with the configured ClientID. This says nothing about the token itself.`,
    }),
    nextStep: {
      th: 'ผู้พัฒนาระบบต้องขอ ClientID ที่ถูกต้องจากผู้ดูแลระบบของ กรอ. แล้วตรวจสอบค่า ClientID ในหน้าตั้งค่าของส่วนขยายนี้ (ไม่มีช่องว่างหรืออักขระเกิน)',
      en: 'The integrator must ask the DIW administrator for the right ClientID, then check the ClientID on this extension’s options page (no stray spaces or characters).',
    },
  },
  unrecognised: {
    code: 'verify-unrecognised',
    severity: 'warning',
    title: { th: 'คำตอบที่ไม่รู้จัก', en: 'Unrecognised answer' },
    detail: (quoted) => ({
      th: `${quoted.th} ซึ่งไม่ตรงกับข้อความทั้ง 4 กรณีในคู่มือข้อ 4.2 จึงสรุปผลไม่ได้`,
      en: `${quoted.en}, which matches none of the four messages in manual §4.2, so no conclusion is drawn.`,
    }),
    nextStep: {
      th: 'ตรวจสอบว่าตั้งค่า operation และชื่อพารามิเตอร์ถูกต้องในหน้าตั้งค่า หากถูกต้องแล้ว ให้ส่งข้อความนี้ให้ผู้ดูแลระบบของ กรอ. เพื่อสอบถามความหมาย',
      en: 'Check that the operation and parameter names are right on the options page. If they are, send this message to the DIW administrator and ask what it means.',
    },
  },
};

/** What each way of failing means and what to do next; the technical detail is added beside it. */
export const FAILURES: Record<
  VerificationFailureCode,
  { severity: Severity; title: Localized; meaning: Localized; nextStep: Localized }
> = {
  'no-client-id': {
    severity: 'warning',
    title: { th: 'ยังไม่ได้ตั้งค่า ClientID', en: 'No ClientID is set' },
    meaning: {
      th: 'การตรวจสอบโทเค็นต้องใช้ ClientID ที่ผู้ดูแลระบบของ กรอ. กำหนดให้ (คู่มือข้อ 4) จึงยังไม่ได้ติดต่อบริการ',
      en: 'Verifying needs the ClientID the DIW administrator assigns (manual §4), so the service was not called.',
    },
    nextStep: {
      th: 'ใส่ ClientID ในหน้าตั้งค่าของส่วนขยายนี้ หากยังไม่มี ให้ผู้พัฒนาระบบขอจากผู้ดูแลระบบของ กรอ.',
      en: 'Enter the ClientID on this extension’s options page. If you have none, the integrator must ask the DIW administrator for one.',
    },
  },
  'no-endpoint': {
    severity: 'warning',
    title: { th: 'ยังไม่ได้ตั้งค่าบริการตรวจสอบ', en: 'The verification service is not configured' },
    meaning: {
      th: 'ยังไม่รู้ที่อยู่ของบริการ ชื่อ operation หรือชื่อพารามิเตอร์ จึงยังไม่ได้ติดต่อบริการ',
      en: 'The service address, the operation or the parameter names are not known yet, so the service was not called.',
    },
    nextStep: {
      th: 'ในหน้าตั้งค่า กด "โหลด WSDL" หรือกรอกที่อยู่ operation และชื่อพารามิเตอร์เอง',
      en: 'On the options page, load the WSDL, or enter the address, operation and parameter names by hand.',
    },
  },
  'no-permission': {
    severity: 'warning',
    title: { th: 'ยังไม่ได้อนุญาตให้ส่วนขยายติดต่อบริการ', en: 'No permission to reach the service' },
    meaning: {
      th: 'เบราว์เซอร์ยังไม่ได้ให้สิทธิ์ส่วนขยายนี้ติดต่อที่อยู่ของบริการตรวจสอบ จึงยังไม่ได้ติดต่อ',
      en: 'The browser has not granted this extension access to the verification service’s address, so it was not called.',
    },
    nextStep: {
      th: 'เปิดหน้าตั้งค่าแล้วกดอนุญาตสิทธิ์เข้าถึงที่อยู่ของบริการ (host permission)',
      en: 'Open the options page and grant the host permission for the service’s address.',
    },
  },
  'connection-refused': {
    severity: 'error',
    title: { th: 'บริการปฏิเสธการเชื่อมต่อ', en: 'The service refused the connection' },
    meaning: {
      th: 'เครื่องปลายทางตอบแต่ไม่มีบริการเปิดอยู่ที่พอร์ตนี้ (บริการหยุดทำงาน หรือพอร์ตผิด)',
      en: 'The host answered, but nothing listens on that port: the service is down, or the port is wrong.',
    },
    nextStep: {
      th: 'ตรวจสอบที่อยู่และพอร์ตในหน้าตั้งค่า หากถูกต้อง แจ้งผู้ดูแลระบบของ กรอ. ว่าบริการไม่ทำงาน',
      en: 'Check the address and port on the options page. If they are right, tell the DIW administrator that the service is down.',
    },
  },
  dns: {
    severity: 'error',
    title: { th: 'หาชื่อเครื่องของบริการไม่พบ (DNS)', en: 'The service’s host name was not found (DNS)' },
    meaning: {
      th: 'ชื่อเครื่องในที่อยู่ของบริการแปลงเป็นหมายเลข IP ไม่ได้ อาจพิมพ์ผิด หรือเครื่องนี้ไม่ได้อยู่ในเครือข่ายที่มองเห็นเครื่องนั้น',
      en: 'The host name in the service address does not resolve: a typo, or this PC is not on a network that can see it.',
    },
    nextStep: {
      th: 'ตรวจสอบที่อยู่ในหน้าตั้งค่า และตรวจสอบว่าเครื่องนี้เชื่อมต่อเครือข่ายของหน่วยงาน (หรือ VPN) อยู่',
      en: 'Check the address on the options page, and that this PC is on the organisation’s network (or VPN).',
    },
  },
  timeout: {
    severity: 'error',
    title: { th: 'บริการไม่ตอบภายในเวลาที่กำหนด', en: 'The service did not answer in time' },
    meaning: {
      th: 'ส่งคำขอแล้วแต่ไม่ได้รับคำตอบภายในเวลาที่ตั้งไว้ บริการอาจทำงานช้า หรือไฟร์วอลล์ทิ้งการเชื่อมต่อ',
      en: 'The request went out but no answer came within the configured time: the service may be slow, or a firewall drops the connection.',
    },
    nextStep: {
      th: 'ลองใหม่อีกครั้ง หากยังเกิดซ้ำ เพิ่มเวลารอในหน้าตั้งค่า หรือแจ้งผู้ดูแลเครือข่าย/ผู้ดูแลระบบของ กรอ.',
      en: 'Try again. If it keeps happening, raise the timeout on the options page, or tell the network or DIW administrator.',
    },
  },
  network: {
    severity: 'error',
    title: { th: 'เชื่อมต่อบริการไม่ได้ (ถูกปฏิเสธ, DNS หรือออฟไลน์)', en: 'Could not connect (refused, DNS or offline)' },
    meaning: {
      th: 'เบราว์เซอร์แจ้งเพียงว่าการเชื่อมต่อล้มเหลว โดยไม่บอกสาเหตุ อาจเป็นบริการหยุดทำงาน ชื่อเครื่องผิด เครื่องนี้ออฟไลน์ หรือถูกไฟร์วอลล์/พร็อกซีกั้น',
      en: 'The browser only says the connection failed, not why: the service may be down, the host name wrong, this PC offline, or a firewall or proxy in the way.',
    },
    nextStep: {
      th: 'ตรวจสอบที่อยู่ในหน้าตั้งค่า ลองเปิดที่อยู่ WSDL ในแท็บใหม่ หากเปิดไม่ได้ แจ้งผู้ดูแลเครือข่าย',
      en: 'Check the address on the options page and try opening the WSDL URL in a new tab. If that fails too, tell the network administrator.',
    },
  },
  'http-status': {
    severity: 'error',
    title: { th: 'บริการตอบด้วยรหัสข้อผิดพลาด HTTP', en: 'The service answered with an HTTP error' },
    meaning: {
      th: 'เซิร์ฟเวอร์ตอบรหัสข้อผิดพลาดโดยไม่มีคำอธิบายแบบ SOAP ที่อยู่อาจผิด (404) หรือเซิร์ฟเวอร์มีปัญหา (5xx)',
      en: 'The server answered with an error status and no SOAP explanation: the address may be wrong (404), or the server is in trouble (5xx).',
    },
    nextStep: {
      th: 'ตรวจสอบที่อยู่ของบริการในหน้าตั้งค่า (โหลด WSDL ใหม่) หากถูกต้อง แจ้งผู้ดูแลระบบของ กรอ. พร้อมรหัสนี้',
      en: 'Check the service address on the options page (reload the WSDL). If it is right, give this status to the DIW administrator.',
    },
  },
  'soap-fault': {
    severity: 'error',
    title: { th: 'บริการตอบว่าเกิดข้อผิดพลาด (SOAP Fault)', en: 'The service answered with a SOAP Fault' },
    meaning: {
      th: 'บริการได้รับคำขอแต่ประมวลผลไม่ได้ มักเกิดจากชื่อ operation, namespace หรือชื่อพารามิเตอร์ไม่ตรงกับที่บริการต้องการ หรือบริการขัดข้อง',
      en: 'The service got the request but could not process it — usually the operation, namespace or parameter names do not match what it expects, or the service failed.',
    },
    nextStep: {
      th: 'โหลด WSDL ใหม่ในหน้าตั้งค่าและตรวจสอบ operation และชื่อพารามิเตอร์ หากยังเกิดซ้ำ ส่ง faultcode และ faultstring ให้ผู้ดูแลระบบของ กรอ.',
      en: 'Reload the WSDL on the options page and check the operation and parameter names. If it persists, send the faultcode and faultstring to the DIW administrator.',
    },
  },
  'not-xml': {
    severity: 'error',
    title: { th: 'คำตอบไม่ใช่ SOAP', en: 'The answer is not SOAP' },
    meaning: {
      th: 'ได้รับหน้าเว็บหรือข้อมูลอื่นแทนคำตอบ SOAP มักเป็นหน้าเข้าสู่ระบบของพร็อกซี หน้าแจ้งเตือนของไฟร์วอลล์ หรือที่อยู่ผิด',
      en: 'A web page or other data came back instead of SOAP — often a proxy login page, a firewall notice, or a wrong address.',
    },
    nextStep: {
      th: 'ลองเปิดที่อยู่ของบริการในแท็บใหม่เพื่อดูว่าหน้าอะไรตอบกลับมา และตรวจสอบการตั้งค่าพร็อกซีของเครื่อง',
      en: 'Open the service address in a new tab to see what answers, and check this PC’s proxy settings.',
    },
  },
  'missing-fields': {
    severity: 'error',
    title: { th: 'คำตอบไม่มี Status หรือ Message', en: 'The answer has no Status or Message' },
    meaning: {
      th: 'ได้รับคำตอบ SOAP แต่ไม่พบข้อมูลตามคู่มือข้อ 4.2 (Username, IDCard, Status, Message) อาจเรียก operation ผิดตัว',
      en: 'A SOAP answer came back, but without the manual’s §4.2 fields (Username, IDCard, Status, Message): perhaps the wrong operation was called.',
    },
    nextStep: {
      th: 'ตรวจสอบในหน้าตั้งค่าว่าเลือก operation ที่ใช้ตรวจสอบโทเค็น (เช่น DiwLoginChk) แล้ว',
      en: 'On the options page, check that the token-verifying operation (e.g. DiwLoginChk) is the one selected.',
    },
  },
  'too-large': {
    severity: 'error',
    title: { th: 'คำตอบใหญ่ผิดปกติ', en: 'The answer is abnormally large' },
    meaning: {
      th: 'คำตอบใหญ่เกิน 1 MB จึงหยุดอ่าน คำตอบของ DiwLoginChk ปกติมีขนาดเพียงไม่กี่ร้อยไบต์',
      en: 'The answer was over 1 MB, so reading stopped; a DiwLoginChk answer is normally a few hundred bytes.',
    },
    nextStep: {
      th: 'ตรวจสอบว่าที่อยู่ของบริการในหน้าตั้งค่าชี้ไปที่บริการตรวจสอบโทเค็นจริง',
      en: 'Check that the service address on the options page really points at the token-verifying service.',
    },
  },
  interrupted: {
    severity: 'warning',
    title: { th: 'การตรวจสอบถูกขัดจังหวะ', en: 'The verification was interrupted' },
    meaning: {
      th: 'เบราว์เซอร์หยุดการทำงานเบื้องหลังของส่วนขยายระหว่างรอคำตอบจากบริการ จึงไม่ทราบผล ไม่ได้แปลว่าโทเค็นหรือบริการมีปัญหา',
      en: "The browser stopped the extension's background while it waited for the service, so there is no answer. It says nothing about the token or the service.",
    },
    nextStep: { th: 'กด "ตรวจสอบอีกครั้ง"', en: 'Click Verify again.' },
  },
};
