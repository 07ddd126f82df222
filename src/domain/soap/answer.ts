/**
 * Reads what DiwLoginChk answered. The manual (§4.2) names four fields — Username, IDCard,
 * Status, Message — but not where they sit: a JAX-WS structure, an rpc/encoded return, or a
 * single string `return` that itself holds XML or JSON are all plausible. So the fields are
 * searched for by name, anywhere, in any letter case and namespace (answer-fields.ts); this
 * module decides what the fields found, or a fault or a page in their place, mean.
 */
import { redactText } from '../redact';
import { MAX_ELEMENTS, descendants, firstChild, readXml, type XmlElement } from './xml-tree';
import { fieldsFromElement, type Fields } from './answer-fields';
import { excerpt } from './answer-excerpt';
import type { Finding } from '../finding';

export type SoapAnswerReading =
  | { kind: 'answered'; answer: VerificationAnswer }
  | {
      kind: 'failed';
      code: VerificationFailureCode;
      detail: string;
      faultCode?: string;
      faultString?: string;
      httpStatus?: number;
    };

/** Larger than any plausible answer; the verifier stops reading at the same size. */
export const MAX_ANSWER_BYTES = 1024 * 1024;

/** The manual's Message texts (§4.2), by case number. */
export const MANUAL_MESSAGES: Record<ManualCase, string> = {
  1: 'Token is valid',
  2: 'Token is expired',
  3: 'Mismatch data in received token',
  4: 'Unable to Authenticate Please Try Again',
};

const ENVELOPE_NAMESPACES = ['http://schemas.xmlsoap.org/soap/envelope/', 'http://www.w3.org/2003/05/soap-envelope'];

function normaliseText(text: string): string {
  const spaced = text.toLowerCase().replace(/\s+/g, ' ');
  // A loop, not /[\s.!]+$/: V8 tries that from every start, quadratic on a long run of dots.
  let end = spaced.length;
  while (end > 0 && (spaced[end - 1] === ' ' || spaced[end - 1] === '.' || spaced[end - 1] === '!')) end -= 1;
  return spaced.slice(0, end).trim();
}

/** Longer than any of the manual's messages with a number and padding: not one of them. */
const MAX_MANUAL_MESSAGE_LENGTH = 200;

/**
 * Maps a Message to the manual's case: by its number ("1", "1: Token is valid", "2 - ..."), or by
 * its text alone. A number whose text names another case is not trusted: null.
 */
export function manualCaseOf(message: string): ManualCase | null {
  if (typeof message !== 'string' || message.length > MAX_MANUAL_MESSAGE_LENGTH) return null;
  const text = normaliseText(message);
  const byText = (candidate: string): ManualCase | null => {
    for (const [number, expected] of Object.entries(MANUAL_MESSAGES)) {
      if (normaliseText(expected) === candidate) return Number(number) as ManualCase;
    }
    return null;
  };
  const numbered = /^([0-9]+)\s*(?:[:.)\-–]\s*)?(.*)$/.exec(text);
  if (numbered) {
    const number = Number(numbered[1]);
    const rest = numbered[2]!.trim();
    if (number < 1 || number > 4) return null;
    if (rest === '' || byText(rest) === number) return number as ManualCase;
    return null;
  }
  return byText(text);
}

function parseStatus(raw: string | undefined): boolean | null {
  const text = raw?.trim().toLowerCase();
  if (text === 'true' || text === '1') return true;
  if (text === 'false' || text === '0') return false;
  return null;
}

function leafTexts(element: XmlElement): string[] {
  return descendants(element)
    .filter((e) => e.children.length === 0 && e.text !== '')
    .map((e) => e.text);
}

/** A failure's detail quotes what came back, so it is redacted and cut like any such text. */
function failed(
  code: VerificationFailureCode,
  detail: string,
  httpStatus: number,
  extra: { faultCode?: string; faultString?: string } = {},
): SoapAnswerReading {
  return { kind: 'failed', code, detail: redactText(detail), ...extra, ...(httpStatus ? { httpStatus } : {}) };
}

