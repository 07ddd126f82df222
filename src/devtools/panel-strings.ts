/** The DevTools panel's texts, Thai first; the English table is typed from the Thai one. */
import type { Bilingual } from '../ui/strings';

const TH = {
  'panel.title': 'ลำดับการเข้าสู่ระบบ',
  'panel.intro':
    'ทุกการนำทางและ redirect ของแท็บนี้บนไซต์ที่จับโทเค็น เก่าสุดอยู่บน ตัดโทเค็นออกแล้ว ค่า Cookie, Set-Cookie และ Authorization ถูกปิดไว้',
  'panel.noTab': 'ไม่ทราบว่าตรวจแท็บใดอยู่',
  'panel.empty': 'ยังไม่มีการนำทางบนไซต์ที่จับโทเค็นในแท็บนี้ ลองเข้าสู่ระบบผ่าน SSO ในแท็บนี้',
  'panel.copy': 'คัดลอกลำดับเป็นข้อความ',
  'language.group': 'ภาษา',
  'hop.number': 'ลำดับ',
  'hop.method': 'เมธอด',
  'hop.status': 'สถานะ',
  'hop.time': 'ใช้เวลา',
  'hop.url': 'ที่อยู่ (ตัดโทเค็นออกแล้ว)',
  'hop.token': 'โทเค็น',
  'hop.pending': 'กำลังโหลด',
  'hop.frame': 'เฟรม',
  'hop.carried': 'โทเค็นอยู่ใน {places}',
  'hop.redirect': 'ส่งต่อไปที่',
  'hop.started': 'เริ่มเมื่อ',
  'hop.requestHeaders': 'Header ของคำขอ',
  'hop.responseHeaders': 'Header ของคำตอบ',
  'hop.noHeaders': 'ไม่มี',
};

export const PANEL_STRINGS: Bilingual<keyof typeof TH> = {
  th: TH,
  en: {
    'panel.title': 'Login timeline',
    'panel.intro':
      'Every navigation and redirect of this tab on the capture sites, oldest first, with tokens taken out and Cookie, Set-Cookie and Authorization values masked.',
    'panel.noTab': 'Which tab is inspected is not known.',
    'panel.empty': 'No navigation on a capture site in this tab yet. Log in through the SSO in this tab.',
    'panel.copy': 'Copy timeline as text',
    'language.group': 'Language',
    'hop.number': 'No.',
    'hop.method': 'Method',
    'hop.status': 'Status',
    'hop.time': 'Time',
    'hop.url': 'Address (token removed)',
    'hop.token': 'Token',
    'hop.pending': 'pending',
    'hop.frame': 'frame',
    'hop.carried': 'token in {places}',
    'hop.redirect': 'Redirected to',
    'hop.started': 'Started',
    'hop.requestHeaders': 'Request headers',
    'hop.responseHeaders': 'Response headers',
    'hop.noHeaders': 'none',
  },
};
