/**
 * Asks the configured DiwLoginChk service about a token (manual §4) and explains the answer.
 * A service with its dependencies handed in — fetch, the clock, the permission check — and no
 * module state, so it can be tested against real servers on loopback and survives an MV3
 * worker being stopped between calls.
 */
import type { Localized, VerificationResult, WsdlDescription } from '../domain/types';
import { buildSoapRequest, isXmlName } from '../domain/soap/envelope';
import { MAX_ANSWER_BYTES, readSoapAnswer } from '../domain/soap/answer';
import { redactText, redactVerificationResult } from '../domain/redact';
import { parseWsdl, referencedDocuments } from '../domain/soap/wsdl';
import { explainTestConnection, explainVerification, type VerificationOutcome } from '../domain/soap/explain';
import type { ActionResult } from '../shared/messages';
import type { VerificationSettings } from '../shared/settings';

export interface VerifierDeps {
  fetch: typeof fetch;
  now: () => number;
  /** Whether the extension may reach this URL's origin (host permission). */
  hasHostPermission: (url: string) => Promise<boolean>;
  /**
   * The browser's own name for why a request to `url` made since `since` failed
   * (`webRequest.onErrorOccurred`, see network-errors.ts), or null. Absent in Node.
   */
  browserNetworkError?: (url: string, since: number) => Promise<string | null>;
}

export type TokenClaimsForComparison = { username?: unknown; idcard?: unknown } | null;

export interface Verifier {
  verify(token: string, settings: VerificationSettings, tokenClaims: TokenClaimsForComparison): Promise<VerificationResult>;
  loadWsdl(url: string): Promise<ActionResult<WsdlDescription>>;
  testConnection(settings: VerificationSettings): Promise<VerificationResult>;
}

/** What testConnection sends: shaped like a JWT, genuine to no one. Expect case 3 (or 4). */
export const TEST_CONNECTION_TOKEN = 'dummy.test.token';

/** A WSDL and its schemas are bigger than an answer, but not this big. */
const MAX_WSDL_BYTES = 5 * 1024 * 1024;
const WSDL_TIMEOUT_MS = 15_000;
/** JAX-WS splits a WSDL into a few parts (?wsdl=1, ?xsd=1...); more than this is not a DiwAppChk. */
const MAX_WSDL_PARTS = 10;

type Failure = Extract<VerificationOutcome, { kind: 'failed' }>;
const failure = (code: Failure['code'], detail: string, extra: Partial<Failure> = {}): Failure => ({ kind: 'failed', code, detail, ...extra });

class TooLarge extends Error {}

/** Reads at most `maxBytes` of the body, stopping (and cancelling the download) beyond that. */
async function readCapped(response: Response, maxBytes: number): Promise<string> {
  const charset = /charset="?([\w-]+)"?/i.exec(response.headers.get('content-type') ?? '')?.[1] ?? 'utf-8';
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: string[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new TooLarge(`more than ${maxBytes} bytes`);
    }
    chunks.push(decoder.decode(value, { stream: true }));
  }
  chunks.push(decoder.decode());
  return chunks.join('');
}

