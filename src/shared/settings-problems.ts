/**
 * How a settings problem is worded: the field's name, as the options page says it, and what is
 * wrong with it, in Thai and English.
 */
import type { Localized } from '../domain/finding';
import type { VerificationSettings } from './settings';

/** What a problem names, in both languages: the words the options page uses where it has them. */
export const FIELD_NAMES: Record<
  'settings' | 'version' | 'language' | 'verification' | 'captureSites' | keyof VerificationSettings,
  Localized
> = {
  settings: { th: 'การตั้งค่า', en: 'Settings' },
  version: { th: 'รุ่นของการตั้งค่า', en: 'Settings version' },
  language: { th: 'ภาษา', en: 'Language' },
  verification: { th: 'การตั้งค่าบริการตรวจสอบ', en: 'Verification settings' },
  captureSites: { th: 'เว็บไซต์ที่จับ Token', en: 'Capture sites' },
  wsdlUrl: { th: 'ที่อยู่ WSDL', en: 'WSDL URL' },
  clientId: { th: 'ClientID', en: 'ClientID' },
  timeoutMs: { th: 'เวลารอคำตอบ', en: 'Timeout' },
  autoVerify: { th: 'ตรวจสอบอัตโนมัติ', en: 'Verify automatically' },
  autoVerifyOverPlainHttp: { th: 'ตรวจสอบอัตโนมัติผ่าน http ที่ไม่เข้ารหัส', en: 'Verify automatically over unencrypted http' },
  endpoint: { th: 'ที่อยู่บริการ (endpoint)', en: 'Service address (endpoint)' },
  soapVersion: { th: 'รุ่น SOAP', en: 'SOAP version' },
  style: { th: 'รูปแบบ (style)', en: 'Style' },
  namespace: { th: 'Namespace', en: 'Namespace' },
  operation: { th: 'Operation ที่ใช้ตรวจสอบ', en: 'Operation that verifies' },
  soapAction: { th: 'SOAPAction', en: 'SOAPAction' },
  tokenParameter: { th: 'พารามิเตอร์ที่รับ Token', en: 'Parameter that takes the token' },
  clientIdParameter: { th: 'พารามิเตอร์ที่รับ ClientID', en: 'Parameter that takes the ClientID' },
};

/**
 * "Field: what is wrong", in both languages. It never quotes the value: the value may be the
 * ClientID, and a refusal is shown on screen and may be pasted into a ticket.
 */
export function problem(field: keyof typeof FIELD_NAMES, reason: Localized): Localized {
  const name = FIELD_NAMES[field];
  return { th: `${name.th}: ${reason.th}`, en: `${name.en}: ${reason.en}` };
}
