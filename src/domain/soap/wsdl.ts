/**
 * Reads a WSDL 1.1 description to learn what the manual (§4.1) leaves out: the endpoint, the SOAP
 * version, the operation that verifies a token and the names of its parameters. Every SOAP port
 * of every service is read (a service may offer SOAP 1.1 and 1.2, or split its operations over
 * ports); the rest of WSDL is ignored.
 *
 * JAX-WS, WCF and Axis2 often keep schemas and parts of the description in separate documents
 * (`?xsd=1`, `?wsdl=wsdl0`, `?xsd=xsd0.xsd`). `readWsdlDocument` reads each document once and
 * lists what it refers to; the caller fetches those and hands every read document to
 * `describeWsdl`, so this module stays pure.
 */
import type { Localized } from '../finding';
import { childrenNamed, firstChild, resolveQName, type XmlElement } from './xml-tree';
import {
  WSDL_NS,
  collectDocuments,
  findSchemaComponent,
  readWsdlDocument,
  wrapperChildren,
  wsdlComponent,
  type Documents,
  type WsdlDocument,
} from './wsdl-documents';
import { guessRoles } from './wsdl-guess';
import { WsdlNotes, type WsdlNote } from './wsdl-notes';

export { readWsdlDocument, type WsdlDocument } from './wsdl-documents';
export type { WsdlNote, WsdlNoteCode } from './wsdl-notes';

const WSDL2_NS = 'http://www.w3.org/ns/wsdl';
const SOAP_BINDING_NS = {
  '1.1': 'http://schemas.xmlsoap.org/wsdl/soap/',
  '1.2': 'http://schemas.xmlsoap.org/wsdl/soap12/',
} as const;
const SOAP_ADDRESS_NAMESPACES = [SOAP_BINDING_NS['1.1'], SOAP_BINDING_NS['1.2']];

type SoapVersion = '1.1' | '1.2';

/**
 * A service has a handful of ports and at most a few thousand operations (the largest seen,
 * 1,511). Each port repeats its binding's operations, so without these bounds a hostile
 * description of a few thousand ports on one large binding would list millions.
 */
const MAX_PORTS = 50;
const MAX_OPERATIONS = 5_000;

export type WsdlParseResult = { ok: true; description: WsdlDescription } | { ok: false; reason: Localized };

function reason(th: string, en: string): { ok: false; reason: Localized } {
  return { ok: false, reason: { th, en } };
}

/** An operation as its binding describes it, before a port gives it an address. */
type BoundOperation = Omit<WsdlOperation, 'key' | 'service' | 'port' | 'binding' | 'soapVersion' | 'endpoint'>;

function readOperation(
  bindingOperation: XmlElement,
  abstractOperation: XmlElement,
  bindingStyle: 'document' | 'rpc',
  bindingNs: string,
  documents: Documents,
  targetNamespace: string,
): BoundOperation {
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

  const input = firstChild(abstractOperation, 'input', WSDL_NS);
  const message = input?.attrs.message ? wsdlComponent(documents, 'message', input.attrs.message, input) : undefined;
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
  // Document style with several parts (or type= parts): the body holds each part itself, an
  // element part as its element (WSDL 1.1 §3.5), so the element names are what goes on the wire.
  if (usedParts.length > 1) documents.notes.add('document-several-parts', name);
  const firstElement = usedParts.find((part) => part.attrs.element);
  return {
    name,
    style,
    soapAction,
    inputNamespace: firstElement ? resolveQName(firstElement.attrs.element!, firstElement).ns : targetNamespace,
    inputParameters: usedParts
      .map((part) => (part.attrs.element ? resolveQName(part.attrs.element, part).local : (part.attrs.name ?? '')))
      .filter(Boolean),
  };
}

function soapVersionOf(binding: XmlElement): SoapVersion | null {
  if (firstChild(binding, 'binding', SOAP_BINDING_NS['1.1'])) return '1.1';
  if (firstChild(binding, 'binding', SOAP_BINDING_NS['1.2'])) return '1.2';
  return null;
}

/**
 * The operations a SOAP binding makes callable: those its portType defines. An operation only
 * the binding names has no message to send; one only the portType names has no SOAP framing.
 * Either mismatch is noted.
 */
