/**
 * The one catalogue of UI strings, Thai (the default, as the manual and its readers are Thai)
 * and English. `satisfies` makes the compiler refuse a key that one language lacks or the other
 * adds, so neither language can silently fall behind. Texts that come from the domain (finding
 * titles, claim labels, decode failures) are already `Localized` and are not repeated here.
 *
 * Placeholders are written `{name}` and filled by `translate`.
 */
import type { Localized } from '../domain/types';

export type Language = 'th' | 'en';

const th = {
  'app.title': 'ตรวจ Token Industry SSO',
  'app.loading': 'กำลังโหลด…',
  'app.backgroundError': 'ติดต่อส่วนเบื้องหลังของส่วนขยายไม่ได้: {detail}',
  'app.options': 'ตั้งค่า',
  'language.group': 'ภาษา',
  'section.failed': 'ส่วนนี้แสดงไม่ได้ เพราะ Token มีข้อมูลผิดรูปแบบ ส่วนอื่นยังแสดงตามปกติ — คัดลอกรายงานด้านล่างแนบไปกับการแจ้งปัญหา',
  'text.moreCharacters': '… อีก {n} ตัวอักษร',

  'verdict.heading': 'ผลการอ่าน Token',
  'verdict.valid': 'Token ยังใช้ได้',
  'verdict.expired': 'Token หมดอายุแล้ว',
  'verdict.not-yet-valid': 'Token ยังไม่ถึงเวลาเริ่มใช้',
  'verdict.expiry-unknown': 'ไม่ทราบเวลาหมดอายุของ Token',
  'verdict.not-genuine': 'Token ไม่ใช่ของจริง (ระบบกลางตอบกรณีที่ 3)',
  'verdict.alsoCheck': 'ควรตรวจเพิ่ม {count} รายการ: {title} — ดู “สิ่งที่พบ”',
  'verdict.not-sso': 'ไม่ใช่ Token ของ Industry SSO',
  'verdict.unreadable': 'อ่าน Token ไม่ได้',
  'verdict.notSsoHint': 'Payload ไม่มีชุด claim ตามคู่มือ จึงแสดงเท่าที่อ่านได้',
  'countdown.remaining': 'เหลือเวลาอีก {time}',
  'countdown.expiredAgo': 'หมดอายุมาแล้ว {time}',
  'countdown.startsIn': 'จะเริ่มใช้ได้ในอีก {time}',
  'countdown.unknown': 'ไม่ทราบเวลาหมดอายุ (อ่านค่า exp ไม่ได้)',
  'countdown.barLabel': 'อายุที่เหลือเทียบกับ {lifetime} ตามคู่มือ',
  'countdown.notGenuine': 'เวลาใน Token เป็นค่าที่ Token อ้างเอง เชื่อถือไม่ได้ เพราะ DiwLoginChk ตอบว่าไม่ใช่ Token จริง',

  'verify.heading': 'ผลตรวจสอบกับ DiwLoginChk',
  'verify.notYet': 'ยังไม่ได้ตรวจสอบกับ DiwLoginChk',
  'verify.button': 'ตรวจสอบ',
  'verify.again': 'ตรวจสอบอีกครั้ง',
  'verify.plainHttp': 'บริการตรวจสอบใช้ http ที่ไม่เข้ารหัส: เมื่อกดตรวจสอบ โทเค็น (ซึ่งมีเลขประจำตัวประชาชน) และ ClientID จะถูกส่งผ่านเครือข่ายโดยไม่เข้ารหัส และคำตอบอาจถูกปลอมระหว่างทาง',
  'verify.running': 'กำลังตรวจสอบ…',
  'verify.statusTrue': 'Status: true',
  'verify.statusFalse': 'Status: false',
  'verify.case': 'กรณีที่ {n} ตามคู่มือ §4.2',
  'verify.unrecognised': 'คำตอบที่ไม่รู้จัก',
  'verify.failed': 'ตรวจสอบไม่สำเร็จ ({code})',
  'verify.checkedAt': 'ตรวจเมื่อ {time}',
  'verify.roundTrip': 'ใช้เวลาไป-กลับ {ms} มิลลิวินาที',
  'verify.skew': 'นาฬิกาเซิร์ฟเวอร์ต่างจากเครื่องนี้ {time}',

  'person.heading': 'ผู้ใช้',
  'person.reveal': 'แสดงเลขบัตรเต็ม',
  'id.checkOk': 'เลขตรวจสอบ (หลักที่ 13) ถูกต้อง',
  'id.checkBad': 'เลขตรวจสอบ (หลักที่ 13) ไม่ถูกต้อง',
  'id.malformed': 'ไม่ใช่เลข 13 หลัก',
  'claim.missing': '(ไม่มีใน Token)',
  'id.echoMasked': '(เหมือนเลขประจำตัวประชาชน จึงปิดบังไว้)',

  'office.heading': 'หน่วยงาน',
  'office.path': 'สายหน่วยงาน',
  'office.unknownPath': 'ไม่พบหน่วยงานนี้ในตารางของคู่มือ',
  'office.province': 'จังหวัด',
  'office.provinceNone': 'ไม่มี (หน่วยงานที่ไม่สังกัดจังหวัด)',
  'office.provinceUnknown': 'ProvinceID {n} (ไม่รู้จัก)',
  'office.org': 'องค์กร',
  'office.orgNumber': 'OrgID {n}',
  'office.officeId': 'OfficeID',
  'office.raw': 'ค่า org ใน Token',
  'office.noClaim': 'Token ไม่มี claim org',

  'token.heading': 'Token',
  'token.bangkokTime': 'เวลากรุงเทพฯ (พ.ศ.)',
  'token.unreadableTime': 'อ่านค่าไม่ได้',
  'token.lifetime': 'อายุ Token (exp − nbf)',
  'token.lifetimeMatches': '{time} ตรงกับคู่มือ',
  'token.lifetimeDiffers': '{time} ไม่ตรงกับ {manual} ตามคู่มือ',
  'token.lifetimeUnknown': 'คำนวณไม่ได้',
  'token.form': 'รูปแบบเวลา {claim}: {form}',
  'token.alg': 'อัลกอริทึมลายเซ็น',
  'token.source': 'ได้มาจาก',
  'token.extraClaims': 'claim อื่นที่ไม่อยู่ในคู่มือ',
  'token.moreClaims': 'และอีก {n} รายการ',
  'token.claimedOnly': 'ค่าที่ Token อ้างเอง เชื่อถือไม่ได้',

  'form.missing': 'ไม่มีค่า',
  'form.numeric-seconds': 'วินาที (RFC 7519 NumericDate)',
  'form.numeric-milliseconds': 'มิลลิวินาที (ไม่ตรงมาตรฐาน)',
  'form.numeric-string': 'ตัวเลขในรูปข้อความ (ไม่ตรงมาตรฐาน)',
  'form.date-string': 'ข้อความวันที่ (ไม่ตรงมาตรฐาน)',
  'form.invalid': 'อ่านไม่ได้',

  'source.query': 'query ของ URL',
  'source.fragment': '#fragment ของ URL',
  'source.redirect': 'Location ของการ redirect',
  'source.form-post': 'ฟอร์ม POST',
  'source.paste': 'วางเอง',
  'source.inPage': '(หน้าเว็บใส่เองหลังโหลดแล้ว ไม่ได้มาจากการล็อกอิน จึงไม่ตรวจสอบอัตโนมัติ)',

  'findings.heading': 'สิ่งที่พบ',
  'findings.none': 'ไม่พบสิ่งผิดปกติ',
  'findings.nextStep': 'ทำต่ออย่างไร',
  'severity.error': 'ผิดพลาด',
  'severity.warning': 'ควรตรวจ',
  'severity.info': 'ข้อมูล',

  'raw.heading': 'ข้อมูลดิบ',
  'raw.header': 'Header',
  'raw.payload': 'Payload',
  'raw.copy': 'คัดลอก JSON',
  'raw.masked': 'เลขบัตรถูกปิดบังไว้ กด “แสดงเลขบัตรเต็ม” เพื่อดู',

  'copy.done': 'คัดลอกแล้ว',
  'copy.failed': 'คัดลอกไม่ได้',

  'picker.heading': 'Token ที่จับได้',
  'picker.thisTab': 'แท็บนี้',
  'picker.elsewhere': 'ที่อื่น',
  'picker.noneOnTab': 'ยังไม่พบ Token ในแท็บนี้',
  'picker.pickHint': 'เลือก Token ที่จับได้จากที่อื่นด้านล่าง หรือวาง Token เอง',
  'picker.ago': '{time} ที่แล้ว',
  'picker.justNow': 'เมื่อสักครู่',

  'empty.heading': 'ยังไม่มี Token',
  'empty.where': 'ส่วนขยายจะจับ Token เองเมื่อ SSO ส่งกลับมาที่: {sites}',
  'empty.added': 'และเว็บไซต์ที่เพิ่มไว้: {sites}',
  'empty.addSite': 'เพิ่มเว็บไซต์ในหน้าตั้งค่า',
  'empty.notAllowed': 'เบราว์เซอร์นี้ยังไม่อนุญาตให้ส่วนขยายเข้าถึง: {sites} จึงจับ Token ที่นั่นไม่ได้ กดอนุญาตได้ในหน้าตั้งค่า',

  'paste.heading': 'วาง Token จากที่อื่น',
  'paste.label': 'Token (JWT) เช่นจากอีเมลหรือ log',
  'paste.submit': 'อ่าน Token',
  'paste.working': 'กำลังอ่าน…',
  'paste.retry': 'วางอีกครั้ง ถ้ายังไม่ได้ ให้ปิดแล้วเปิดหน้าต่างนี้ใหม่ หรือโหลดส่วนขยายใหม่',
  'paste.refused': 'อ่าน Token ที่วางไม่ได้',

  'report.heading': 'รายงานสำหรับแจ้งปัญหา',
  'report.text': 'คัดลอกรายงาน',
  'report.markdown': 'คัดลอกแบบ Markdown',
  'clear.tab': 'ล้างแท็บนี้',
  'clear.all': 'ล้างทั้งหมด',
  'clear.done': 'ล้างแล้ว {n} รายการ',
} as const;

