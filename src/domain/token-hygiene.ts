/**
 * How the application treated the token it received, for the integrator who wires it to the SSO:
 * where the token travelled (from the login timeline's hops) and what the callback page did with
 * it (from a report the page itself gives at idle). Each rule below says why it matters; none of
 * them is the SSO's fault, so each next step is addressed to the application's developers.
 *
 * The facts are kept on the capture (`TokenHygiene`); the findings are drawn from them when shown,
 * because one of them depends on what DiwLoginChk said, which can change after the facts arrive.
 */
import type { Finding } from './finding';
import type { VerificationResult } from './soap/answer';

/** Where on one hop the token travelled. */
export type TokenPlace = 'query' | 'fragment' | 'location' | 'form';

/** One hop that carried the token, as the timeline saw it (the URL already stripped of tokens). */
export interface TokenHopFacts {
  places: TokenPlace[];
  /** The hop's URL with every token replaced by `[token]`. */
  url: string;
  /** null while the hop is under way, or when it failed before an answer. */
  status: number | null;
}

/** What the callback page reported at idle, once checked against the tab by the background. */
export interface PageHygieneFacts {
  /** The page's own origin (its URL still held the token when it was read). */
  pageOrigin: string;
  /** `document.referrerPolicy` as the page gave it; '' is the browser's default. */
  referrerPolicy: ReferrerPolicyName;
  /** Origins other than the page's own that the page loaded resources from. */
  resourceOrigins: string[];
}

/** What is known about one captured token's handling; every part is optional. */
export interface TokenHygiene {
  hops?: TokenHopFacts[];
  page?: PageHygieneFacts;
}

/** The values `document.referrerPolicy` can take (Referrer Policy §3); '' is the default. */
export const REFERRER_POLICIES = [
  '',
  'no-referrer',
  'no-referrer-when-downgrade',
  'same-origin',
  'origin',
  'strict-origin',
  'origin-when-cross-origin',
  'strict-origin-when-cross-origin',
  'unsafe-url',
] as const;
export type ReferrerPolicyName = (typeof REFERRER_POLICIES)[number];

/** The legacy keywords a `<meta name="referrer">` may still use (HTML, "Standard metadata names"). */
const LEGACY_META_POLICIES: Record<string, ReferrerPolicyName> = {
  never: 'no-referrer',
  default: 'strict-origin-when-cross-origin',
  always: 'unsafe-url',
  'origin-when-crossorigin': 'origin-when-cross-origin',
};

/** A policy is a short keyword; a longer value is not read. */
const MAX_POLICY_TEXT = 256;

/**
 * A referrer policy as a `<meta>` or a Referrer-Policy header writes it: a comma-separated list
 * whose last known value counts (Referrer Policy §4.1), legacy meta keywords included. null when
 * it names none, which leaves the policy as it was.
 */
export function readReferrerPolicy(text: unknown): ReferrerPolicyName | null {
  if (typeof text !== 'string' || text.length > MAX_POLICY_TEXT) return null;
  let policy: ReferrerPolicyName | null = null;
  for (const part of text.split(',')) {
    const word = part.trim().toLowerCase();
    if (word === '') continue;
    if ((REFERRER_POLICIES as readonly string[]).includes(word)) policy = word as ReferrerPolicyName;
    else if (Object.hasOwn(LEGACY_META_POLICIES, word)) policy = LEGACY_META_POLICIES[word]!;
  }
  return policy;
}

/** The page reports a bounded list: more origins than this say nothing more to an integrator. */
export const MAX_RESOURCE_ORIGINS = 10;
/** Far longer than any origin; a longer string is not one and is not parsed. */
const MAX_ORIGIN_LENGTH = 256;
/** How many of the page's entries are looked at before the list is cut. */
const MAX_ENTRIES_READ = 200;