function errorCode(error: unknown): string | undefined {
  // undici (Node) puts the system error in `cause`; with several addresses it is an AggregateError.
  const cause = (error as { cause?: { code?: unknown; errors?: Array<{ code?: unknown }> } } | null)?.cause;
  const code = cause?.code ?? cause?.errors?.[0]?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * A failed connection named by the browser through webRequest: Chromium's `net::ERR_…` and
 * Firefox's `NS_ERROR_…` names. Anything else keeps its name in the detail.
 */
export function failureFromBrowserError(name: string): Failure {
  if (/ERR_CONNECTION_REFUSED|NS_ERROR_CONNECTION_REFUSED/.test(name)) return failure('connection-refused', `Connection refused (${name}).`);
  if (/ERR_NAME_NOT_RESOLVED|ERR_NAME_RESOLUTION_FAILED|NS_ERROR_UNKNOWN_HOST/.test(name)) return failure('dns', `The host name did not resolve (${name}).`);
  if (/ERR_CONNECTION_TIMED_OUT|ERR_TIMED_OUT|NS_ERROR_NET_TIMEOUT/.test(name)) return failure('timeout', `The connection timed out (${name}).`);
  return failure('network', `The connection failed; the browser said ${name}.`);
}

/**
 * Names what went wrong with the connection, as far as it can be known: Node puts the system
 * error in the fetch error; browsers hide it there (Chrome: "Failed to fetch", Firefox:
 * "NetworkError when attempting to fetch resource") but name it to webRequest (`browserError`).
 * Without either, the honest answer is "could not connect".
 */
function classifyFetchError(error: unknown, timedOut: boolean, timeoutMs: number, browserError: string | null): Failure {
  if (timedOut) return failure('timeout', `No answer within ${timeoutMs} ms.`);
  const code = errorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'ECONNREFUSED') return failure('connection-refused', `Connection refused (${code}).`);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME') return failure('dns', `The host name did not resolve (${code}).`);
  if (code === 'ETIMEDOUT' || code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') return failure('timeout', `The connection timed out (${code}).`);
  if (code) return failure('network', `The connection failed (${code}: ${message}).`);
  if (browserError) return failureFromBrowserError(browserError);
  return failure('network', `Could not connect (refused, DNS or offline); the browser does not say which. It said: "${message}".`);
}

/**
 * The answer read, and never a throw: reading is after the connection succeeded, so whatever
 * goes wrong here is about the answer, and must not reach the catch that names network failures.
 */
function readAnswer(httpStatus: number, contentType: string | null, body: string): VerificationOutcome {
  try {
    return readSoapAnswer(httpStatus, contentType, body);
  } catch (error) {
    const why = error instanceof Error ? error.name : 'an error';
    return failure('not-xml', `HTTP ${httpStatus}, but the answer could not be read (${why}); a DiwLoginChk answer is a small SOAP document.`, httpStatus ? { httpStatus } : {});
  }
}

function httpUrl(text: string): URL | null {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

function resolveAgainst(location: string, base: string): URL | null {
  try {
    return httpUrl(new URL(location, base).href);
  } catch {
    return null;
  }
}

/** What is missing or unusable in the settings, in the order a person fixes them. */
function configurationProblem(settings: VerificationSettings): string | null {
  if (!settings.endpoint.trim()) return 'No service address (endpoint) is set; load the WSDL or enter it.';
  if (!httpUrl(settings.endpoint.trim())) return `The service address "${settings.endpoint}" is not an http(s) URL.`;
  if (!settings.operation.trim()) return 'No operation is chosen.';
  if (!settings.tokenParameter.trim()) return 'The parameter that takes the token is not chosen.';
  if (!settings.clientIdParameter.trim()) return 'The parameter that takes the ClientID is not chosen.';
  if (settings.tokenParameter.trim() === settings.clientIdParameter.trim()) return 'The token and the ClientID are set to the same parameter.';
  for (const name of [settings.operation, settings.tokenParameter, settings.clientIdParameter]) {
    if (!isXmlName(name.trim())) return `"${name}" is not a valid XML element name.`;
  }
  return null;
}

function timeoutSignal(ms: number): { signal: AbortSignal; timedOut: () => boolean; clear: () => void } {
  const controller = new AbortController();
  let fired = false;
  const timer = setTimeout(() => {
    fired = true;
    controller.abort();
  }, ms);
  return { signal: controller.signal, timedOut: () => fired, clear: () => clearTimeout(timer) };
}

const text = (th: string, en: string): Localized => ({ th, en });

export function createVerifier(deps: VerifierDeps): Verifier {
  const { now } = deps;
  // A permission check that fails is a permission we do not have: never call on a maybe.
  const hasHostPermission = (url: string) => deps.hasHostPermission(url).catch(() => false);
  // Called unbound: a browser's fetch throws "Illegal invocation" when called as a method of another object.
  const fetchFn: typeof fetch = (input, init) => deps.fetch(input, init);
  /** Why a fetch to `url` begun at `since` failed, named by the browser where Node's code is missing. */
  const explainFetchError = async (error: unknown, timedOut: boolean, timeoutMs: number, url: string, since: number): Promise<Failure> => {
    const browserError = timedOut || errorCode(error) || !deps.browserNetworkError ? null : await deps.browserNetworkError(url, since).catch(() => null);
    return classifyFetchError(error, timedOut, timeoutMs, browserError);
  };

  async function call(token: string, settings: VerificationSettings): Promise<Omit<VerificationResult, 'findings'>> {
    const endpoint = settings.endpoint.trim();
    const base = { endpoint, roundTripMs: null, clockSkewMs: null };
    if (!settings.clientId.trim()) return { ...base, checkedAt: now(), outcome: failure('no-client-id', 'No ClientID is set (manual §4: the DIW administrator assigns it).') };
    const problem = configurationProblem(settings);
    if (problem) return { ...base, checkedAt: now(), outcome: failure('no-endpoint', problem) };
    if (!(await hasHostPermission(endpoint))) {
      return { ...base, checkedAt: now(), outcome: failure('no-permission', `No host permission for ${new URL(endpoint).origin}.`) };
    }
    const request = buildSoapRequest({
      endpoint,
      soapVersion: settings.soapVersion,
      style: settings.style,
      namespace: settings.namespace.trim(),
      operation: settings.operation.trim(),
      soapAction: settings.soapAction.trim(),
      parameters: { [settings.tokenParameter.trim()]: token, [settings.clientIdParameter.trim()]: settings.clientId.trim() },
    });
    const timer = timeoutSignal(settings.timeoutMs);
    const startedAt = now();
    try {
      // redirect 'manual': a 307/308 would re-send the token and ClientID to wherever it points.
      const response = await fetchFn(endpoint, { method: 'POST', headers: request.headers, body: request.body, signal: timer.signal, redirect: 'manual', credentials: 'omit', cache: 'no-store' });
      const headersAt = now();
      const serverDate = Date.parse(response.headers.get('date') ?? '');
      // The server stamps Date while answering: compare it with the middle of the round trip.
      const clockSkewMs = Number.isFinite(serverDate) ? Math.round(serverDate - (startedAt + (headersAt - startedAt) / 2)) : null;
      if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
        const location = response.headers.get('location');
        await response.body?.cancel().catch(() => undefined);
        return {
          endpoint,
          checkedAt: now(),
          roundTripMs: headersAt - startedAt,
          clockSkewMs,
          outcome: failure('http-status', `The service redirected${location ? ` to ${redactText(location)}` : ''}; not followed, so the token is not sent elsewhere. Use the final address as the endpoint.`, response.status ? { httpStatus: response.status } : {}),
        };
      }
      let body: string;
      try {
        body = await readCapped(response, MAX_ANSWER_BYTES);
      } catch (error) {
        if (error instanceof TooLarge) return { endpoint, checkedAt: now(), roundTripMs: now() - startedAt, clockSkewMs, outcome: failure('too-large', `The answer was ${error.message}; reading stopped.`, { httpStatus: response.status }) };
        throw error;
      }
      const roundTripMs = now() - startedAt;
      return { endpoint, checkedAt: now(), roundTripMs, clockSkewMs, outcome: readAnswer(response.status, response.headers.get('content-type'), body) };
    } catch (error) {
      const outcome = await explainFetchError(error, timer.timedOut(), settings.timeoutMs, endpoint, startedAt);
      return { ...base, checkedAt: now(), outcome };
    } finally {
      timer.clear();
    }
  }

  // Whatever the service said (it can echo the request: the token, the ClientID) is kept and shown
  // only once the one redactor has taken the ClientID, tokens and ID numbers out of it.
  const redacted = (result: VerificationResult, settings: VerificationSettings) => redactVerificationResult(result, { clientId: settings.clientId.trim() });

  async function verify(token: string, settings: VerificationSettings, tokenClaims: TokenClaimsForComparison): Promise<VerificationResult> {
    const result = await call(token, settings);
    return redacted({ ...result, findings: explainVerification(result.outcome, tokenClaims, { clockSkewMs: result.clockSkewMs }) }, settings);
  }

  async function fetchDocument(url: string): Promise<ActionResult<string>> {
    if (!(await hasHostPermission(url))) {
      const origin = new URL(url).origin;
      return { ok: false, error: text(`ยังไม่ได้อนุญาตให้ส่วนขยายเข้าถึง ${origin} กดอนุญาตในหน้าตั้งค่าก่อน`, `This extension has no permission for ${origin}; grant it on the options page first.`) };
    }
    const timer = timeoutSignal(WSDL_TIMEOUT_MS);
    const startedAt = now();
    try {
      const response = await fetchFn(url, { method: 'GET', signal: timer.signal, credentials: 'omit', cache: 'no-store' });
      if (!response.ok) return { ok: false, error: text(`โหลด ${url} ไม่ได้: เซิร์ฟเวอร์ตอบ HTTP ${response.status}`, `Could not load ${url}: the server answered HTTP ${response.status}.`) };
      return { ok: true, value: await readCapped(response, MAX_WSDL_BYTES) };
    } catch (error) {
      if (error instanceof TooLarge) return { ok: false, error: text(`เอกสารที่ ${url} ใหญ่เกิน 5 MB จึงไม่ใช่ WSDL ของบริการนี้`, `The document at ${url} is over 5 MB: not this service's WSDL.`) };
      const failed = await explainFetchError(error, timer.timedOut(), WSDL_TIMEOUT_MS, url, startedAt);
      const why: Record<string, Localized> = {
        'connection-refused': text('เครื่องปลายทางปฏิเสธการเชื่อมต่อ', 'the connection was refused'),
        dns: text('หาชื่อเครื่องไม่พบ (DNS)', 'the host name did not resolve (DNS)'),
        timeout: text('ไม่ตอบภายในเวลาที่กำหนด', 'no answer in time'),
      };
      const reason = why[failed.code] ?? text('เชื่อมต่อไม่ได้ (ถูกปฏิเสธ, DNS หรือออฟไลน์)', 'could not connect (refused, DNS or offline)');
      return { ok: false, error: text(`โหลด ${url} ไม่ได้: ${reason.th}`, `Could not load ${url}: ${reason.en}.`) };
    } finally {
      timer.clear();
    }
  }

  async function loadWsdl(url: string): Promise<ActionResult<WsdlDescription>> {
    const wsdlUrl = httpUrl(url.trim());
    if (!wsdlUrl) return { ok: false, error: text('ที่อยู่ WSDL ต้องขึ้นต้นด้วย http:// หรือ https://', 'The WSDL address must start with http:// or https://.') };
    const main = await fetchDocument(wsdlUrl.href);
    if (!main.ok) return main;
    // Imported schemas and WSDL parts, breadth first, resolved against the document naming them.
    // Only on the WSDL's own origin: a WSDL is the service's word, not a licence to make the
    // extension fetch from any host it names (another service, an intranet address).
    const extra: string[] = [];
    const seen = new Set([wsdlUrl.href]);
    const queue = referencedDocuments(main.value).map((location) => ({ location, base: wsdlUrl.href }));
    while (queue.length > 0 && seen.size <= MAX_WSDL_PARTS) {
      const { location, base } = queue.shift()!;
      const resolved = resolveAgainst(location, base);
      if (!resolved || resolved.origin !== wsdlUrl.origin || seen.has(resolved.href)) continue;
      seen.add(resolved.href);
      const part = await fetchDocument(resolved.href);
      if (!part.ok) continue; // The main WSDL may still be enough; parameters then stay unknown.
      extra.push(part.value);
      queue.push(...referencedDocuments(part.value).map((next) => ({ location: next, base: resolved.href })));
    }
    const parsed = parseWsdl(main.value, extra);
    return parsed.ok ? { ok: true, value: parsed.description } : { ok: false, error: parsed.reason };
  }

  async function testConnection(settings: VerificationSettings): Promise<VerificationResult> {
    const result = await call(TEST_CONNECTION_TOKEN, settings);
    return redacted({ ...result, findings: explainTestConnection(result.outcome, { clockSkewMs: result.clockSkewMs }) }, settings);
  }

  return { verify, loadWsdl, testConnection };
}
