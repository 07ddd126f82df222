/**
 * Turns a DiwLoginChk outcome into findings a help-desk person can act on, in Thai and English:
 * what the manual's answer means (§4.2), what to do next, whether the Username and IDCard the
 * service returned are the token's own, and whether this PC's clock disagrees with the server's.
 */
import type { Finding, FindingCode, Localized, Severity } from '../finding';
import type { VerificationAnswer, VerificationResult } from './answer';
import { maskIdCard } from '../id-card';
import { redactText } from '../redact';
import { sortFindings } from '../sort-findings';
import { ANSWER_TEXTS, FAILURES } from './explain-texts';

export type VerificationOutcome = VerificationResult['outcome'];

export interface VerificationContext {
  /** Server `Date` − local clock (ms), when known. */
  clockSkewMs?: number | null;
}

/** Below this the `Date` header's one-second resolution and the round trip make skew noise. */
export const CLOCK_SKEW_THRESHOLD_MS = 60_000;

function finding(
  code: FindingCode,
  severity: Severity,
  title: Localized,
  detail: Localized,
  nextStep: Localized,
): Finding {
  return { code, severity, title, detail, nextStep };
}

function caseFinding(answer: VerificationAnswer): Finding {
  const said = answer.message === null ? '' : redactText(answer.message);
  const quoted = {
    th: `บริการตอบ Status=${String(answer.status)}, Message="${said}"`,
    en: `The service answered Status=${String(answer.status)}, Message="${said}"`,
  };
  const text = ANSWER_TEXTS[answer.manualCase ?? 'unrecognised'] ?? ANSWER_TEXTS.unrecognised;
  return finding(text.code, text.severity, text.title, text.detail(quoted), text.nextStep);
}

/** Status should be true exactly for case 1; anything else means the reading may be wrong. */
function statusContradiction(answer: VerificationAnswer): Finding | null {
  if (answer.manualCase === null || answer.status === null) return null;
  if ((answer.manualCase === 1) === answer.status) return null;
  return finding(
    'verify-status-contradicts',
    'warning',
    { th: 'Status ขัดแย้งกับ Message', en: 'Status contradicts Message' },
    {
      th: `Status=${String(answer.status)} แต่ Message ตรงกับกรณีที่ ${answer.manualCase} ซึ่ง${answer.manualCase === 1 ? 'ควรเป็น true' : 'ไม่ควรเป็น true'}`,
      en: `Status=${String(answer.status)}, but Message is case ${answer.manualCase}, where Status should be ${answer.manualCase === 1 ? 'true' : 'false'}.`,
    },
    {
      th: 'ถือผลตาม Message ไว้ก่อน และแจ้งผู้ดูแลระบบของ กรอ. ว่าคำตอบขัดแย้งกันเอง',
      en: 'Go by the Message for now, and tell the DIW administrator that the answer contradicts itself.',
    },
  );
}

const digitsOnly = (value: string) => value.replace(/[\s-]/g, '');

function comparisonFindings(
  answer: VerificationAnswer,
  claims: { username?: unknown; idcard?: unknown } | null,
): Finding[] {
  if (!claims) return [];
  const findings: Finding[] = [];
  const claimedUser = typeof claims.username === 'string' ? claims.username.trim() : null;
  if (
    answer.username !== null &&
    claimedUser !== null &&
    answer.username.trim().toLowerCase() !== claimedUser.toLowerCase()
  ) {
    findings.push(
      finding(
        'verify-username-differs',
        'error',
        { th: 'Username ที่บริการตอบไม่ตรงกับในโทเค็น', en: 'The returned Username differs from the token’s' },
        {
          th: `บริการตอบ Username "${answer.username}" แต่โทเค็นมี username "${claimedUser}"`,
          en: `The service returned Username "${answer.username}", but the token says username "${claimedUser}".`,
        },
        {
          th: 'อาจเป็นโทเค็นของผู้ใช้อื่นหรือบัญชีถูกเปลี่ยนชื่อ ให้ผู้ใช้เข้าสู่ระบบใหม่ หากยังไม่ตรงกัน แจ้งผู้ดูแลระบบของ กรอ. พร้อมรายงานนี้',
          en: 'It may be another user’s token, or the account was renamed. Have the user log in again; if they still differ, send this report to the DIW administrator.',
        },
      ),
    );
  }
  const claimedId =
    typeof claims.idcard === 'string' || typeof claims.idcard === 'number' ? String(claims.idcard).trim() : null;
  if (answer.idCard !== null && claimedId !== null && digitsOnly(answer.idCard) !== digitsOnly(claimedId)) {
    // Personal data: only masked forms appear in the text.
    const returned = maskIdCard(answer.idCard);
    const inToken = maskIdCard(claimedId);
    // Masks show only the last digits; say so when the difference is in the hidden ones.
    const hidden =
      returned === inToken
        ? { th: ' (ต่างกันในหลักที่ถูกปิดไว้)', en: ' (they differ in the hidden digits)' }
        : { th: '', en: '' };
    findings.push(
      finding(
        'verify-idcard-differs',
        'error',
        { th: 'เลขบัตรประชาชนที่บริการตอบไม่ตรงกับในโทเค็น', en: 'The returned IDCard differs from the token’s' },
        {
          th: `บริการตอบ IDCard ${returned} แต่โทเค็นมี idcard ${inToken}${hidden.th}`,
          en: `The service returned IDCard ${returned}, but the token says idcard ${inToken}${hidden.en}.`,
        },
        {
          th: 'ห้ามใช้โทเค็นนี้ระบุตัวบุคคล ให้ผู้ใช้เข้าสู่ระบบใหม่ และแจ้งผู้ดูแลระบบของ กรอ. เพื่อตรวจสอบข้อมูลบัญชี',
          en: 'Do not use this token to identify the person. Have the user log in again, and ask the DIW administrator to check the account’s data.',
        },
      ),
    );
  }
  return findings;
}

