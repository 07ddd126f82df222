/**
 * Reads a WSDL 1.1 document to learn what the manual (§4.1) leaves out: the endpoint, the SOAP
 * version, the operation that verifies a token and the names of its parameters. Only the parts
 * needed to call one operation are read; the rest of WSDL is ignored.
 *
 * JAX-WS (which `…/DiwAppChk/DiwAppChk?wsdl` looks like) often keeps its schema in a separate
 * `?xsd=1` document. `referencedDocuments` lists those; the caller fetches them and passes them
 * back as `extraDocuments`, so this module stays pure.
 */
import type { Localized } from '../finding';
import { childrenNamed, firstChild, readXml, resolveQName, type XmlElement } from './xml-tree';
import {
  WSDL_NS,
  byName,
  collectDocuments,
  everywhere,
  findSchemaComponent,
  wrapperChildren,
  type Documents,
} from './wsdl-documents';
import { guessRoles } from './wsdl-guess';

const WSDL2_NS = 'http://www.w3.org/ns/wsdl';
const SOAP11_BINDING_NS = 'http://schemas.xmlsoap.org/wsdl/soap/';
const SOAP12_BINDING_NS = 'http://schemas.xmlsoap.org/wsdl/soap12/';

export type WsdlParseResult = { ok: true; description: WsdlDescription } | { ok: false; reason: Localized };

function reason(th: string, en: string): { ok: false; reason: Localized } {
  return { ok: false, reason: { th, en } };
}

function readOperation(
  bindingOperation: XmlElement,
  bindingStyle: 'document' | 'rpc',
  bindingNs: string,
  portTypeOperations: Map<string, XmlElement>,
  documents: Documents,
  targetNamespace: string,
): WsdlOperation {
  const name = bindingOperation.attrs.name ?? '';
  const soapOperation = firstChild(bindingOperation, 'operation', bindingNs);
  const style =
    soapOperation?.attrs.style === 'rpc'
      ? 'rpc'
      : soapOperation?.attrs.style === 'document'
        ? 'document'
        : bindingStyle;
  const soapAction = soapOperation?.attrs.soapAction ?? '';
  const inputBody = firstChild(bindingOperation, 'input', WSDL_NS);
  const soapBody = inputBody && firstChild(inputBody, 'body', bindingNs);

  const abstractOperation = portTypeOperations.get(name);
  const input = abstractOperation && firstChild(abstractOperation, 'input', WSDL_NS);
  const message = input?.attrs.message
    ? byName(everywhere(documents, 'message'), input.attrs.message, input)
    : undefined;
  const parts = message ? childrenNamed(message, 'part', WSDL_NS) : [];
  // soap:body parts="a b" limits which parts go in the body (WSDL 1.1 §3.5).
  const bodyParts = soapBody?.attrs.parts?.split(/\s+/).filter(Boolean);
  const usedParts = bodyParts ? parts.filter((part) => bodyParts.includes(part.attrs.name ?? '')) : parts;

  if (style === 'rpc') {
    // WSDL 1.1 §3.5: the wrapper is named after the operation, in soap:body's namespace.
    return {
      name,
      style,
      soapAction,
      inputNamespace: soapBody?.attrs.namespace ?? targetNamespace,
      inputParameters: usedParts.map((part) => part.attrs.name ?? '').filter(Boolean),
    };
  }
  const elementPart = usedParts.length === 1 && usedParts[0]!.attrs.element ? usedParts[0]! : undefined;
  if (elementPart) {
    // Document/literal wrapped: one part whose element's children are the parameters.
    const qname = elementPart.attrs.element!;
    const found = findSchemaComponent(documents, 'element', qname, elementPart);
    const inputNamespace = found?.namespace ?? resolveQName(qname, elementPart).ns;
    return {
      name,
      style,
      soapAction,
      inputNamespace,
      inputParameters: found ? wrapperChildren(found.element, documents) : [],
    };
  }
  // Document style with type= parts (or several element parts): the parts are the parameters.
  return {
    name,
    style,
    soapAction,
    inputNamespace: targetNamespace,
    inputParameters: usedParts
      .map((part) => part.attrs.name ?? (part.attrs.element ? resolveQName(part.attrs.element, part).local : ''))
      .filter(Boolean),
  };
}

/**
 * Parses a WSDL 1.1 document (and, optionally, the schemas and WSDL parts it imports). Never
 * throws; a reason in Thai and English says why a document was not usable.
 */