function byteLength(text: string): number {
  // Counted without allocating a copy for the common ASCII case.
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code >= 0xd800 && code < 0xe000 ? 2 : 3;
  }
  return bytes;
}

function readFault(fault: XmlElement): { faultCode: string; faultString: string } {
  // SOAP 1.1 §4.4: <faultcode>, <faultstring>, unqualified.
  const code11 = firstChild(fault, 'faultcode')?.text;
  const string11 = firstChild(fault, 'faultstring')?.text;
  if (code11 !== undefined || string11 !== undefined)
    return { faultCode: redactText(code11 ?? ''), faultString: redactText(string11 ?? '') };
  // SOAP 1.2 part 1 §5.4: <Code><Value>, optional <Subcode><Value>, <Reason><Text xml:lang>.
  const code = firstChild(fault, 'Code');
  const values = [code && firstChild(code, 'Value')?.text];
  let subcode = code && firstChild(code, 'Subcode');
  while (subcode) {
    values.push(firstChild(subcode, 'Value')?.text);
    subcode = firstChild(subcode, 'Subcode');
  }
  const texts = firstChild(fault, 'Reason')?.children.filter((c) => c.local === 'Text') ?? [];
  const english = texts.find((t) => t.attrs['xml:lang']?.toLowerCase().startsWith('en')) ?? texts[0];
  return {
    faultCode: redactText(values.filter((v): v is string => !!v).join(' / ')),
    faultString: redactText(english?.text ?? ''),
  };
}

function isSoapEnvelope(root: XmlElement): boolean {
  return root.local === 'Envelope' && ENVELOPE_NAMESPACES.includes(root.ns);
}

/**
 * Reads an HTTP answer from the verification endpoint. `contentType` is the header as sent
 * (null when absent). Never throws.
 */
