/**
 * Test-only (never imported by product code): SOAP answers for the answer reader's tests, and
 * `answered`, which reads one and insists it was an answer.
 */
import { readSoapAnswer } from '../domain/soap/answer';

export const S11 = 'http://schemas.xmlsoap.org/soap/envelope/';
export const S12 = 'http://www.w3.org/2003/05/soap-envelope';
export const XML = 'text/xml; charset=utf-8';
// A made-up person: 1101700203450 passes the mod-11 check digit.
export const ID = '1101700203450';

export const envelope = (inner: string, ns = S11) =>
  `<?xml version="1.0" encoding="UTF-8"?><S:Envelope xmlns:S="${ns}"><S:Body>${inner}</S:Body></S:Envelope>`;

export function answered(body: string, status = 200, contentType: string | null = XML) {
  const reading = readSoapAnswer(status, contentType, body);
  if (reading.kind !== 'answered') throw new Error(`expected an answer, got ${reading.code}: ${reading.detail}`);
  return reading.answer;
}

/** Pieces of SOAP and XML that hostile-input generators put together in any order. */
export const SOAP_FRAGMENTS: readonly string[] = [
  '<',
  '>',
  '</',
  '/>',
  '&',
  '&lt;',
  '<![CDATA[',
  ']]>',
  '<Status>',
  'true',
  '</Status>',
  '<Message>',
  '1',
  '</Message>',
  '<S:Fault>',
  '<faultstring>',
  '{"',
  '":',
  '<?xml ',
  '<!--',
  'xmlns:a="',
  '"',
  '<return>',
  '</return>',
  `<S:Envelope xmlns:S="${S11}">`,
  '<S:Body>',
];