export function parseWsdl(xml: string, extraDocuments: readonly string[] = []): WsdlParseResult {
  const read = readXml(xml);
  if (!read.ok) {
    if (read.problem === 'empty') return reason('ได้รับเอกสารว่างเปล่า ไม่ใช่ WSDL', 'The document is empty, not a WSDL.');
    if (/<html[\s>]/i.test(xml))
      return reason(
        'ได้รับหน้าเว็บ (HTML) แทน WSDL — อาจเป็นหน้าเข้าสู่ระบบของพร็อกซีหรือหน้าแสดงข้อผิดพลาด',
        'Got a web page (HTML) instead of a WSDL — perhaps a proxy login page or an error page.',
      );
    return reason(`เอกสารไม่ใช่ XML ที่ถูกต้อง: ${read.detail}`, `The document is not well-formed XML: ${read.detail}`);
  }
  const root = read.root;
  if (root.local.toLowerCase() === 'html')
    return reason(
      'ได้รับหน้าเว็บ (HTML) แทน WSDL — อาจเป็นหน้าเข้าสู่ระบบของพร็อกซีหรือหน้าแสดงข้อผิดพลาด',
      'Got a web page (HTML) instead of a WSDL — perhaps a proxy login page or an error page.',
    );
  if (root.ns === WSDL2_NS)
    return reason(
      'เป็น WSDL 2.0 ซึ่งยังไม่รองรับ กรุณากรอกชื่อ operation และพารามิเตอร์เอง',
      'This is WSDL 2.0, which is not supported; enter the operation and parameters by hand.',
    );
  if (root.local !== 'definitions' || root.ns !== WSDL_NS)
    return reason(
      `เอกสาร XML นี้ไม่ใช่ WSDL 1.1 (องค์ประกอบราก <${root.local}>)`,
      `This XML is not a WSDL 1.1 document (root element <${root.local}>).`,
    );

  const documents = collectDocuments(root, extraDocuments);
  const targetNamespace = root.attrs.targetNamespace ?? '';
  const bindings = everywhere(documents, 'binding');
  const soapVersionOf = (binding: XmlElement): '1.1' | '1.2' | null =>
    firstChild(binding, 'binding', SOAP11_BINDING_NS)
      ? '1.1'
      : firstChild(binding, 'binding', SOAP12_BINDING_NS)
        ? '1.2'
        : null;

  // Ports that reach a SOAP binding, SOAP 1.1 first: it is what SoapUI and most clients use.
  const ports = everywhere(documents, 'service')
    .flatMap((service) => childrenNamed(service, 'port', WSDL_NS))
    .flatMap((port) => {
      const binding = port.attrs.binding ? byName(bindings, port.attrs.binding, port) : undefined;
      const version = binding && soapVersionOf(binding);
      if (!binding || !version) return [];
      const address = firstChild(port, 'address', version === '1.1' ? SOAP11_BINDING_NS : SOAP12_BINDING_NS);
      return [{ binding, version, endpoint: address?.attrs.location?.trim() || null }];
    })
    .sort((a, b) => (a.version === b.version ? 0 : a.version === '1.1' ? -1 : 1));
  const chosen =
    ports[0] ??
    bindings
      .map((binding) => ({ binding, version: soapVersionOf(binding), endpoint: null }))
      .find(
        (candidate): candidate is { binding: XmlElement; version: '1.1' | '1.2'; endpoint: null } =>
          candidate.version !== null,
      );
  if (!chosen)
    return reason(
      'WSDL นี้ไม่มี SOAP binding (soap หรือ soap12) จึงเรียกใช้ด้วย SOAP ไม่ได้',
      'This WSDL has no SOAP binding (soap or soap12), so it cannot be called over SOAP.',
    );

  const bindingNs = chosen.version === '1.1' ? SOAP11_BINDING_NS : SOAP12_BINDING_NS;
  const soapBinding = firstChild(chosen.binding, 'binding', bindingNs);
  const bindingStyle = soapBinding?.attrs.style === 'rpc' ? 'rpc' : 'document';
  const portType = chosen.binding.attrs.type
    ? byName(everywhere(documents, 'portType'), chosen.binding.attrs.type, chosen.binding)
    : undefined;
  const portTypeOperations = new Map<string, XmlElement>();
  for (const operation of portType ? childrenNamed(portType, 'operation', WSDL_NS) : []) {
    const operationName = operation.attrs.name;
    if (operationName !== undefined && !portTypeOperations.has(operationName))
      portTypeOperations.set(operationName, operation);
  }
  const operations = childrenNamed(chosen.binding, 'operation', WSDL_NS)
    .map((operation) =>
      readOperation(operation, bindingStyle, bindingNs, portTypeOperations, documents, targetNamespace),
    )
    .filter((operation) => operation.name !== '');
  if (operations.length === 0)
    return reason('SOAP binding ใน WSDL นี้ไม่มี operation ใดเลย', 'The SOAP binding in this WSDL has no operations.');

  return {
    ok: true,
    description: {
      targetNamespace,
      endpoint: chosen.endpoint,
      soapVersion: chosen.version,
      operations,
      guess: guessRoles(operations),
    },
  };
}

export interface WsdlOperation {
  name: string;
  style: 'document' | 'rpc';
  soapAction: string;
  /** For document/literal wrapped: the wrapper element's namespace (usually the target namespace). */
  inputNamespace: string;
  inputParameters: string[];
}

export interface WsdlDescription {
  targetNamespace: string;
  /** From `soap:address` / `soap12:address`; null when the WSDL names none. */
  endpoint: string | null;
  soapVersion: '1.1' | '1.2';
  operations: WsdlOperation[];
  /** The best guess of which operation verifies and which parameter takes what, from names. */
  guess: { operation: string; tokenParameter: string | null; clientIdParameter: string | null } | null;
}
