/**
 * Reads the verification service's WSDL and the parts it imports, to find the endpoint, the
 * operation and its parameter names (the manual does not give them). Only documents on the
 * WSDL's own origin are fetched: a WSDL is the service's word, not a licence to make the
 * extension fetch from any host it names (another service, an intranet address).
 */
import type { Localized } from '../domain/finding';
import type { WsdlDescription, WsdlDocument } from '../domain/soap/wsdl';
import { describeWsdl, readWsdlDocument } from '../domain/soap/wsdl';
import { httpUrl, resolveAgainst } from '../domain/url';
import type { ActionResult } from '../shared/messages';
import { deadline, readCapped, TooLarge } from './http-transport';
import type { ExplainFetchError } from './fetch-failures';

/** A WSDL and its schemas are bigger than an answer, but not this big. */
const MAX_WSDL_BYTES = 5 * 1024 * 1024;
const WSDL_TIMEOUT_MS = 15_000;
/** JAX-WS splits a WSDL into a few parts (?wsdl=1, ?xsd=1...); more than this is not a DiwAppChk. */
const MAX_WSDL_PARTS = 10;

export interface WsdlLoaderDeps {
  /** A fetch that may be called as a method: the verifier hands in its detached one (see http-transport.ts). */
  fetch: typeof fetch;
  now: () => number;
  /** Never rejects: a permission check that fails is a permission we do not have. */
  hasHostPermission: (url: string) => Promise<boolean>;
  explainFetchError: ExplainFetchError;
}

const text = (th: string, en: string): Localized => ({ th, en });

export function createWsdlLoader(deps: WsdlLoaderDeps): (url: string) => Promise<ActionResult<WsdlDescription>> {
  const { now, hasHostPermission, explainFetchError } = deps;

  async function fetchDocument(url: string): Promise<ActionResult<string>> {
    if (!(await hasHostPermission(url))) {
      const origin = new URL(url).origin;
      return {
        ok: false,
        error: text(
          `ยังไม่ได้อนุญาตให้ส่วนขยายเข้าถึง ${origin} กดอนุญาตในหน้าตั้งค่าก่อน`,
          `This extension has no permission for ${origin}; grant it on the options page first.`,
        ),
      };
    }
    const timer = deadline(WSDL_TIMEOUT_MS);
    const startedAt = now();
    try {
      const response = await deps.fetch(url, {
        method: 'GET',
        signal: timer.signal,
        credentials: 'omit',
        cache: 'no-store',
      });
      if (!response.ok)
        return {
          ok: false,
          error: text(
            `โหลด ${url} ไม่ได้: เซิร์ฟเวอร์ตอบ HTTP ${response.status}`,
            `Could not load ${url}: the server answered HTTP ${response.status}.`,
          ),
        };
      return { ok: true, value: await readCapped(response, MAX_WSDL_BYTES) };
    } catch (error) {
      if (error instanceof TooLarge)
        return {
          ok: false,
          error: text(
            `เอกสารที่ ${url} ใหญ่เกิน 5 MB จึงไม่ใช่ WSDL ของบริการนี้`,
            `The document at ${url} is over 5 MB: not this service's WSDL.`,
          ),
        };
      const failed = await explainFetchError(error, timer.timedOut(), WSDL_TIMEOUT_MS, url, startedAt);
      const why: Record<string, Localized> = {
        'connection-refused': text('เครื่องปลายทางปฏิเสธการเชื่อมต่อ', 'the connection was refused'),
        dns: text('หาชื่อเครื่องไม่พบ (DNS)', 'the host name did not resolve (DNS)'),
        timeout: text('ไม่ตอบภายในเวลาที่กำหนด', 'no answer in time'),
      };
      const reason =
        why[failed.code] ?? text('เชื่อมต่อไม่ได้ (ถูกปฏิเสธ, DNS หรือออฟไลน์)', 'could not connect (refused, DNS or offline)');
      return { ok: false, error: text(`โหลด ${url} ไม่ได้: ${reason.th}`, `Could not load ${url}: ${reason.en}.`) };
    } finally {
      timer.clear();
    }
  }

  return async function loadWsdl(url: string): Promise<ActionResult<WsdlDescription>> {
    const wsdlUrl = httpUrl(url);
    if (!wsdlUrl)
      return {
        ok: false,
        error: text(
          'ที่อยู่ WSDL ต้องขึ้นต้นด้วย http:// หรือ https://',
          'The WSDL address must start with http:// or https://.',
        ),
      };
    const fetched = await fetchDocument(wsdlUrl.href);
    if (!fetched.ok) return fetched;
    // Each document is read once: the same reading lists what it imports and feeds the description.
    const main = readWsdlDocument(fetched.value);
    // Imported schemas and WSDL parts, breadth first, resolved against the document naming them,
    // and only on the WSDL's own origin (see above).
    const extra: WsdlDocument[] = [];
    const seen = new Set([wsdlUrl.href]);
    const queue = main.references.map((location) => ({ location, base: wsdlUrl.href }));
    while (queue.length > 0 && seen.size <= MAX_WSDL_PARTS) {
      const { location, base } = queue.shift()!;
      const resolved = resolveAgainst(location, base);
      if (!resolved || resolved.origin !== wsdlUrl.origin || seen.has(resolved.href)) continue;
      seen.add(resolved.href);
      const part = await fetchDocument(resolved.href);
      if (!part.ok) continue; // The main WSDL may still be enough; parameters then stay unknown.
      const document = readWsdlDocument(part.value);
      extra.push(document);
      for (const next of document.references) queue.push({ location: next, base: resolved.href });
    }
    const described = describeWsdl(main, extra);
    return described.ok ? { ok: true, value: described.description } : { ok: false, error: described.reason };
  };
}