export function readSoapAnswer(httpStatus: number, contentType: string | null, body: string): SoapAnswerReading {
  const isHttpError = httpStatus >= 400;
  if (body.length > MAX_ANSWER_BYTES || byteLength(body) > MAX_ANSWER_BYTES) {
    return failed(
      'too-large',
      `The answer is larger than ${MAX_ANSWER_BYTES} bytes; a DiwLoginChk answer is a few hundred.`,
      httpStatus,
    );
  }
  const labelledHtml = /^\s*text\/html/i.test(contentType ?? '');
  const read = readXml(body);
  // Some servers label a real SOAP answer text/html; the body decides, the label only explains.
  const isHtmlPage =
    (read.ok && read.root.local.toLowerCase() === 'html') || (labelledHtml && !(read.ok && isSoapEnvelope(read.root)));
  if (!read.ok || isHtmlPage) {
    const why =
      isHtmlPage || labelledHtml
        ? `it is an HTML page (${excerpt(body)})`
        : read.ok
          ? ''
          : read.problem === 'empty'
            ? 'the body is empty'
            : read.problem === 'too-many-elements'
              ? `it is XML with too many elements (over ${MAX_ELEMENTS.toLocaleString('en-US')}) to be an answer`
              : `it is not XML (${excerpt(body)}) — ${read.detail.slice(0, 300)}`;
    if (isHttpError) return failed('http-status', `HTTP ${httpStatus}, and ${why}.`, httpStatus);
    return failed(
      'not-xml',
      `HTTP ${httpStatus}, but ${why}, not SOAP. A proxy or login page may be answering instead of the service.`,
      httpStatus,
    );
  }
  const root = read.root;
  const isEnvelope = isSoapEnvelope(root);
  const soapBody = isEnvelope ? firstChild(root, 'Body', root.ns) : undefined;
  const fault = soapBody && firstChild(soapBody, 'Fault', root.ns);
  if (fault) {
    const { faultCode, faultString } = readFault(fault);
    return failed(
      'soap-fault',
      `The service answered with a SOAP Fault: ${faultCode || '(no code)'} — ${faultString || '(no text)'}.`,
      httpStatus,
      { faultCode, faultString },
    );
  }
  if (isHttpError)
    return failed(
      'http-status',
      `HTTP ${httpStatus} with an XML body that is not a SOAP Fault (root <${root.local}>).`,
      httpStatus,
    );

  const scope = soapBody ?? root;
  const found: Fields = {};
  fieldsFromElement(scope, found, 0, !isEnvelope);
  // An empty <Message/> or a Status that is neither true nor false answers nothing.
  const messageOf = (fields: Fields) =>
    fields.message === undefined || fields.message.trim() === '' ? null : fields.message;
  const readable = (fields: Fields) => parseStatus(fields.status) !== null || messageOf(fields) !== null;
  if (!readable(found)) {
    // A bare string return that is one of the manual's messages still answers the question.
    const texts = leafTexts(scope);
    const only = texts.length === 1 ? texts[0]! : null;
    if (only !== null && manualCaseOf(only) !== null) found.message = only;
  }
  if (!readable(found)) {
    const where = isEnvelope ? 'SOAP Body' : `XML document (root <${root.local}>, not a SOAP Envelope)`;
    const quote = (value: string | undefined) => JSON.stringify(value === undefined ? null : value.slice(0, 200));
    const seenButEmpty =
      found.status !== undefined || found.message !== undefined
        ? ` Status ${quote(found.status)} and Message ${quote(found.message)} say nothing.`
        : '';
    const names = [...new Set(descendants(scope).map((e) => e.local.slice(0, 64)))].slice(0, 12);
    return failed(
      'missing-fields',
      `The ${where} has no readable Status or Message (manual §4.2).${seenButEmpty} Elements seen: ${names.join(', ') || 'none'}.`,
      httpStatus,
    );
  }
  // A Message is shown and reported as it came; a service that echoes the token or an ID number
  // in it must not carry them further (IDCard is kept: it is compared with the token's).
  const said = messageOf(found);
  const message = said === null ? null : redactText(said);
  return {
    kind: 'answered',
    answer: {
      manualCase: message === null ? null : manualCaseOf(message),
      status: parseStatus(found.status),
      message,
      username: found.username === undefined || found.username === '' ? null : found.username,
      idCard: found.idcard === undefined || found.idcard === '' ? null : found.idcard,
    },
  };
}

/** The manual's four answers (§4.2 Message 1..4). */
export type ManualCase = 1 | 2 | 3 | 4;

export type VerificationFailureCode =
  | 'no-client-id'
  | 'no-endpoint'
  | 'no-permission'
  | 'connection-refused'
  | 'dns'
  | 'timeout'
  | 'network'
  | 'http-status'
  | 'soap-fault'
  | 'not-xml'
  | 'missing-fields'
  | 'too-large'
  /** The extension's background was stopped while it waited for the answer. */
  | 'interrupted';

export interface VerificationAnswer {
  /** Which of the manual's four cases the Message maps to; null = unrecognised answer. */
  manualCase: ManualCase | null;
  status: boolean | null;
  message: string | null;
  username: string | null;
  /** As returned; mask before display. */
  idCard: string | null;
}

export interface VerificationResult {
  /** When the call finished (epoch ms). */
  checkedAt: number;
  roundTripMs: number | null;
  /** Server `Date` − local clock, when the server sent a Date header. */
  clockSkewMs: number | null;
  endpoint: string;
  outcome:
    | { kind: 'answered'; answer: VerificationAnswer }
    | {
        kind: 'failed';
        code: VerificationFailureCode;
        detail: string;
        httpStatus?: number;
        faultCode?: string;
        faultString?: string;
      };
  /** Explanation, what to do next, and comparisons with the token's claims. */
  findings: Finding[];
}