function bindingOperations(
  binding: XmlElement,
  version: SoapVersion,
  documents: Documents,
  targetNamespace: string,
): BoundOperation[] {
  const bindingNs = SOAP_BINDING_NS[version];
  const soapBinding = firstChild(binding, 'binding', bindingNs);
  const bindingStyle = soapBinding?.attrs.style === 'rpc' ? 'rpc' : 'document';
  const portType = binding.attrs.type ? wsdlComponent(documents, 'portType', binding.attrs.type, binding) : undefined;
  const abstractOperations = new Map<string, XmlElement>();
  for (const operation of portType ? childrenNamed(portType, 'operation', WSDL_NS) : []) {
    const operationName = operation.attrs.name;
    if (operationName !== undefined && !abstractOperations.has(operationName))
      abstractOperations.set(operationName, operation);
  }
  const bound = new Set<string>();
  const operations: BoundOperation[] = [];
  for (const operation of childrenNamed(binding, 'operation', WSDL_NS)) {
    const name = operation.attrs.name ?? '';
    if (name === '' || bound.has(name)) continue;
    bound.add(name);
    const abstract = abstractOperations.get(name);
    if (!abstract) {
      documents.notes.add('binding-operation-not-in-port-type', name);
      continue;
    }
    operations.push(readOperation(operation, abstract, bindingStyle, bindingNs, documents, targetNamespace));
  }
  for (const name of abstractOperations.keys())
    if (!bound.has(name)) documents.notes.add('port-type-operation-not-bound', name);
  return operations;
}

interface SoapPort {
  service: string;
  port: string;
  binding: XmlElement;
  version: SoapVersion;
  endpoint: string | null;
}

/** Every port of every service that reaches a SOAP binding, SOAP 1.1 first: it is what SoapUI and most clients use. */
function soapPorts(documents: Documents): SoapPort[] {
  const ports: SoapPort[] = [];
  for (const service of documents.services) {
    for (const port of childrenNamed(service.element, 'port', WSDL_NS)) {
      const binding = port.attrs.binding ? wsdlComponent(documents, 'binding', port.attrs.binding, port) : undefined;
      const version = binding && soapVersionOf(binding);
      if (!binding || !version) continue;
      // The binding says how messages are framed; a port that gives its address with the other
      // version's element (a copy-paste some services publish) still has that address.
      const address = firstChild(port, 'address', SOAP_ADDRESS_NAMESPACES);
      if (address && address.ns !== SOAP_BINDING_NS[version])
        documents.notes.add('address-of-other-soap-version', port.attrs.name ?? '');
      if (ports.length === MAX_PORTS) {
        documents.notes.add('listing-capped', `${MAX_PORTS} ports`);
        return sortPorts(ports);
      }
      ports.push({
        service: service.element.attrs.name ?? '',
        port: port.attrs.name ?? '',
        binding,
        version,
        endpoint: address?.attrs.location?.trim() || null,
      });
    }
  }
  return sortPorts(ports);
}

function sortPorts(ports: SoapPort[]): SoapPort[] {
  return ports.sort((a, b) => (a.version === b.version ? 0 : a.version === '1.1' ? -1 : 1));
}

/** A description without services (only the abstract part and bindings) still names its operations. */
function portlessBinding(documents: Documents): SoapPort | undefined {
  for (const definition of documents.definitions)
    for (const binding of childrenNamed(definition, 'binding', WSDL_NS)) {
      const version = soapVersionOf(binding);
      if (version) return { service: '', port: '', binding, version, endpoint: null };
    }
  return undefined;
}

