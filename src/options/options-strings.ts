/**
 * Every text the options page shows, in Thai (the default) and English. The English table is
 * typed from the Thai one, so a key missing in either language is a compile error, not a blank
 * on screen. `{name}` marks a value filled in by the translator in src/ui/strings.ts.
 *
 * Kept apart from the popup's table so the two pages can grow without editing one shared file
 * at the same time; the mechanism over both is the same (src/ui/strings.ts).
 */
import type { Bilingual } from '../ui/strings';

const th = {
  'page.title': 'ตั้งค่า — ตัวตรวจ Token ของ Industry SSO',
  'page.loading': 'กำลังอ่านการตั้งค่า…',
  'page.loadFailed': 'อ่านการตั้งค่าไม่ได้: {reason}',
  'language.label': 'ภาษา',
  'language.saveFailed': 'บันทึกภาษาไม่ได้: {reason}',

  'verification.heading': 'บริการตรวจสอบ Token (DiwLoginChk)',
  'verification.intro':
    'คู่มือข้อ 4 กำหนดให้ระบบที่รับ Token ตรวจสอบ Token กับบริการ SOAP ของ กรอ. อีกครั้ง โดยใช้ ClientID ที่เจ้าหน้าที่ดูแลระบบกำหนดให้',
  'field.wsdlUrl': 'ที่อยู่ WSDL',
  'field.wsdlUrl.hint': 'ค่าเริ่มต้นคือที่อยู่ในคู่มือ (ข้อ 4.1)',
  'field.clientId': 'ClientID',
  'field.clientId.hint': 'เก็บไว้ในเครื่องนี้เท่านั้น ไม่ซิงก์ไปที่อื่น',
  'field.clientId.saved': 'ที่บันทึกไว้: {masked}',
  'field.clientId.none': 'ยังไม่ได้บันทึก ClientID',
  'field.timeout': 'เวลารอคำตอบ (วินาที)',
  'field.timeout.hint': '1–120 วินาที ค่าเริ่มต้น 10',
  'field.autoVerify': 'ตรวจสอบอัตโนมัติเมื่อจับ Token ได้',
  'field.autoVerifyOverPlainHttp':
    'ตรวจสอบอัตโนมัติผ่าน http ที่ไม่เข้ารหัสนี้ด้วย: ทุก Token ที่จับได้ (ซึ่งมีเลขประจำตัวประชาชน) และ ClientID จะถูกส่งไปยังที่อยู่นี้โดยไม่เข้ารหัส ทันทีที่จับได้ โดยไม่ต้องกดอะไร',
  'field.endpoint': 'ที่อยู่บริการ (endpoint)',
  'field.namespace': 'Namespace',
  'field.port': 'Port ของบริการ',
  'field.port.hint': 'WSDL นี้มีหลาย port แต่ละ port มีที่อยู่ รุ่น SOAP และ operation ของตัวเอง',
  'field.operation': 'Operation ที่ใช้ตรวจสอบ',
  'field.soapAction': 'SOAPAction',
  'field.soapAction.hint': 'เว้นว่างได้ถ้าบริการไม่ต้องการ',
  'field.soapVersion': 'รุ่น SOAP',
  'field.style': 'รูปแบบ (style)',
  'field.tokenParameter': 'พารามิเตอร์ที่รับ Token',
  'field.clientIdParameter': 'พารามิเตอร์ที่รับ ClientID',

  'action.loadWsdl': 'อ่าน WSDL',
  'action.manual': 'กรอกเอง',
  'action.showClientId': 'แสดง ClientID',
  'action.save': 'บันทึกการตั้งค่า',
  'action.test': 'ทดสอบการเชื่อมต่อ',
  'action.grant': 'ให้สิทธิ์',
  'action.add': 'เพิ่ม',
  'action.remove': 'นำออก',

  'wsdl.heading': 'บริการตามที่ WSDL บอก',
  'wsdl.endpoint': 'ที่อยู่บริการ',
  'wsdl.noEndpoint': '(WSDL ไม่ได้ระบุ — กรอกที่อยู่บริการเอง)',
  'wsdl.namespace': 'Target namespace',
  'wsdl.operations': 'Operation และพารามิเตอร์ขาเข้า',
  'wsdl.noParameters': '(ไม่มีพารามิเตอร์)',
  'wsdl.plainHttp':
    'WSDL นี้อ่านผ่าน http ที่ไม่เข้ารหัส ผู้ที่อยู่ระหว่างทางอาจแก้ไขได้ โปรดตรวจว่าที่อยู่บริการด้านบนตรงกับที่ กรอ. แจ้งไว้ ก่อนบันทึก',
  'wsdl.notes': 'สิ่งที่ WSDL เขียนไม่ตรงมาตรฐานหรือขัดกันเอง',
  'mapping.heading': 'จับคู่ Operation และพารามิเตอร์',
  'mapping.choose': '— เลือก —',
  'mapping.guess': 'เดาจากชื่อ — โปรดตรวจ',
  'mapping.noGuess': 'เดาจากชื่อไม่ได้ โปรดเลือกเอง',
  'mapping.editByHand': 'แก้รายละเอียดเอง',
  'manual.heading': 'รายละเอียดบริการ (กรอกเอง)',
  'manual.intro': 'ใช้เมื่ออ่าน WSDL ไม่ได้ ดูค่าได้จาก WSDL หรือขอจากเจ้าหน้าที่ดูแลระบบของ กรอ.',
  'manual.savedIntro': 'รายละเอียดที่บันทึกไว้ กด “อ่าน WSDL” เพื่อเลือกจากรายการ Operation ของ WSDL',
  'manual.notSetUp': 'ยังไม่ได้ตั้งค่าบริการ: กด “อ่าน WSDL” หรือ “กรอกเอง”',
  'manual.wsdlFailed': 'อ่าน WSDL ไม่ได้: {reason}',

  'security.plainHttp':
    'ที่อยู่บริการนี้ใช้ http ที่ไม่เข้ารหัส และไม่ใช่เครื่องนี้: Token ทุกตัวที่ตรวจสอบ (ซึ่งมีเลขประจำตัวประชาชน) และ ClientID จะถูกส่งผ่านเครือข่ายโดยไม่เข้ารหัส ผู้ที่อยู่ระหว่างทางอ่านได้ และคำตอบที่ได้รับอาจมาจากใครก็ได้บนเส้นทางนั้น หากบริการมี https โปรดใช้ที่อยู่ https:// แทน',
  'security.autoVerifyHeldBack':
    'ที่อยู่บริการใช้ http ที่ไม่เข้ารหัส การตรวจสอบอัตโนมัติจึงปิดไว้สำหรับที่อยู่นี้ เว้นแต่จะเลือกช่องด้านล่างด้วย ยังตรวจสอบ Token เองได้จากหน้าต่างป๊อปอัป',

  'permission.granted': 'อนุญาตให้ติดต่อ {origin} แล้ว',
  'permission.missing': 'ยังไม่ได้รับอนุญาตให้ติดต่อ {origin}',
  'permission.howTo':
    'กด “ให้สิทธิ์” แล้วเลือก “อนุญาต” หรือเปิดสิทธิ์เอง: Firefox ที่ about:addons → ส่วนขยายนี้ → สิทธิ์; Chrome ที่ chrome://extensions → รายละเอียด → การเข้าถึงเว็บไซต์',

  'status.loadingWsdl': 'กำลังอ่าน WSDL…',
  'status.wsdlLoaded': 'อ่าน WSDL แล้ว: พบ {count} operation',
  'status.wsdlGuess': 'เลือกไว้ให้ตามที่เดาจากชื่อ: {operation} — โปรดตรวจก่อนบันทึก',
  'status.wsdlFailed': 'อ่าน WSDL ไม่ได้: {reason} — กรอกรายละเอียดบริการเองด้านล่างได้',
  'status.wsdlNoPermission': 'ไม่ได้รับอนุญาตให้อ่าน {origin}',
  'status.saving': 'กำลังบันทึก…',
  'status.saved': 'บันทึกการตั้งค่าแล้ว',
  'status.savedPermissionGranted': 'บันทึกการตั้งค่าแล้ว และอนุญาตให้ติดต่อ {origin} แล้ว',
  'status.saveFailed': 'บันทึกไม่ได้: {reason}',
  'status.invalid': 'ยังไม่ได้บันทึก โปรดแก้: {fields}',
  'status.permissionDenied': 'บันทึกการตั้งค่าแล้ว แต่ยังไม่ได้รับอนุญาตให้ติดต่อ {origin} จึงตรวจสอบ Token กับบริการไม่ได้จนกว่าจะอนุญาต',
  'status.permissionError': 'ขอสิทธิ์ไม่สำเร็จ: {reason}',

  'warning.noClientId': 'ยังไม่มี ClientID: การตรวจสอบ Token จะไม่ทำงานจนกว่าจะกรอก',
  'warning.noNamespace': 'ยังไม่มี namespace: บริการส่วนใหญ่ต้องใช้',
  'warning.plainHttp':
    'ที่อยู่บริการใช้ http ที่ไม่เข้ารหัส: Token และ ClientID จะถูกส่งผ่านเครือข่ายโดยไม่เข้ารหัส หากบริการมี https โปรดใช้ https',
  'warning.autoVerifyHeldBack': 'การตรวจสอบอัตโนมัติจะไม่ทำงานกับที่อยู่ http ที่ไม่เข้ารหัสนี้ จนกว่าจะเลือกช่องให้ตรวจสอบผ่าน http ด้วย',

  'error.httpUrl': 'ต้องเป็นที่อยู่ที่ขึ้นต้นด้วย http:// หรือ https://',
  'error.urlCredentials': 'ต้องไม่มีชื่อผู้ใช้หรือรหัสผ่านอยู่ในที่อยู่ (เบราว์เซอร์ไม่ยอมเรียกที่อยู่แบบนี้)',
  'error.required': 'ต้องกรอก',
  'error.xmlName': 'ต้องเป็นชื่อแบบ XML: ขึ้นต้นด้วยตัวอักษรหรือ _ ตามด้วยตัวอักษร ตัวเลข _ - หรือ . ไม่มีช่องว่าง และไม่ขึ้นต้นด้วย xml',
  'error.sameParameter': 'พารามิเตอร์ของ Token และของ ClientID ต้องเป็นคนละตัว',
  'error.timeout': 'ต้องเป็นตัวเลขตั้งแต่ 1 ถึง 120',
  'error.tooLong': 'ยาวเกินไป: ได้ไม่เกิน {max} ตัวอักษร',

  'test.running': 'กำลังทดสอบ…',
  'test.unsaved': 'การทดสอบใช้ค่าที่บันทึกไว้ ส่วนที่แก้แต่ยังไม่ได้บันทึกจะไม่ถูกใช้',
  'test.case1': 'ติดต่อบริการได้ แต่บริการตอบกรณีที่ 1 “{message}” ซึ่ง Token ทดสอบไม่ควรได้ — โปรดตรวจบริการ',
  'test.case2': 'ติดต่อบริการได้ แต่บริการตอบกรณีที่ 2 “{message}” ซึ่ง Token ทดสอบไม่ควรได้ — โปรดตรวจบริการ',
  'test.case3':
    'ติดต่อบริการได้ บริการตอบกรณีที่ 3 “{message}” ซึ่งเป็นคำตอบที่คาดไว้สำหรับ Token ทดสอบ แสดงว่าเส้นทางการตรวจสอบทำงานครบตั้งแต่ต้นจนจบ',
  'test.case4':
    'ติดต่อบริการได้ แต่บริการตอบกรณีที่ 4 “{message}”: บริการไม่รับ ClientID นี้ — ตรวจ ClientID กับเจ้าหน้าที่ดูแลระบบของ กรอ.',
  'test.unrecognised': 'ติดต่อบริการได้ แต่คำตอบไม่ตรงกับกรณีใดใน 4 กรณีของคู่มือ (Status: {status}, Message: {message})',
  'test.failed': 'การทดสอบไม่ได้คำตอบจากบริการ: {detail}',
  'test.answeredBadly': 'ติดต่อที่อยู่ของบริการได้ แต่สิ่งที่ตอบกลับมาไม่ใช่คำตอบของ DiwLoginChk: {detail}',
  'test.httpStatus': 'HTTP {status}',
  'test.fault': 'SOAP Fault {code}: {text}',
  'test.roundTrip': 'เวลาไป-กลับ {ms} มิลลิวินาที',
  'test.endpoint': 'ที่อยู่ที่เรียก: {endpoint}',
  'test.error': 'ทดสอบไม่ได้: {reason}',
  'test.none': '(ไม่มี)',

  'sites.heading': 'เว็บไซต์ที่จับ Token',
  'sites.intro': 'ส่วนขยายอ่าน Token เฉพาะบนเว็บไซต์เหล่านี้',
  'sites.defaults': 'ค่าเริ่มต้น (นำออกไม่ได้)',
  'sites.added': 'ที่เพิ่มเอง',
  'sites.noneAdded': 'ยังไม่ได้เพิ่มเว็บไซต์',
  'sites.granted': 'ได้รับอนุญาตแล้ว',
  'sites.notGranted': 'ยังไม่ได้รับอนุญาต',
  'sites.checking': 'กำลังตรวจสิทธิ์…',
  'sites.firefoxNote': 'Firefox ให้ผู้ใช้เป็นผู้อนุญาตการเข้าถึงเว็บไซต์ แม้แต่เว็บไซต์เริ่มต้น: กด “ให้สิทธิ์” ที่รายการที่ยังไม่ได้รับอนุญาต',
  'field.captureSite': 'เพิ่มเว็บไซต์ (origin)',
  'field.captureSite.hint': 'เช่น http://10.1.2.3:8080',
  'sites.empty': 'กรอก origin ก่อน เช่น http://10.1.2.3:8080',
  'sites.invalid':
    '“{input}” ใช้เป็น origin ไม่ได้: ต้องขึ้นต้นด้วย http:// หรือ https:// ตามด้วยชื่อโฮสต์ และพอร์ตถ้ามี เช่น http://10.1.2.3:8080',
  'sites.duplicate': '{origin} อยู่ในรายการแล้ว',
  'sites.denied':
    'ไม่ได้เพิ่ม {origin} เพราะไม่ได้รับอนุญาต ส่วนขยายอ่าน Token บนเว็บไซต์ที่ไม่ได้รับอนุญาตไม่ได้ — กด “เพิ่ม” อีกครั้งแล้วเลือก “อนุญาต”',
  'sites.addedOk': 'เพิ่ม {origin} แล้ว',
  'sites.removed': 'นำ {origin} ออกแล้ว และคืนสิทธิ์เข้าถึงแล้ว',
  'sites.removedPermissionKept': 'นำ {origin} ออกแล้ว แต่คืนสิทธิ์ไม่ได้: {reason}',
  'sites.syncReport': 'ลงทะเบียนการจับ Token แล้วบน: {origins}',
  'sites.browserRefused': 'เบราว์เซอร์ไม่ยอมคืนสิทธิ์',
  'sites.stillNeeded': 'สิทธิ์ของโฮสต์นี้ยังจำเป็นสำหรับ {others}',
  'sites.syncMissing': 'ยังไม่มีสิทธิ์สำหรับ: {origins}',
  'sites.syncFailed': 'ลงทะเบียนการจับ Token ไม่สำเร็จ: {reason}',
  'sites.grantDenied': 'ไม่ได้รับอนุญาตสำหรับ {origin}',
  'sites.grantedOk': 'ได้รับอนุญาตสำหรับ {origin} แล้ว',
} satisfies Record<string, string>;

