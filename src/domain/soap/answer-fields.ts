/**
 * Finding DiwLoginChk's four fields (Username, IDCard, Status, Message) wherever the answer put
 * them: as elements or attributes in any namespace and letter case, or inside a string return
 * that itself holds XML or JSON. answer.ts then decides what the fields found mean.
 */
import { descendants, readXml, type XmlElement } from './xml-tree';

/** A string return value may hold XML or JSON that holds XML...; stop after this many layers. */
const MAX_NESTING = 3;

export type FieldName = 'username' | 'idcard' | 'status' | 'message';
export type Fields = Partial<Record<FieldName, string>>;

/** `User_Name`, `userName`, `IDCard`, `id-card` → `username`, `idcard`. */
function fieldKey(name: string): FieldName | null {
  const key = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  return key === 'username' || key === 'idcard' || key === 'status' || key === 'message' ? key : null;
}

function looksLikeJson(text: string): boolean {
  return /^\s*[[{]/.test(text);
}

function looksLikeXml(text: string): boolean {
  return /^\s*</.test(text);
}

/** Fields found in a JSON value (any depth, first found wins). */
function fieldsFromJson(value: unknown, found: Fields, depth: number): void {
  if (depth > 50) return;
  if (Array.isArray(value)) {
    for (const item of value) fieldsFromJson(item, found, depth + 1);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  for (const [name, item] of Object.entries(value as Record<string, unknown>)) {
    const key = fieldKey(name);
    if (
      key &&
      found[key] === undefined &&
      (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean')
    )
      found[key] = String(item);
  }
  for (const item of Object.values(value as Record<string, unknown>)) {
    if (typeof item === 'object') fieldsFromJson(item, found, depth + 1);
    else if (typeof item === 'string') fieldsFromString(item, found, depth + 1);
  }
}

function fieldsFromString(text: string, found: Fields, nesting: number): void {
  if (nesting > MAX_NESTING) return;
  if (looksLikeXml(text)) {
    // A string return may hold a fragment with several top-level elements
    // (`<Username>..</Username><Status>..</Status>`): give it a root before reading.
    const asDocument = readXml(text);
    const read = asDocument.ok ? asDocument : readXml(`<fragment>${text.replace(/^\s*<\?xml[^>]*\?>/, '')}</fragment>`);
    if (read.ok) fieldsFromElement(read.root, found, nesting + 1, true);
  } else if (looksLikeJson(text)) {
    try {
      fieldsFromJson(JSON.parse(text), found, 0);
    } catch {
      // Not JSON after all: the string is just a string.
    }
  }
}

/** Fields found as elements or attributes below `element`, shallowest first. */
export function fieldsFromElement(element: XmlElement, found: Fields, nesting: number, includeSelf = false): void {
  const elements = includeSelf ? [element, ...descendants(element)] : descendants(element);
  for (const current of elements) {
    const key = fieldKey(current.local);
    // An element with children is a structure, not the value (e.g. <Status><code>..</code></Status>).
    if (key && found[key] === undefined && current.children.length === 0) found[key] = current.text;
    for (const [attribute, value] of Object.entries(current.attrs)) {
      const attributeKey = attribute.startsWith('xmlns') ? null : fieldKey(attribute.slice(attribute.indexOf(':') + 1));
      if (attributeKey && found[attributeKey] === undefined) found[attributeKey] = value;
    }
  }
  // Then strings that carry XML or JSON (a JAX-WS `String` return, escaped or in CDATA).
  for (const current of elements) {
    if (current.children.length === 0 && (looksLikeXml(current.text) || looksLikeJson(current.text)))
      fieldsFromString(current.text, found, nesting);
  }
}
