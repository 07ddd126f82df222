/**
 * The documents of one WSDL (the main one, and the WSDL parts and schemas it imports): each read
 * once, with what it imports found in the same walk; then indexed once, so that reading the
 * description operation by operation stays linear; and the schema walk that finds the parameter
 * names of a document/literal wrapped call.
 */
import {
  MAX_WSDL_ELEMENTS,
  childrenNamed,
  firstChild,
  readXml,
  resolveQName,
  type XmlElement,
  type XmlReadResult,
} from './xml-tree';
import { WsdlNotes } from './wsdl-notes';

export const WSDL_NS = 'http://schemas.xmlsoap.org/wsdl/';
export const XSD_NS = 'http://www.w3.org/2001/XMLSchema';
/**
 * The namespaces of XML Schema's drafts, which early toolkits (SOAP toolkits of 1999–2001) wrote
 * and their services still publish. They name the same constructs for what a WSDL reader needs.
 */
const DRAFT_XSD_NAMESPACES = new Set(['http://www.w3.org/2000/10/XMLSchema', 'http://www.w3.org/1999/XMLSchema']);

/** One document as read: its tree (or why it has none), what it refers to, and what was tolerated. */
export interface WsdlDocument {
  read: XmlReadResult;
  /** xsd:import / xsd:include and wsdl:import locations, as written (relative ones are the caller's to resolve). */
  references: string[];
  notes: WsdlNotes;
  /** The text has an `<html` tag: a failure to read it is most likely a web page, not a broken WSDL. */
  looksLikeHtml: boolean;
}

/**
 * Reads one document. Schema content written in a draft XML Schema namespace, or with a prefix no
 * declaration binds, is taken as XML Schema (both are what the toolkits that wrote them meant),
 * and `location=` on an import or include is taken for `schemaLocation=`; each is noted.
 */
export function readWsdlDocument(text: string): WsdlDocument {
  const read = readXml(text, MAX_WSDL_ELEMENTS);
  const notes = new WsdlNotes();
  const references: string[] = [];
  const looksLikeHtml = /<html[\s>]/i.test(text.slice(0, 4096));
  if (!read.ok) return { read, references, notes, looksLikeHtml };
  // One walk, depth first with an explicit stack, knowing whether each element is inside a schema
  // (or is a schema: wsdl:types holds nothing else).
  const stack: Array<{ element: XmlElement; inSchema: boolean }> = [{ element: read.root, inSchema: false }];
  while (stack.length > 0) {
    const { element, inSchema } = stack.pop()!;
    if (DRAFT_XSD_NAMESPACES.has(element.ns)) {
      notes.add('old-schema-namespace', element.ns);
      element.ns = XSD_NS;
    } else if (inSchema && element.unboundPrefix !== undefined) {
      notes.add('undeclared-schema-prefix', `${element.unboundPrefix}:`);
      element.ns = XSD_NS;
    }
    const isSchema = element.ns === XSD_NS && element.local === 'schema';
    if (element.ns === XSD_NS && (element.local === 'import' || element.local === 'include')) {
      const location = element.attrs.schemaLocation ?? element.attrs.location;
      if (location) {
        references.push(location);
        if (element.attrs.schemaLocation === undefined) notes.add('include-location-attribute', location);
      }
    } else if (element.ns === WSDL_NS && element.local === 'import' && element.attrs.location)
      references.push(element.attrs.location);
    const childrenInSchema = inSchema || isSchema || (element.ns === WSDL_NS && element.local === 'types');
    for (let i = element.children.length - 1; i >= 0; i -= 1)
      stack.push({ element: element.children[i]!, inSchema: childrenInSchema });
  }
  return { read, references: [...new Set(references)], notes, looksLikeHtml };
}

/**
 * Which schema documents and WSDL parts `xml` refers to (xsd:import / xsd:include
 * `schemaLocation`, wsdl:import `location`), as written: relative locations are the caller's to
 * resolve against the WSDL's URL.
 */
export function referencedDocuments(xml: string): string[] {
  return readWsdlDocument(xml).references;
}

/** A named component and the target namespace of the document or schema that declares it. */
interface Named {
  element: XmlElement;
  namespace: string;
}

/**
 * The documents, with their top-level WSDL children and their schema components indexed once
 * by name: a WSDL is read operation by operation, and a search of every list for each one
 * would be quadratic in a hostile document's size.
 */