export type OptionsStringKey = keyof typeof th;

const en: Record<OptionsStringKey, string> = {
  'page.title': 'Settings — Industry SSO token inspector',
  'page.loading': 'Reading the settings…',
  'page.loadFailed': 'Could not read the settings: {reason}',
  'language.label': 'Language',
  'language.saveFailed': 'Could not save the language: {reason}',

  'verification.heading': 'Verification service (DiwLoginChk)',
  'verification.intro':
    "The manual (§4) says an application that receives a token must verify it again with DIW's SOAP service, using the ClientID the system administrator assigned.",
  'field.wsdlUrl': 'WSDL URL',
  'field.wsdlUrl.hint': "The default is the manual's address (§4.1).",
  'field.clientId': 'ClientID',
  'field.clientId.hint': 'Stored on this PC only, never synced.',
  'field.clientId.saved': 'Saved: {masked}',
  'field.clientId.none': 'No ClientID saved yet.',
  'field.timeout': 'Timeout (seconds)',
  'field.timeout.hint': '1–120 seconds; default 10.',
  'field.autoVerify': 'Verify automatically on capture',
  'field.autoVerifyOverPlainHttp':
    'Verify automatically over this unencrypted http address too: every captured token (with its national ID number) and the ClientID will be sent to it unencrypted, as soon as it is captured, without a click.',
  'field.endpoint': 'Service address (endpoint)',
  'field.namespace': 'Namespace',
  'field.port': 'Service port',
  'field.port.hint': 'This WSDL offers several ports, each with its own address, SOAP version and operations.',
  'field.operation': 'Operation that verifies',
  'field.soapAction': 'SOAPAction',
  'field.soapAction.hint': 'May be empty if the service needs none.',
  'field.soapVersion': 'SOAP version',
  'field.style': 'Style',
  'field.tokenParameter': 'Parameter that takes the token',
  'field.clientIdParameter': 'Parameter that takes the ClientID',

  'action.loadWsdl': 'Load WSDL',
  'action.manual': 'Enter by hand',
  'action.showClientId': 'Show the ClientID',
  'action.save': 'Save settings',
  'action.test': 'Test connection',
  'action.grant': 'Grant',
  'action.add': 'Add',
  'action.remove': 'Remove',

  'wsdl.heading': 'The service, as the WSDL describes it',
  'wsdl.endpoint': 'Service address',
  'wsdl.noEndpoint': '(the WSDL names none — type the service address)',
  'wsdl.namespace': 'Target namespace',
  'wsdl.operations': 'Operations and their input parameters',
  'wsdl.noParameters': '(no parameters)',
  'wsdl.plainHttp':
    'This WSDL was read over unencrypted http, so anyone on the path could have changed it: check that the service address above is the one DIW gave you before saving.',
  'wsdl.notes': 'Where the WSDL strays from the standards or contradicts itself',
  'mapping.heading': 'Operation and parameter mapping',
  'mapping.choose': '— choose —',
  'mapping.guess': 'guessed from the names — please check',
  'mapping.noGuess': 'The names gave no clear guess; please choose.',
  'mapping.editByHand': 'Edit the details by hand',
  'manual.heading': 'Service details (typed in)',
  'manual.intro': "For when the WSDL cannot be read. Take the values from the WSDL or ask DIW's system administrator.",
  'manual.savedIntro': "The saved details. Press “Load WSDL” to choose from the WSDL's operations.",
  'manual.notSetUp': 'The service is not set up yet: press “Load WSDL” or “Enter by hand”.',
  'manual.wsdlFailed': 'The WSDL could not be loaded: {reason}',

  'security.plainHttp':
    'This service address uses unencrypted http to a host other than this PC: every token verified (with its national ID number) and the ClientID cross the network unencrypted, anyone on the path can read them, and the answers can come from anyone on the path. If the service offers https, use an https:// address instead.',
  'security.autoVerifyHeldBack':
    'The service address uses unencrypted http, so automatic verification stays off for it unless you also tick the box below. You can still verify a token yourself from the popup.',

  'permission.granted': 'Allowed to reach {origin}.',
  'permission.missing': 'Not yet allowed to reach {origin}.',
  'permission.howTo':
    'Press “Grant” and choose Allow, or allow it yourself: in Firefox at about:addons → this extension → Permissions; in Chrome at chrome://extensions → Details → Site access.',

  'status.loadingWsdl': 'Reading the WSDL…',
  'status.wsdlLoaded': 'WSDL read: {count} operation(s) found.',
  'status.wsdlGuess': 'Preselected by a guess from the names: {operation}. Please check before saving.',
  'status.wsdlFailed': 'Could not load the WSDL: {reason}. You can type the service details below.',
  'status.wsdlNoPermission': 'Permission to read {origin} was not granted.',
  'status.saving': 'Saving…',
  'status.saved': 'Settings saved.',
  'status.savedPermissionGranted': 'Settings saved, and the extension may reach {origin}.',
  'status.saveFailed': 'Could not save: {reason}',
  'status.invalid': 'Not saved. Please correct: {fields}',
  'status.permissionDenied':
    'Settings saved, but permission to reach {origin} was not granted, so verification cannot reach the service until it is.',
  'status.permissionError': 'Could not ask for the permission: {reason}',

  'warning.noClientId': 'No ClientID: verification will not work until one is entered.',
  'warning.noNamespace': 'No namespace: most services need one.',
  'warning.plainHttp':
    'The service address uses unencrypted http: tokens and the ClientID cross the network unencrypted. Use https if the service offers it.',
  'warning.autoVerifyHeldBack':
    'Automatic verification will not run for this unencrypted http address unless you tick the box to allow it.',

  'error.httpUrl': 'Must be an address starting with http:// or https://.',
  'error.urlCredentials': 'Must not carry a user name or password (browsers refuse to call such an address).',
  'error.required': 'Required.',
  'error.xmlName':
    'Must be an XML name: a letter or _ first, then letters, digits, _, - or ., no spaces, not starting with xml.',
  'error.sameParameter': 'The token and the ClientID need different parameters.',
  'error.timeout': 'Must be a number from 1 to 120.',
  'error.tooLong': 'Too long: at most {max} characters.',

  'test.running': 'Testing…',
  'test.unsaved': 'The test uses the saved settings; changes not yet saved are not used.',
  'test.case1':
    'Service reachable, but it answered case 1 “{message}”, which a dummy token should never get: check the service.',
  'test.case2':
    'Service reachable, but it answered case 2 “{message}”, which a dummy token should never get: check the service.',
  'test.case3':
    'Service reachable; it answered case 3 “{message}” — expected for a dummy token, so the path works end to end.',
  'test.case4':
    "Service reachable, but it answered case 4 “{message}”: the service does not accept this ClientID. Check the ClientID with DIW's system administrator.",
  'test.unrecognised':
    "Service reachable, but its answer is none of the manual's four cases (Status: {status}, Message: {message}).",
  'test.failed': 'The test got no answer from the service: {detail}',
  'test.answeredBadly': "The service's address answered, but not with a DiwLoginChk answer: {detail}",
  'test.httpStatus': 'HTTP {status}',
  'test.fault': 'SOAP Fault {code}: {text}',
  'test.roundTrip': 'Round trip {ms} ms.',
  'test.endpoint': 'Called: {endpoint}',
  'test.error': 'Could not test: {reason}',
  'test.none': '(none)',

  'sites.heading': 'Capture sites',
  'sites.intro': 'The extension reads tokens on these sites only.',
  'sites.defaults': 'Built in (cannot be removed)',
  'sites.added': 'Added by you',
  'sites.noneAdded': 'No sites added yet.',
  'sites.granted': 'permission granted',
  'sites.notGranted': 'permission not granted',
  'sites.checking': 'checking permission…',
  'sites.firefoxNote':
    'Firefox lets the person decide on site access, even for the built-in sites: press “Grant” on any site not yet allowed.',
  'field.captureSite': 'Add a site (origin)',
  'field.captureSite.hint': 'For example http://10.1.2.3:8080',
  'sites.empty': 'Enter an origin first, e.g. http://10.1.2.3:8080.',
  'sites.invalid':
    '“{input}” is not a usable origin: it must start with http:// or https://, then a host and an optional port, e.g. http://10.1.2.3:8080.',
  'sites.duplicate': '{origin} is already in the list.',
  'sites.denied':
    '{origin} was not added: permission was not granted, and the extension cannot read tokens on a site it is not allowed on. Press “Add” again and choose Allow.',
  'sites.addedOk': '{origin} added.',
  'sites.removed': '{origin} removed, and its permission given back.',
  'sites.removedPermissionKept': '{origin} removed, but its permission could not be given back: {reason}',
  'sites.syncReport': 'Capture registered on: {origins}',
  'sites.browserRefused': 'the browser declined',
  'sites.stillNeeded': 'the same host is still needed by {others}',
  'sites.syncMissing': 'Still without permission: {origins}',
  'sites.syncFailed': 'Could not register capture: {reason}',
  'sites.grantDenied': 'Permission for {origin} was not granted.',
  'sites.grantedOk': 'Permission for {origin} granted.',
};

export const OPTIONS_STRINGS: Bilingual<OptionsStringKey> = { th, en };