function failureFinding(outcome: Extract<VerificationOutcome, { kind: 'failed' }>): Finding {
  const entry = FAILURES[outcome.code];
  const facts = [
    outcome.httpStatus !== undefined ? `HTTP ${outcome.httpStatus}` : '',
    outcome.faultCode ? `faultcode ${outcome.faultCode}` : '',
    outcome.faultString ? `faultstring "${outcome.faultString}"` : '',
  ].filter(Boolean);
  const technical = redactText([...facts, outcome.detail].filter(Boolean).join('; '));
  return finding(
    `verify-${outcome.code}`,
    entry.severity,
    entry.title,
    {
      th: `${entry.meaning.th}${technical ? ` — รายละเอียดทางเทคนิค: ${technical}` : ''}`,
      en: `${entry.meaning.en}${technical ? ` — Technical detail: ${technical}` : ''}`,
    },
    entry.nextStep,
  );
}

function formatDuration(ms: number): { th: string; en: string } {
  const totalSeconds = Math.round(Math.abs(ms) / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const th = [
    hours ? `${hours} ชั่วโมง` : '',
    minutes ? `${minutes} นาที` : '',
    seconds || (!hours && !minutes) ? `${seconds} วินาที` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const en = [
    hours ? `${hours} h` : '',
    minutes ? `${minutes} min` : '',
    seconds || (!hours && !minutes) ? `${seconds} s` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return { th, en };
}

/**
 * The popup counts a token's remaining life with this PC's clock, while the service judges
 * expiry with its own. When they disagree by more than a minute, the countdown is off by as much.
 */
export function clockSkewFinding(clockSkewMs: number | null | undefined): Finding | null {
  if (
    clockSkewMs === null ||
    clockSkewMs === undefined ||
    !Number.isFinite(clockSkewMs) ||
    Math.abs(clockSkewMs) <= CLOCK_SKEW_THRESHOLD_MS
  )
    return null;
  const amount = formatDuration(clockSkewMs);
  const pcBehind = clockSkewMs > 0;
  return finding(
    'clock-skew',
    'warning',
    { th: 'นาฬิกาของเครื่องนี้ไม่ตรงกับเซิร์ฟเวอร์', en: 'This PC’s clock disagrees with the server’s' },
    pcBehind
      ? {
          th: `นาฬิกาของเครื่องนี้ช้ากว่าเซิร์ฟเวอร์ประมาณ ${amount.th} (จากส่วนหัว Date ของคำตอบ) เวลาคงเหลือของโทเค็นที่แสดงจึงมากกว่าความจริงประมาณ ${amount.th}: บริการจะถือว่าโทเค็นหมดอายุก่อนที่การนับถอยหลังจะถึงศูนย์`,
          en: `This PC’s clock is about ${amount.en} behind the server’s (from the answer’s Date header). The lifetime shown is about ${amount.en} longer than it really is: the service will call the token expired before the countdown reaches zero.`,
        }
      : {
          th: `นาฬิกาของเครื่องนี้เร็วกว่าเซิร์ฟเวอร์ประมาณ ${amount.th} (จากส่วนหัว Date ของคำตอบ) เวลาคงเหลือของโทเค็นที่แสดงจึงน้อยกว่าความจริงประมาณ ${amount.th}: ส่วนขยายอาจแสดงว่าหมดอายุ ขณะที่บริการยังถือว่าใช้ได้`,
          en: `This PC’s clock is about ${amount.en} ahead of the server’s (from the answer’s Date header). The lifetime shown is about ${amount.en} shorter than it really is: the extension may show the token as expired while the service still accepts it.`,
        },
    {
      th: 'ตั้งเวลาของเครื่องให้ซิงค์อัตโนมัติ (Windows: การตั้งค่า › เวลาและภาษา › ซิงค์ตอนนี้) หากนาฬิกาเครื่องถูกต้องแล้ว แจ้งผู้ดูแลเซิร์ฟเวอร์',
      en: 'Set this PC’s clock to synchronise automatically (Windows: Settings › Time & language › Sync now). If this PC’s clock is right, tell the server’s administrator.',
    },
  );
}

/**
 * Every finding about one verification, most important first. `tokenClaims` are the token's
 * `username` and `idcard` as decoded (null when the token could not be read).
 */
export function explainVerification(
  outcome: VerificationOutcome,
  tokenClaims: { username?: unknown; idcard?: unknown } | null,
  context: VerificationContext = {},
): Finding[] {
  const findings: Finding[] = [];
  if (outcome.kind === 'answered') {
    findings.push(caseFinding(outcome.answer));
    const contradiction = statusContradiction(outcome.answer);
    if (contradiction) findings.push(contradiction);
    findings.push(...comparisonFindings(outcome.answer, tokenClaims));
  } else {
    findings.push(failureFinding(outcome));
  }
  const skew = clockSkewFinding(context.clockSkewMs);
  if (skew) findings.push(skew);
  return sortFindings(findings);
}

/**
 * What "Test connection" found. It sends a token no one issued, so the expected answer is
 * case 3 (not genuine) — which also proves the ClientID was accepted, because the service checks
 * the ClientID first (case 4 otherwise).
 */
export function explainTestConnection(outcome: VerificationOutcome, context: VerificationContext = {}): Finding[] {
  if (outcome.kind === 'failed') return explainVerification(outcome, null, context);
  const { answer } = outcome;
  const said = redactText(answer.message ?? '');
  const findings: Finding[] = [];
  if (answer.manualCase === 3) {
    findings.push(
      finding(
        'test-connection-ok',
        'info',
        { th: 'เชื่อมต่อบริการได้ และ ClientID ใช้ได้', en: 'The service is reachable and the ClientID is accepted' },
        {
          th: `ส่งโทเค็นทดสอบที่ไม่มีใครออกให้ บริการตอบ "${said}" (กรณีที่ 3 โทเค็นไม่ถูกต้อง) ตามที่คาดไว้ จึงแสดงว่าบริการยอมรับ ClientID`,
          en: `A test token no one issued was sent; the service answered "${said}" (case 3, not genuine) as expected, which shows it accepted the ClientID.`,
        },
        { th: 'พร้อมใช้งาน ลองตรวจสอบโทเค็นจริงจากหน้าต่างป๊อปอัป', en: 'Ready. Try verifying a real token from the popup.' },
      ),
    );
  } else {
    findings.push(
      finding(
        'test-connection-reachable',
        'info',
        { th: 'เชื่อมต่อบริการได้', en: 'The service is reachable' },
        {
          th: `ส่งโทเค็นทดสอบแล้ว บริการตอบ Status=${String(answer.status)}, Message="${said}"`,
          en: `A test token was sent; the service answered Status=${String(answer.status)}, Message="${said}".`,
        },
        { th: 'ดูรายการถัดไปเพื่อทราบความหมายของคำตอบ', en: 'See the next findings for what the answer means.' },
      ),
    );
    if (answer.manualCase === 1 || answer.manualCase === 2) {
      findings.push(
        finding(
          'test-connection-dummy-accepted',
          'warning',
          { th: 'บริการยอมรับโทเค็นทดสอบ', en: 'The service accepted a test token' },
          {
            th: `โทเค็นทดสอบไม่ได้ออกโดย Industry SSO แต่บริการตอบกรณีที่ ${answer.manualCase} ซึ่งไม่ควรเกิดขึ้น`,
            en: `The test token was not issued by Industry SSO, yet the service answered case ${answer.manualCase}, which should not happen.`,
          },
          {
            th: 'ตรวจสอบว่าที่อยู่ในหน้าตั้งค่าชี้ไปที่บริการ DiwLoginChk จริง ไม่ใช่บริการทดสอบ',
            en: 'Check that the address on the options page points at the real DiwLoginChk, not a test stub.',
          },
        ),
      );
    } else {
      findings.push(caseFinding(answer));
    }
  }
  const skew = clockSkewFinding(context.clockSkewMs);
  if (skew) findings.push(skew);
  return sortFindings(findings);
}
