/**
 * The documents of one WSDL (the main one, and the WSDL parts and schemas it imports), indexed
 * once so that reading it operation by operation stays linear; and the schema walk that finds
 * the parameter names of a document/literal wrapped call.
 */
import { childrenNamed, descendants, firstChild, readXml, resolveQName, type XmlElement } from './xml-tree';

export const WSDL_NS = 'http://schemas.xmlsoap.org/wsdl/';
export const XSD_NS = 'http://www.w3.org/2001/XMLSchema';

/**
 * The documents, with their top-level WSDL children and their schema components indexed once
 * by name: a WSDL is read operation by operation, and a search of every list for each one
 * would be quadratic in a hostile document's size.
 */
export interface Documents {
  definitions: XmlElement[];
  schemas: XmlElement[];
  /** WSDL children of every definitions document, by local name (`message`, `binding`...). */
  topLevel: Map<string, XmlElement[]>;
  /** Schema components by `kind name` (`element DiwLoginChk`), each with its target namespace, in document order. */
  components: Map<string, Array<{ element: XmlElement; namespace: string }>>;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function collectDocuments(root: XmlElement, extra: readonly string[]): Documents {
  const definitions = [root];
  const schemas: XmlElement[] = [];
  for (const text of extra) {
    const read = readXml(text);
    if (!read.ok) continue;
    if (read.root.local === 'definitions' && read.root.ns === WSDL_NS) definitions.push(read.root);
    else if (read.root.local === 'schema' && read.root.ns === XSD_NS) schemas.push(read.root);
  }
  const topLevel = new Map<string, XmlElement[]>();
  for (const definition of definitions) {
    for (const child of definition.children) if (child.ns === WSDL_NS) pushTo(topLevel, child.local, child);
  }
  // One at a time, not push(...list): a spread passes one argument per element.
  for (const types of topLevel.get('types') ?? [])
    for (const schema of childrenNamed(types, 'schema', XSD_NS)) schemas.push(schema);
  const components = new Map<string, Array<{ element: XmlElement; namespace: string }>>();
  for (const schema of schemas) {
    const namespace = schema.attrs.targetNamespace ?? '';
    for (const child of schema.children) {
      if (
        child.ns === XSD_NS &&
        (child.local === 'element' || child.local === 'complexType') &&
        child.attrs.name !== undefined
      ) {
        pushTo(components, `${child.local} ${child.attrs.name}`, { element: child, namespace });
      }
    }
  }
  return { definitions, schemas, topLevel, components };
}

/** Top-level children of every definitions document with this local name. */
export function everywhere(documents: Documents, local: string): XmlElement[] {
  return documents.topLevel.get(local) ?? [];
}

/** The first element of the list named by `qname`'s local part, from an index made once per list. */
export function byName(elements: XmlElement[], qname: string, context: XmlElement): XmlElement | undefined {
  const { local } = resolveQName(qname, context);
  let index = nameIndexes.get(elements);
  if (!index) {
    index = new Map();
    for (const element of elements)
      if (element.attrs.name !== undefined && !index.has(element.attrs.name)) index.set(element.attrs.name, element);
    nameIndexes.set(elements, index);
  }
  return index.get(local);
}

/** Indexes of the lists byName has searched; weak, so they go with the parsed documents. */
const nameIndexes = new WeakMap<XmlElement[], Map<string, XmlElement>>();

/**
 * Which schema documents and WSDL parts `xml` refers to (xsd:import / xsd:include
 * `schemaLocation`, wsdl:import `location`), as written: relative locations are the caller's to
 * resolve against the WSDL's URL.
 */
export function referencedDocuments(xml: string): string[] {
  const read = readXml(xml);
  if (!read.ok) return [];
  const locations = descendants(read.root).flatMap((element) => {
    if (
      element.ns === XSD_NS &&
      (element.local === 'import' || element.local === 'include') &&
      element.attrs.schemaLocation
    )
      return [element.attrs.schemaLocation];
    if (element.ns === WSDL_NS && element.local === 'import' && element.attrs.location) return [element.attrs.location];
    return [];
  });
  return [...new Set(locations)];
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
      else if (child.local === 'complexContent') {
        // <xsd:extension base="tns:Base"> adds to the base type's content (XSD part 1 §3.4.2).
        for (const extension of childrenNamed(child, 'extension', XSD_NS)) {
          const base =
            extension.attrs.base && findSchemaComponent(documents, 'complexType', extension.attrs.base, extension);
          if (base) for (const name of contentNames(base.element, documents, seen)) names.push(name);
          visit(extension);
        }
      }
    }
  };
  visit(complexType);
  return names;
}

export function findSchemaComponent(
  documents: Documents,
  kind: 'element' | 'complexType',
  qname: string,
  context: XmlElement,
): { element: XmlElement; namespace: string } | undefined {
  const { ns, local } = resolveQName(qname, context);
  const candidates = documents.components.get(`${kind} ${local}`) ?? [];
  return candidates.find((candidate) => candidate.namespace === ns) ?? candidates[0];
}

/** The child element names of a global element: the parameters of a document/literal wrapped call. */
export function wrapperChildren(element: XmlElement, documents: Documents): string[] {
  const inline = firstChild(element, 'complexType', XSD_NS);
  if (inline) return contentNames(inline, documents, new Set());
  if (element.attrs.type) {
    const named = findSchemaComponent(documents, 'complexType', element.attrs.type, element);
    if (named) return contentNames(named.element, documents, new Set());
  }
  return [];
}
