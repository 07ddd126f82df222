/**
 * What a token's times mean to a help-desk person: expired or not yet valid, a lifetime other
 * than the manual's, missing or non-standard time claims. Reading the times is time.ts's.
 */
import type { Finding, Localized } from './finding';
import { boundedJson } from './bounded-json';
import { revealHiddenCharacters } from './reveal-hidden-characters';
import { formatDuration, formatIsoUtc, formatThaiDateTime } from './time-format';
import { LIFETIME_TOLERANCE_MS, MANUAL_LIFETIME_MS, type TimeForm, type TimeReading, type TokenTimes } from './time';

/** "24 พ.ย. 2569 15:08:39 (เวลาประเทศไทย)" / "2026-11-24T08:08:39Z". */
function instant(epochMs: number): Localized {
  return {
    th: `${formatThaiDateTime(epochMs)} (เวลาประเทศไทย)`,
    en: `${formatIsoUtc(epochMs)} (${formatThaiDateTime(epochMs)} Bangkok, BE)`,
  };
}

function duration(ms: number): Localized {
  return { th: formatDuration(ms, 'th'), en: formatDuration(ms, 'en') };
}

const CLAIM_WORDS: Record<TimeReading['claim'], Localized> = {
  exp: { th: 'เวลาหมดอายุ (exp)', en: 'expiry time (exp)' },
  nbf: { th: 'เวลาสร้าง (nbf)', en: 'creation time (nbf)' },
  iat: { th: 'เวลาออก (iat)', en: 'issued-at time (iat)' },
};

const FORM_WORDS: Record<TimeForm, Localized> = {
  missing: { th: 'ไม่มีค่า', en: 'missing' },
  'numeric-seconds': { th: 'ตัวเลขวินาที (ตามมาตรฐาน)', en: 'numeric seconds (standard)' },
  'numeric-milliseconds': { th: 'ตัวเลขมิลลิวินาที', en: 'numeric milliseconds' },
  'numeric-string': { th: 'ตัวเลขในรูปข้อความ', en: 'a number written as a string' },
  'date-string': { th: 'วันที่ในรูปข้อความ', en: 'a date written as a string' },
  invalid: { th: 'อ่านไม่ได้', en: 'unreadable' },
};

const ASK_ISSUER_FOR_SECONDS: Localized = {
  th: 'แจ้งผู้ดูแลระบบ SSO ว่าควรส่งเวลาเป็นตัวเลขวินาทีตาม RFC 7519 ระบบงานที่ใช้ไลบรารี JWT มาตรฐานอาจอ่านเวลานี้ผิด',
  en: 'Tell the SSO administrators the time should be a number of seconds (RFC 7519 NumericDate): applications using standard JWT libraries may misread it.',
};

function readingFindings(time: TimeReading): Finding[] {
  const words = CLAIM_WORDS[time.claim];
  if (time.form === 'missing') {
    if (time.claim === 'iat') return []; // not one of the manual's claims
    return [
      {
        code: `${time.claim}-missing`,
        severity: time.claim === 'exp' ? 'warning' : 'info',
        title: { th: `โทเค็นไม่มี${words.th}`, en: `The token has no ${words.en}` },
        detail: {
          th: `คู่มือระบุว่าโทเค็นมี ${time.claim} แต่โทเค็นนี้ไม่มี${time.claim === 'exp' ? ' จึงบอกไม่ได้ว่าหมดอายุเมื่อใด' : ''}`,
          en: `The manual lists ${time.claim}, but this token has none${time.claim === 'exp' ? ', so when it expires cannot be told' : ''}.`,
        },
        nextStep: {
          th: 'ตรวจสอบกับบริการ DiwLoginChk และแจ้งผู้ดูแลระบบ SSO ว่าโทเค็นขาดค่านี้',
          en: 'Check the token with the DiwLoginChk service, and tell the SSO administrators the claim is missing.',
        },
      },
    ];
  }
  if (time.form === 'invalid') {
    return [
      {
        code: `${time.claim}-unreadable`,
        severity: time.claim === 'iat' ? 'info' : 'warning',
        title: { th: `อ่าน${words.th}ไม่ได้`, en: `The ${words.en} cannot be read` },
        detail: {
          th: `ค่า ${time.claim} คือ ${previewValue(time.raw)} ซึ่งไม่ใช่เวลาที่อ่านได้`,
          en: `${time.claim} is ${previewValue(time.raw)}, which is not a readable time.`,
        },
        nextStep: ASK_ISSUER_FOR_SECONDS,
      },
    ];
  }
  if (time.form !== 'numeric-seconds') {
    const form = FORM_WORDS[time.form];
    return [
      {
        code: `${time.claim}-nonstandard-form`,
        severity: time.claim === 'iat' ? 'info' : 'warning',
        title: { th: `${words.th} ไม่ได้อยู่ในรูปแบบมาตรฐาน`, en: `The ${words.en} is not in the standard form` },
        detail: {
          th: `${time.claim} เป็น${form.th} (${previewValue(time.raw)}) ไม่ใช่ตัวเลขวินาทีตาม RFC 7519 อ่านได้เป็น ${instant(time.epochMs!).th}`,
          en: `${time.claim} is ${form.en} (${previewValue(time.raw)}), not RFC 7519 seconds. Read as ${instant(time.epochMs!).en}.`,
        },
        nextStep: ASK_ISSUER_FOR_SECONDS,
      },
    ];
  }
  return [];
}