export type MessageKey = keyof typeof th;

/** Both languages, each with exactly the keys of the other. */
export const catalogue = {
  th,
  en: {
    'app.title': 'Industry SSO token inspector',
    'app.loading': 'Loading…',
    'app.backgroundError': 'Could not reach the extension background: {detail}',
    'app.options': 'Options',
    'language.group': 'Language',
    'section.failed': 'This part could not be shown: the token holds malformed data. The other parts are unaffected — copy the report below into a ticket.',
    'text.moreCharacters': '… {n} more characters',

    'verdict.heading': 'Token verdict',
    'verdict.valid': 'Token is valid',
    'verdict.expired': 'Token has expired',
    'verdict.not-yet-valid': 'Token is not valid yet',
    'verdict.expiry-unknown': 'Token expiry is unknown',
    'verdict.not-genuine': 'Token is not genuine (the central service answered case 3)',
    'verdict.alsoCheck': 'Also check ({count}): {title} — see Findings',
    'verdict.not-sso': 'Not an Industry SSO token',
    'verdict.unreadable': 'Token cannot be read',
    'verdict.notSsoHint': 'The payload lacks the manual’s claim set; showing what could be read.',
    'countdown.remaining': '{time} left',
    'countdown.expiredAgo': 'Expired {time} ago',
    'countdown.startsIn': 'Becomes valid in {time}',
    'countdown.unknown': 'Expiry unknown (exp could not be read)',
    'countdown.barLabel': 'Lifetime left out of the manual’s {lifetime}',
    'countdown.notGenuine': 'The times in this token are claimed by the token, not trustworthy: DiwLoginChk says it is not genuine.',

    'verify.heading': 'DiwLoginChk verification',
    'verify.notYet': 'Not verified with DiwLoginChk yet',
    'verify.button': 'Verify',
    'verify.again': 'Verify again',
    'verify.plainHttp': 'The verification service is plain http: verifying sends the token (with a national ID number) and the ClientID across the network unencrypted, and the answer could be forged on the way.',
    'verify.running': 'Verifying…',
    'verify.statusTrue': 'Status: true',
    'verify.statusFalse': 'Status: false',
    'verify.case': 'manual §4.2 case {n}',
    'verify.unrecognised': 'unrecognised answer',
    'verify.failed': 'Verification failed ({code})',
    'verify.checkedAt': 'Checked {time}',
    'verify.roundTrip': 'round trip {ms} ms',
    'verify.skew': 'server clock differs from this PC by {time}',

    'person.heading': 'Person',
    'person.reveal': 'Show full ID number',
    'id.checkOk': 'Check digit (13th) is correct',
    'id.checkBad': 'Check digit (13th) is wrong',
    'id.malformed': 'Not 13 digits',
    'claim.missing': '(not in the token)',
    'id.echoMasked': '(the same as the national ID number, so masked)',

    'office.heading': 'Office',
    'office.path': 'Office path',
    'office.unknownPath': 'This office is not in the manual’s table',
    'office.province': 'Province',
    'office.provinceNone': 'None (an office outside the provinces)',
    'office.provinceUnknown': 'ProvinceID {n} (unknown)',
    'office.org': 'Organisation',
    'office.orgNumber': 'OrgID {n}',
    'office.officeId': 'OfficeID',
    'office.raw': 'Raw org value',
    'office.noClaim': 'The token has no org claim',

    'token.heading': 'Token',
    'token.bangkokTime': 'Bangkok time (Buddhist era)',
    'token.unreadableTime': 'unreadable',
    'token.lifetime': 'Lifetime (exp − nbf)',
    'token.lifetimeMatches': '{time}, as the manual says',
    'token.lifetimeDiffers': '{time}, not the manual’s {manual}',
    'token.lifetimeUnknown': 'cannot be computed',
    'token.form': '{claim} time format: {form}',
    'token.alg': 'Signature algorithm',
    'token.source': 'Captured from',
    'token.extraClaims': 'Claims the manual does not list',
    'token.moreClaims': 'and {n} more',
    'token.claimedOnly': 'claimed by the token, not trustworthy',

    'form.missing': 'missing',
    'form.numeric-seconds': 'seconds (RFC 7519 NumericDate)',
    'form.numeric-milliseconds': 'milliseconds (non-standard)',
    'form.numeric-string': 'number as a string (non-standard)',
    'form.date-string': 'date string (non-standard)',
    'form.invalid': 'unreadable',

    'source.query': 'URL query',
    'source.fragment': 'URL #fragment',
    'source.redirect': 'redirect Location',
    'source.form-post': 'form POST',
    'source.paste': 'pasted',
    'source.inPage': '(put in the URL by the page after it loaded, not by a login: not verified automatically)',

    'findings.heading': 'Findings',
    'findings.none': 'Nothing unusual found',
    'findings.nextStep': 'Next step',
    'severity.error': 'Error',
    'severity.warning': 'Warning',
    'severity.info': 'Info',

    'raw.heading': 'Raw token',
    'raw.header': 'Header',
    'raw.payload': 'Payload',
    'raw.copy': 'Copy JSON',
    'raw.masked': 'The ID number is masked; press “Show full ID number” to see it.',

    'copy.done': 'Copied',
    'copy.failed': 'Could not copy',

    'picker.heading': 'Captured tokens',
    'picker.thisTab': 'This tab',
    'picker.elsewhere': 'Elsewhere',
    'picker.noneOnTab': 'No token captured on this tab yet',
    'picker.pickHint': 'Pick a token captured elsewhere below, or paste one.',
    'picker.ago': '{time} ago',
    'picker.justNow': 'just now',

    'empty.heading': 'No token yet',
    'empty.where': 'Tokens are captured automatically when the SSO returns to: {sites}',
    'empty.added': 'and the sites you added: {sites}',
    'empty.addSite': 'Add a site in the options',
    'empty.notAllowed': 'This browser has not allowed the extension on: {sites}, so tokens there cannot be captured. Allow it in the options.',

    'paste.heading': 'Paste a token from anywhere',
    'paste.label': 'Token (JWT), e.g. from an e-mail or a log',
    'paste.submit': 'Read token',
    'paste.working': 'Reading…',
    'paste.retry': 'Paste it again; if it still fails, close and reopen this popup, or reload the extension.',
    'paste.refused': 'The pasted token could not be read',

    'report.heading': 'Report for a ticket',
    'report.text': 'Copy report',
    'report.markdown': 'Copy as Markdown',
    'clear.tab': 'Clear this tab',
    'clear.all': 'Clear all',
    'clear.done': 'Cleared {n}',
  },
} satisfies Record<Language, Record<MessageKey, string>>;

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Looks a key up in one language and fills its `{placeholders}`. */
export function translator(language: Language): Translate {
  const texts: Record<MessageKey, string> = catalogue[language];
  return (key, params) =>
    texts[key].replace(/\{(\w+)\}/g, (whole, name: string) => (params && name in params ? String(params[name]) : whole));
}

/** A catalogue text in both languages, to keep in state and show in whichever language is current. */
export function inBothLanguages(key: MessageKey, params?: Record<string, string | number>): Localized {
  return { th: translator('th')(key, params), en: translator('en')(key, params) };
}

/** Picks a domain text (already in both languages) in the current language. */
export function pick(text: Localized, language: Language): string {
  return text[language];
}