/** The origin of an http(s) URL, or null. */
function httpOrigin(text: string): string | null {
  if (text.length > MAX_ORIGIN_LENGTH * 8) return null;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

/**
 * What a callback page sent about itself, read as hostile input (any script on a capture site
 * can send it): the referrer policy its `<meta>` sets (else `headerPolicy`, the Referrer-Policy
 * header the browser saw, else the default ''), and at most MAX_RESOURCE_ORIGINS http(s) origins
 * other than `pageOrigin`, each a real origin. Anything else is dropped; a report that is not an
 * object gives null.
 */
export function readPageHygieneReport(
  report: unknown,
  pageOrigin: string,
  headerPolicy: string | null = null,
): PageHygieneFacts | null {
  if (typeof report !== 'object' || report === null) return null;
  const { referrerPolicy, resourceOrigins } = report as { referrerPolicy?: unknown; resourceOrigins?: unknown };
  const policy = readReferrerPolicy(referrerPolicy) ?? readReferrerPolicy(headerPolicy) ?? '';
  const origins = new Set<string>();
  if (Array.isArray(resourceOrigins)) {
    for (const entry of resourceOrigins.slice(0, MAX_ENTRIES_READ)) {
      if (origins.size >= MAX_RESOURCE_ORIGINS) break;
      if (typeof entry !== 'string' || entry.length > MAX_ORIGIN_LENGTH) continue;
      const origin = httpOrigin(entry);
      if (origin !== null && origin !== pageOrigin) origins.add(origin);
    }
  }
  return { pageOrigin, referrerPolicy: policy, resourceOrigins: [...origins] };
}

/**
 * Whether a request from a page at `pageOrigin` to `resourceOrigin` carries the page's whole URL
 * (query and all) in its Referer, under `policy` (Referrer Policy §8.3). `unsafe-url` always
 * does; `no-referrer-when-downgrade` does unless an https page loads from http. Every other
 * policy, and the default (`strict-origin-when-cross-origin`), sends at most the origin to
 * another origin.
 */
export function sendsFullUrlTo(policy: ReferrerPolicyName, pageOrigin: string, resourceOrigin: string): boolean {
  if (resourceOrigin === pageOrigin) return false;
  if (policy === 'unsafe-url') return true;
  if (policy === 'no-referrer-when-downgrade')
    return !(pageOrigin.startsWith('https:') && resourceOrigin.startsWith('http:'));
  return false;
}

/** RFC 6761 §6.3 and RFC 5735: names and addresses that never leave this machine. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '::1' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
  );
}

function plainHttpHost(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' && !isLoopbackHost(parsed.hostname) ? parsed.host : null;
  } catch {
    return null;
  }
}

/** Places where the token left the browser in the request or response itself (a #fragment never does). */
const ON_THE_WIRE: readonly TokenPlace[] = ['query', 'form', 'location'];
/** Places where the application's server received the token in the request. */
const DELIVERED: readonly TokenPlace[] = ['query', 'form'];

function tokenLeftInUrl(page: PageHygieneFacts): Finding {
  return {
    code: 'app-token-left-in-url',
    severity: 'warning',
    title: { th: 'โทเค็นยังค้างอยู่ในแถบที่อยู่', en: 'The token is left in the address bar' },
    detail: {
      th: `หน้า ${page.pageOrigin} โหลดเสร็จแล้วแต่ URL ยังมีโทเค็นอยู่ จึงไปอยู่ในประวัติการท่องเว็บ บุ๊กมาร์ก ลิงก์ที่คัดลอกต่อ และภาพหน้าจอที่แชร์`,
      en: `The page at ${page.pageOrigin} finished loading with the token still in its URL, so it ends up in history, bookmarks, copied links and shared screens.`,
    },
    nextStep: {
      th: 'ผู้พัฒนาระบบงาน: เมื่ออ่านโทเค็นแล้วให้ลบออกจาก URL ด้วย history.replaceState หรือรับโทเค็นด้วย form POST แทน',
      en: "The application's developers: once the page has read the token, remove it from the URL with history.replaceState, or receive the token by form POST instead.",
    },
  };
}

function tokenInQuery(hop: TokenHopFacts): Finding {
  return {
    code: 'app-token-in-query',
    severity: 'warning',
    title: { th: 'โทเค็นถูกส่งใน query string', en: 'The token travels in a query string' },
    detail: {
      th: `โทเค็นถูกส่งไปใน query ของ ${hop.url} ซึ่งถูกบันทึกใน access log ของเซิร์ฟเวอร์และ proxy ระหว่างทาง ส่วน #fragment หรือ form POST ไม่ถูกบันทึกแบบนั้น`,
      en: `The token was sent in the query of ${hop.url}, which server access logs and proxies on the way record; a #fragment or a form POST is not recorded that way.`,
    },
    nextStep: {
      th: 'ผู้พัฒนาระบบงาน: ขอรับโทเค็นด้วย form POST หรือใน #fragment และตรวจว่า log ของเซิร์ฟเวอร์ไม่เก็บโทเค็นไว้',
      en: "The application's developers: receive the token by form POST or in the #fragment, and check that the server's logs do not keep it.",
    },
  };
}

function tokenOverHttp(host: string): Finding {
  return {
    code: 'app-token-over-http',
    severity: 'error',
    title: { th: 'โทเค็นถูกส่งผ่าน HTTP ที่ไม่เข้ารหัส', en: 'The token is sent over plain HTTP' },
    detail: {
      th: `โทเค็นถูกส่งไปยัง ${host} ผ่าน http:// ใครก็ตามในเครือข่ายระหว่างทางอ่านและนำไปใช้เข้าสู่ระบบแทนได้`,
      en: `The token was sent to ${host} over http://: anyone on the network in between can read it and log in with it.`,
    },
    nextStep: {
      th: 'ผู้พัฒนาระบบงาน: ใช้ https:// สำหรับ callback และลงทะเบียน callback URL กับ SSO ใหม่เป็น https',
      en: "The application's developers: serve the callback over https:// and register the https callback URL with the SSO.",
    },
  };
}

function tokenToOtherOrigins(page: PageHygieneFacts, origins: string[]): Finding {
  const list = origins.join(', ');
  const policy = page.referrerPolicy;
  return {
    code: 'app-token-to-other-origins',
    severity: 'error',
    title: { th: 'โทเค็นรั่วไปยังเว็บไซต์อื่นทาง Referer', en: 'The token leaks to other sites in the Referer' },
    detail: {
      th: `หน้า ${page.pageOrigin} โหลดไฟล์จาก ${list} ขณะที่ URL ยังมีโทเค็น และนโยบาย referrer (${policy}) ส่ง URL เต็มไปด้วย เว็บไซต์เหล่านั้นจึงได้รับโทเค็น`,
      en: `The page at ${page.pageOrigin} loaded resources from ${list} while its URL held the token, and its referrer policy (${policy}) sends the full URL, so those sites received the token.`,
    },
    nextStep: {
      th: 'ผู้พัฒนาระบบงาน: ลบโทเค็นออกจาก URL ก่อนโหลดไฟล์อื่น และตั้ง referrer policy เป็น strict-origin-when-cross-origin หรือ no-referrer',
      en: "The application's developers: remove the token from the URL before loading anything else, and set the referrer policy to strict-origin-when-cross-origin or no-referrer.",
    },
  };
}

function callbackError(hop: TokenHopFacts): Finding {
  return {
    code: 'app-callback-error',
    severity: 'warning',
    title: { th: 'ระบบงานตอบข้อผิดพลาดทั้งที่โทเค็นถูกต้อง', en: 'The application answered an error to a valid token' },
    detail: {
      th: `${hop.url} ตอบ HTTP ${hop.status} หลังได้รับโทเค็น ซึ่ง DiwLoginChk ยืนยันว่าถูกต้องและยังไม่หมดอายุ ปัญหาอยู่ที่ฝั่งระบบงาน ไม่ใช่ SSO`,
      en: `${hop.url} answered HTTP ${hop.status} after receiving the token, which DiwLoginChk confirms is genuine and not expired: the fault is on the application's side, not the SSO's.`,
    },
    nextStep: {
      th: 'ผู้พัฒนาระบบงาน: ดู log ของระบบงานที่เวลาเดียวกับการเข้าสู่ระบบนี้ และตรวจโค้ดที่รับโทเค็นใน callback',
      en: "The application's developers: read the application's log at the time of this login, and check the code that takes the token in the callback.",
    },
  };
}

/** Is `verification` DiwLoginChk's case 1: the token is genuine and not expired? */
function verifiedValid(verification: VerificationResult | null | undefined): boolean {
  return verification?.outcome.kind === 'answered' && verification.outcome.answer.manualCase === 1;
}

/**
 * What the application did wrong with the token, from what is known of its handling. At most one
 * finding per code: the first hop that shows a problem is the one named.
 */
export function hygieneFindings(
  hygiene: TokenHygiene | undefined,
  verification: VerificationResult | null | undefined,
): Finding[] {
  if (!hygiene) return [];
  const findings: Finding[] = [];
  const hops = Array.isArray(hygiene.hops) ? hygiene.hops : [];
  const { page } = hygiene;
  if (page) findings.push(tokenLeftInUrl(page));
  const inQuery = hops.find((hop) => hop.places.includes('query'));
  if (inQuery) findings.push(tokenInQuery(inQuery));
  for (const hop of hops) {
    const host = hop.places.some((place) => ON_THE_WIRE.includes(place)) ? plainHttpHost(hop.url) : null;
    if (host !== null) {
      findings.push(tokenOverHttp(host));
      break;
    }
  }
  if (page) {
    const leakedTo = page.resourceOrigins.filter((origin) =>
      sendsFullUrlTo(page.referrerPolicy, page.pageOrigin, origin),
    );
    if (leakedTo.length > 0) findings.push(tokenToOtherOrigins(page, leakedTo));
  }
  const failed = hops.find(
    (hop) => hop.status !== null && hop.status >= 400 && hop.places.some((place) => DELIVERED.includes(place)),
  );
  if (failed && verifiedValid(verification)) findings.push(callbackError(failed));
  return findings;
}