export interface Documents {
  definitions: XmlElement[];
  schemas: XmlElement[];
  /** WSDL children of every definitions document by `local name` (`binding DiwAppChkPortBinding`), and schema components by `xsd:kind name`, in document order. */
  components: Map<string, Named[]>;
  /** Every service element, main document first. */
  services: Named[];
  /** What reading the documents and the schemas tolerated, and what the description found. */
  notes: WsdlNotes;
  /** The parameters found for each wrapper element: many operations may share one, and its walk is not cheap. */
  wrappers: Map<XmlElement, string[]>;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const SCHEMA_KINDS = new Set(['element', 'complexType', 'group']);

export function collectDocuments(main: XmlElement, extra: readonly WsdlDocument[], notes: WsdlNotes): Documents {
  const definitions = [main];
  const schemas: XmlElement[] = [];
  for (const document of extra) {
    if (!document.read.ok) continue;
    notes.addAll(document.notes);
    const root = document.read.root;
    if (root.local === 'definitions' && root.ns === WSDL_NS) definitions.push(root);
    else if (root.local === 'schema' && root.ns === XSD_NS) schemas.push(root);
  }
  const components = new Map<string, Named[]>();
  const services: Named[] = [];
  for (const definition of definitions) {
    const namespace = definition.attrs.targetNamespace ?? '';
    for (const child of definition.children) {
      if (child.ns !== WSDL_NS) continue;
      if (child.local === 'service') services.push({ element: child, namespace });
      // One at a time, not push(...list): a spread passes one argument per element.
      else if (child.local === 'types')
        for (const schema of childrenNamed(child, 'schema', XSD_NS)) schemas.push(schema);
      else if (child.attrs.name !== undefined)
        pushTo(components, `${child.local} ${child.attrs.name}`, { element: child, namespace });
    }
  }
  for (const schema of schemas) {
    const namespace = schema.attrs.targetNamespace ?? '';
    for (const child of schema.children) {
      if (child.ns === XSD_NS && SCHEMA_KINDS.has(child.local) && child.attrs.name !== undefined)
        pushTo(components, `xsd:${child.local} ${child.attrs.name}`, { element: child, namespace });
    }
  }
  return { definitions, schemas, components, services, notes, wrappers: new Map() };
}

/**
 * The component `qname` names: the one in its namespace, else (an undeclared prefix, a namespace
 * written differently) the first of that name, which is how the toolkits that wrote it read it.
 */
function lookUp(documents: Documents, key: string, qname: string, context: XmlElement): Named | undefined {
  const { ns, local } = resolveQName(qname, context);
  const candidates = documents.components.get(`${key} ${local}`);
  if (!candidates) return undefined;
  return candidates.find((candidate) => candidate.namespace === ns) ?? candidates[0];
}

/** A top-level WSDL component (`message`, `portType`, `binding`) named by `qname`. */
export function wsdlComponent(
  documents: Documents,
  kind: 'message' | 'portType' | 'binding',
  qname: string,
  context: XmlElement,
): XmlElement | undefined {
  return lookUp(documents, kind, qname, context)?.element;
}

export function findSchemaComponent(
  documents: Documents,
  kind: 'element' | 'complexType' | 'group',
  qname: string,
  context: XmlElement,
): Named | undefined {
  return lookUp(documents, `xsd:${kind}`, qname, context);
}

/** The names of the elements a complexType's sequence / all / choice holds, in order. */
function contentNames(complexType: XmlElement, documents: Documents, seen: Set<XmlElement>): string[] {
  if (seen.has(complexType)) return [];
  seen.add(complexType);
  const names: string[] = [];
  const visit = (group: XmlElement) => {
    for (const child of group.children) {
      if (child.ns !== XSD_NS) continue;
      if (child.local === 'element') {
        const name = child.attrs.name ?? (child.attrs.ref ? resolveQName(child.attrs.ref, child).local : undefined);
        if (name) names.push(name);
      } else if (child.local === 'sequence' || child.local === 'all' || child.local === 'choice') visit(child);
      else if (child.local === 'group' && child.attrs.ref) {
        const named = findSchemaComponent(documents, 'group', child.attrs.ref, child);
        if (named && !seen.has(named.element)) {
          seen.add(named.element);
          visit(named.element);
        }
      } else if (child.local === 'complexContent') {
        // <xsd:extension base="tns:Base"> adds to the base type's content (XSD part 1 §3.4.2).
        for (const extension of childrenNamed(child, 'extension', XSD_NS)) {
          for (const name of baseNames(extension, documents, seen)) names.push(name);
          visit(extension);
        }
      }
    }
  };
  visit(complexType);
  return names;
}

/**
 * The base's content names. A base that names only an element (not valid XML Schema, but
 * published) is read as that element's type: its fields come first, as an extension's do.
 */
function baseNames(extension: XmlElement, documents: Documents, seen: Set<XmlElement>): string[] {
  const base = extension.attrs.base;
  if (!base) return [];
  const type = findSchemaComponent(documents, 'complexType', base, extension);
  if (type) return contentNames(type.element, documents, seen);
  const element = findSchemaComponent(documents, 'element', base, extension);
  if (!element || seen.has(element.element)) return [];
  seen.add(element.element);
  documents.notes.add('extension-base-is-element', resolveQName(base, extension).local);
  return elementContent(element.element, documents, seen);
}

function elementContent(element: XmlElement, documents: Documents, seen: Set<XmlElement>): string[] {
  const inline = firstChild(element, 'complexType', XSD_NS);
  if (inline) return contentNames(inline, documents, seen);
  if (element.attrs.type) {
    const named = findSchemaComponent(documents, 'complexType', element.attrs.type, element);
    if (named) return contentNames(named.element, documents, seen);
  }
  return [];
}

/** The child element names of a global element: the parameters of a document/literal wrapped call. */
export function wrapperChildren(element: XmlElement, documents: Documents): string[] {
  let names = documents.wrappers.get(element);
  if (!names) {
    names = elementContent(element, documents, new Set());
    documents.wrappers.set(element, names);
  }
  return names;
}