/** The main document's root, or why it is not a WSDL 1.1 description. */
function definitionsOf(main: WsdlDocument): { ok: true; root: XmlElement } | { ok: false; reason: Localized } {
  const read = main.read;
  if (!read.ok) {
    if (read.problem === 'empty') return reason('ได้รับเอกสารว่างเปล่า ไม่ใช่ WSDL', 'The document is empty, not a WSDL.');
    if (main.looksLikeHtml)
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
  return { ok: true, root };
}

/** A key for each operation that no other operation of the description has. */
function uniqueKeys(operations: Array<Omit<WsdlOperation, 'key'>>): WsdlOperation[] {
  const used = new Set<string>();
  return operations.map((operation) => {
    const base = `${operation.service}/${operation.port}/${operation.name}`;
    let key = base;
    for (let n = 2; used.has(key); n += 1) key = `${base}#${n}`;
    used.add(key);
    return { key, ...operation };
  });
}

/**
 * Describes a WSDL from its documents, each read once by `readWsdlDocument`: the main one and
 * those it imports (in any order). Never throws; a reason in Thai and English says why a
 * description was not usable.
 */
export function describeWsdl(main: WsdlDocument, extraDocuments: readonly WsdlDocument[] = []): WsdlParseResult {
  const definitions = definitionsOf(main);
  if (!definitions.ok) return definitions;
  const root = definitions.root;
  const notes = new WsdlNotes();
  notes.addAll(main.notes);
  const documents = collectDocuments(root, extraDocuments, notes);
  const targetNamespace = root.attrs.targetNamespace ?? '';

  const ports = soapPorts(documents);
  if (ports.length === 0) {
    const abstract = portlessBinding(documents);
    if (abstract) ports.push(abstract);
  }
  if (ports.length === 0)
    return reason(
      'WSDL นี้ไม่มี SOAP binding (soap หรือ soap12) จึงเรียกใช้ด้วย SOAP ไม่ได้',
      'This WSDL has no SOAP binding (soap or soap12), so it cannot be called over SOAP.',
    );

  // A binding offered on several ports is read once.
  const readBindings = new Map<XmlElement, BoundOperation[]>();
  const listed: Array<Omit<WsdlOperation, 'key'>> = [];
  for (const port of ports) {
    let bound = readBindings.get(port.binding);
    if (!bound) {
      bound = bindingOperations(port.binding, port.version, documents, targetNamespace);
      readBindings.set(port.binding, bound);
    }
    for (const operation of bound) {
      if (listed.length === MAX_OPERATIONS) {
        documents.notes.add('listing-capped', `${MAX_OPERATIONS} operations`);
        break;
      }
      listed.push({
        ...operation,
        service: port.service,
        port: port.port,
        binding: port.binding.attrs.name ?? '',
        soapVersion: port.version,
        endpoint: port.endpoint,
      });
    }
  }
  const operations = uniqueKeys(listed);
  if (operations.length === 0)
    return reason('SOAP binding ใน WSDL นี้ไม่มี operation ใดเลย', 'The SOAP binding in this WSDL has no operations.');

  const guess = guessAmong(operations);
  const chosen = operations.find((operation) => operation.key === guess?.operationKey) ?? operations[0]!;
  return {
    ok: true,
    description: {
      targetNamespace,
      endpoint: chosen.endpoint,
      soapVersion: chosen.soapVersion,
      operations,
      guess,
      notes: notes.list(),
    },
  };
}

/**
 * The guess is made among distinct operation names, each at its first port (SOAP 1.1 first),
 * so that a service offering the same operations over SOAP 1.1 and 1.2 is guessed as one.
 */
function guessAmong(operations: WsdlOperation[]): WsdlDescription['guess'] {
  const firstOfName = new Map<string, WsdlOperation>();
  for (const operation of operations) if (!firstOfName.has(operation.name)) firstOfName.set(operation.name, operation);
  const guess = guessRoles([...firstOfName.values()]);
  if (!guess) return null;
  return { ...guess, operationKey: firstOfName.get(guess.operation)!.key };
}

/**
 * Parses a WSDL 1.1 document and the schemas and WSDL parts it imports, given as text. Never
 * throws; a reason in Thai and English says why a document was not usable.
 */
export function parseWsdl(xml: string, extraDocuments: readonly string[] = []): WsdlParseResult {
  return describeWsdl(readWsdlDocument(xml), extraDocuments.map(readWsdlDocument));
}

export interface WsdlOperation {
  /** Unique within the description: the service, port and operation names. */
  key: string;
  name: string;
  style: 'document' | 'rpc';
  soapAction: string;
  /** For document/literal wrapped: the wrapper element's namespace (usually the target namespace). */
  inputNamespace: string;
  inputParameters: string[];
  /** The service and port that offer it ('' for a binding no port offers), and the port's binding. */
  service: string;
  port: string;
  binding: string;
  /** The binding's SOAP version. */
  soapVersion: '1.1' | '1.2';
  /** The port's `soap:address` / `soap12:address`; null when it names none. */
  endpoint: string | null;
}

export interface WsdlDescription {
  targetNamespace: string;
  /** The endpoint of the guessed operation's port (else the first port's); null when it names none. */
  endpoint: string | null;
  /** The SOAP version of the same port. */
  soapVersion: '1.1' | '1.2';
  /** Every operation of every SOAP port, SOAP 1.1 ports first. */
  operations: WsdlOperation[];
  /** The best guess of which operation verifies and which parameter takes what, from names. */
  guess: {
    operation: string;
    /** Which of the operations of that name (it may be offered on several ports). */
    operationKey: string;
    tokenParameter: string | null;
    clientIdParameter: string | null;
  } | null;
  /** What was tolerated in the description, or found inconsistent in it. */
  notes: WsdlNote[];
}
