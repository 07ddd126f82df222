/**
 * A small namespace-aware view of an XML document, shared by the WSDL reader and the SOAP
 * answer reader. fast-xml-parser does the parsing (it works in Chrome's MV3 service worker,
 * which has no DOMParser); this module only resolves `prefix:local` names
 * to namespace URIs, because WSDLs bind prefixes freely (`soap:`, `soap12:`, `wsdl:`, none).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface XmlElement {
  /** Namespace URI ('' when the element is in no namespace). */
  ns: string;
  /** Local name, without prefix. */
  local: string;
  /** Attributes by their name as written (`xmlns:tns`, `element`, `soap:action`...). */
  attrs: Record<string, string>;
  children: XmlElement[];
  /** The element's own text, concatenated and trimmed (CDATA included). */
  text: string;
  /** Prefix → namespace URI in scope here ('' is the default namespace). */
  scope: ReadonlyMap<string, string>;
  /** The element's prefix when no declaration binds it (then `ns` is ''): a mistake some readers tolerate. */
  unboundPrefix?: string;
}

export type XmlReadResult =
  | { ok: true; root: XmlElement }
  | { ok: false; problem: 'empty' | 'doctype' | 'invalid' | 'no-root' | 'too-many-elements'; detail: string };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  // Keep every value as the exact text: an ID number like "0123..." must not become a number.
  parseTagValue: false,
  parseAttributeValue: false,
  // Trimmed once per element (below), so text around a CDATA section keeps its inner spaces.
  trimValues: false,
  processEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

type OrderedNode = Record<string, unknown>;

/** Nesting deeper than this is not a WSDL or a SOAP answer; stop before the stack does. */
const MAX_DEPTH = 200;

/**
 * A DiwLoginChk answer has a dozen elements and a JAX-WS WSDL a few hundred. A document with
 * more is refused as a whole: every reader above walks the tree, some of them once per
 * operation, and a tree of 200,000 siblings once overflowed an argument spread.
 */
export const MAX_ELEMENTS = 20_000;

/**
 * A WSDL is fetched only when an administrator presses Load WSDL, and is capped at 5 MB on the
 * way in. Real ones reach tens of thousands of elements (1,500 operations and their schema make
 * about 60,000), so a WSDL document may hold ten times what an answer may; each reader above
 * visits an element a bounded number of times, so the cost stays linear.
 */
export const MAX_WSDL_ELEMENTS = 200_000;

class TooManyElements extends Error {}

function toElement(
  node: OrderedNode,
  parentScope: ReadonlyMap<string, string>,
  depth: number,
  budget: { left: number },
): XmlElement | null {
  const name = Object.keys(node).find((key) => key !== ':@' && key !== '#text' && key !== '#comment');
  if (name === undefined || depth > MAX_DEPTH) return null;
  budget.left -= 1;
  if (budget.left < 0) throw new TooManyElements();
  const rawAttrs = (node[':@'] ?? {}) as Record<string, unknown>;
  const attrs: Record<string, string> = {};
  let scope = parentScope;
  for (const [key, value] of Object.entries(rawAttrs)) {
    const text = String(value);
    attrs[key] = text;
    if (key === 'xmlns' || key.startsWith('xmlns:')) {
      if (scope === parentScope) scope = new Map(parentScope);
      (scope as Map<string, string>).set(key === 'xmlns' ? '' : key.slice(6), text);
    }
  }
  const colon = name.indexOf(':');
  const prefix = colon === -1 ? '' : name.slice(0, colon);
  const local = colon === -1 ? name : name.slice(colon + 1);
  const children: XmlElement[] = [];
  const texts: string[] = [];
  const content = node[name];
  if (Array.isArray(content)) {
    for (const child of content as OrderedNode[]) {
      if (typeof child['#text'] === 'string' || typeof child['#text'] === 'number') texts.push(String(child['#text']));
      else {
        const element = toElement(child, scope, depth + 1, budget);
        if (element) children.push(element);
      }
    }
  }
  const ns = scope.get(prefix);
  const element: XmlElement = { ns: ns ?? '', local, attrs, children, text: texts.join('').trim(), scope };
  if (ns === undefined && prefix !== '') element.unboundPrefix = prefix;
  return element;
}