/**
 * A short rendering of a claim's raw value for a message: bounded, because the value comes
 * from the token and may be nested thousands deep, and with hidden characters made visible.
 */
function previewValue(raw: unknown): string {
  const preview = boundedJson(raw, { indent: 0, maxDepth: 4, maxCharacters: 40, mapString: revealHiddenCharacters });
  return preview.omittedCharacters > 0 ? `${preview.text}…` : preview.text;
}

/**
 * What a help-desk person should know about the token's times: expired or not yet valid, a
 * lifetime other than the manual's 65 minutes, and missing or non-standard time claims.
 */
export function timeFindings(times: TokenTimes): Finding[] {
  const findings: Finding[] = [];
  const { exp, nbf } = times;
  if (times.state === 'expired' && exp.epochMs !== null && times.remainingMs !== null) {
    const when = instant(exp.epochMs);
    const ago = duration(-times.remainingMs);
    findings.push({
      code: 'token-expired',
      severity: 'error',
      title: { th: 'โทเค็นหมดอายุแล้ว', en: 'The token has expired' },
      detail: { th: `หมดอายุเมื่อ ${when.th} ผ่านมาแล้ว ${ago.th}`, en: `It expired at ${when.en}, ${ago.en} ago.` },
      nextStep: {
        th: 'ให้ผู้ใช้ล็อกอินใหม่ผ่าน Industry SSO เพื่อรับโทเค็นใหม่ โทเค็นมีอายุ 1 ชม. 5 นาที ระบบงานต้องใช้โทเค็นภายในเวลานั้น',
        en: 'Ask the user to log in again through the Industry SSO to get a new token. A token lives 1 h 5 min; the application must use it within that time.',
      },
    });
  }
  if (times.state === 'not-yet-valid' && nbf.epochMs !== null) {
    const when = instant(nbf.epochMs);
    const nowMs = exp.epochMs !== null && times.remainingMs !== null ? exp.epochMs - times.remainingMs : null;
    const wait = nowMs === null ? null : duration(nbf.epochMs - nowMs);
    findings.push({
      code: 'token-not-yet-valid',
      severity: 'error',
      title: { th: 'โทเค็นยังไม่ถึงเวลาใช้งาน', en: 'The token is not valid yet' },
      detail: {
        th: `ใช้ได้ตั้งแต่ ${when.th}${wait ? ` อีก ${wait.th}` : ''} มักเกิดจากนาฬิกาของเครื่องนี้หรือของเซิร์ฟเวอร์ไม่ตรงกัน`,
        en: `It is valid from ${when.en}${wait ? `, in ${wait.en}` : ''}. This usually means this PC's clock or the server's is wrong.`,
      },
      nextStep: {
        th: 'ตรวจนาฬิกาของเครื่องผู้ใช้และเซิร์ฟเวอร์ให้ตรงกับเวลามาตรฐาน (ตั้งค่าเวลาอัตโนมัติ) แล้วลองล็อกอินใหม่',
        en: "Check that the user's PC clock and the server's clock are right (automatic time), then log in again.",
      },
    });
  }
  findings.push(...readingFindings(exp), ...readingFindings(nbf), ...readingFindings(times.iat));
  if (times.lifetimeMs !== null) {
    if (times.lifetimeMs <= 0) {
      findings.push({
        code: 'lifetime-negative',
        severity: 'error',
        title: { th: 'เวลาหมดอายุไม่ได้อยู่หลังเวลาสร้าง', en: 'The expiry is not after the creation time' },
        detail: {
          th: `exp − nbf = ${duration(times.lifetimeMs).th} โทเค็นนี้ไม่มีช่วงเวลาที่ใช้ได้เลย`,
          en: `exp − nbf = ${duration(times.lifetimeMs).en}: the token is never valid.`,
        },
        nextStep: {
          th: 'แจ้งผู้ดูแลระบบ SSO พร้อมรายงานนี้ โทเค็นถูกออกมาผิดพลาด',
          en: 'Send this report to the SSO administrators: the token was issued wrongly.',
        },
      });
    } else if (Math.abs(times.lifetimeMs - MANUAL_LIFETIME_MS) > LIFETIME_TOLERANCE_MS) {
      findings.push({
        code: 'lifetime-not-manual',
        severity: 'info',
        title: { th: 'อายุโทเค็นไม่ตรงกับคู่มือ', en: "The token's lifetime is not the manual's" },
        detail: {
          th: `exp − nbf = ${duration(times.lifetimeMs).th} แต่คู่มือระบุ 1 ชม. 5 นาที`,
          en: `exp − nbf = ${duration(times.lifetimeMs).en}, but the manual says 1 h 5 min.`,
        },
        nextStep: {
          th: 'ไม่ต้องแก้ไขหากโทเค็นยังใช้ได้ แต่ถ้าโทเค็นหมดอายุเร็วหรือช้าผิดปกติ ให้แจ้งผู้ดูแลระบบ SSO',
          en: 'Nothing to do while the token works; if tokens expire unexpectedly early or late, tell the SSO administrators.',
        },
      });
    }
  }
  return findings;
}