/**
 * Parses `xml` into a tree. Refuses a DOCTYPE: SOAP 1.1 §3 and SOAP 1.2 part 1 §5 forbid one in
 * a message, no WSDL needs one, and refusing it removes entity-expansion tricks altogether.
 */
export function readXml(xml: string, maxElements: number = MAX_ELEMENTS): XmlReadResult {
  const text = xml.replace(/^\uFEFF/, '').trim();
  if (text === '') return { ok: false, problem: 'empty', detail: 'The body is empty.' };
  if (/<!DOCTYPE/i.test(text))
    return {
      ok: false,
      problem: 'doctype',
      detail: 'The document has a DOCTYPE (an HTML page or a DTD), which SOAP and WSDL never use.',
    };
  // Counted before parsing, so a huge flat document costs one pass, not a parse and a tree.
  if (startTagCount(text) > maxElements) return tooManyElements(maxElements);
  const validation = XMLValidator.validate(text);
  if (validation !== true) {
    return {
      ok: false,
      problem: 'invalid',
      detail: `Not well-formed XML: ${validation.err.msg} (line ${validation.err.line}, column ${validation.err.col}).`,
    };
  }
  let parsed: unknown;
  try {
    parsed = parser.parse(text);
  } catch (error) {
    return {
      ok: false,
      problem: 'invalid',
      detail: `Not well-formed XML: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  const budget = { left: maxElements };
  let root: XmlElement | undefined;
  try {
    for (const node of Array.isArray(parsed) ? (parsed as OrderedNode[]) : []) {
      root = toElement(node, new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]), 0, budget) ?? undefined;
      if (root) break;
    }
  } catch (error) {
    if (error instanceof TooManyElements) return tooManyElements(maxElements);
    throw error;
  }
  if (!root) return { ok: false, problem: 'no-root', detail: 'The document has no root element.' };
  return { ok: true, root };
}

function tooManyElements(limit: number): XmlReadResult {
  return {
    ok: false,
    problem: 'too-many-elements',
    detail: `The document has too many elements (over ${limit.toLocaleString('en-US')}); a ${limit === MAX_ELEMENTS ? 'SOAP answer' : 'WSDL'} has far fewer.`,
  };
}

/** An upper bound on the elements: every `<` that a name follows (CDATA and comments may add a few). */
function startTagCount(text: string): number {
  let count = 0;
  for (let at = text.indexOf('<'); at !== -1; at = text.indexOf('<', at + 1)) {
    const next = text.charCodeAt(at + 1);
    // Not `/` (an end tag), `!` (comment, CDATA) or `?` (a processing instruction).
    if (at + 1 < text.length && next !== 0x2f && next !== 0x21 && next !== 0x3f && next > 0x20) count += 1;
  }
  return count;
}

/** Children with this local name (and, when given, namespace). */
export function childrenNamed(element: XmlElement, local: string, ns?: string | readonly string[]): XmlElement[] {
  const namespaces = ns === undefined ? null : typeof ns === 'string' ? [ns] : ns;
  return element.children.filter(
    (child) => child.local === local && (namespaces === null || namespaces.includes(child.ns)),
  );
}

export function firstChild(
  element: XmlElement,
  local: string,
  ns?: string | readonly string[],
): XmlElement | undefined {
  return childrenNamed(element, local, ns)[0];
}

/** Every element below `element` (itself excluded), breadth first: shallow matches come first. */
export function descendants(element: XmlElement): XmlElement[] {
  // One element at a time: spreading a child list into push() is a function call with one
  // argument per child, and 200,000 siblings overflow the engine's argument limit.
  const found: XmlElement[] = [];
  for (const child of element.children) found.push(child);
  for (let i = 0; i < found.length; i += 1) {
    for (const child of found[i]!.children) found.push(child);
  }
  return found;
}

/**
 * Splits a QName attribute value (`tns:DiwLoginChk`) into namespace and local name, with the
 * prefixes in scope at `context` (XML Namespaces §4).
 */
export function resolveQName(value: string, context: XmlElement): { ns: string; local: string } {
  const colon = value.indexOf(':');
  if (colon === -1) return { ns: context.scope.get('') ?? '', local: value.trim() };
  return { ns: context.scope.get(value.slice(0, colon).trim()) ?? '', local: value.slice(colon + 1).trim() };
}
