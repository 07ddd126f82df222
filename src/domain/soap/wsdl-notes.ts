/**
 * What the WSDL reader tolerated or found inconsistent, in Thai and English: real services publish
 * descriptions that break the rules in a few known ways, and a person setting up the service should
 * know when what is shown rests on a reading of a broken description.
 */
import type { Localized } from '../finding';

export type WsdlNoteCode =
  | 'old-schema-namespace'
  | 'undeclared-schema-prefix'
  | 'include-location-attribute'
  | 'address-of-other-soap-version'
  | 'extension-base-is-element'
  | 'binding-operation-not-in-port-type'
  | 'port-type-operation-not-bound'
  | 'document-several-parts'
  | 'listing-capped';

export interface WsdlNote {
  code: WsdlNoteCode;
  text: Localized;
}

/** Names from the WSDL, shown as they are but bounded: a hostile description may name anything. */
const MAX_NAMES = 5;
const MAX_NAME_LENGTH = 80;

function nameList(names: readonly string[]): string {
  const shown = names
    .slice(0, MAX_NAMES)
    .map((name) => (name.length > MAX_NAME_LENGTH ? `${name.slice(0, MAX_NAME_LENGTH)}…` : name));
  return names.length > MAX_NAMES ? `${shown.join(', ')} (+${names.length - MAX_NAMES})` : shown.join(', ');
}

const TEXTS: Record<WsdlNoteCode, (names: string) => Localized> = {
  'old-schema-namespace': (names) => ({
    th: `schema ใช้ namespace ของ XML Schema ฉบับร่างเก่า (${names}) จึงอ่านเหมือน XML Schema 2001`,
    en: `The schema uses an old draft XML Schema namespace (${names}); it was read as XML Schema 2001.`,
  }),
  'undeclared-schema-prefix': (names) => ({
    th: `schema ใช้ prefix ที่ไม่ได้ประกาศ (${names}) จึงถือว่าเป็นองค์ประกอบของ XML Schema`,
    en: `The schema uses prefixes that are declared nowhere (${names}); they were taken as XML Schema.`,
  }),
  'include-location-attribute': (names) => ({
    th: `xsd:include/xsd:import เขียนที่อยู่ไว้ใน location= แทน schemaLocation= (${names}) จึงโหลดตามที่อยู่นั้น`,
    en: `An xsd:include or xsd:import gives its address in location= instead of schemaLocation= (${names}); it was loaded from there.`,
  }),
  'address-of-other-soap-version': (names) => ({
    th: `port ที่ใช้ binding ของ SOAP รุ่นหนึ่งแต่ระบุที่อยู่ด้วย address ของอีกรุ่น (${names}) จึงใช้ที่อยู่นั้นและรุ่น SOAP ตาม binding`,
    en: `Ports whose binding is of one SOAP version give their address with the other version's address element (${names}); that address was used, with the binding's SOAP version.`,
  }),
  'extension-base-is-element': (names) => ({
    th: `complexContent extension อ้างถึง element แทน type (${names}) จึงนำฟิลด์ของ element นั้นมาเป็นฟิลด์ฐาน`,
    en: `A complexContent extension names an element as its base instead of a type (${names}); that element's fields were taken as the base fields.`,
  }),
  'binding-operation-not-in-port-type': (names) => ({
    th: `binding มี operation ที่ portType ไม่ได้กำหนด (${names}) จึงไม่แสดงเป็นตัวเลือก`,
    en: `The binding has operations its portType does not define (${names}); they are not offered.`,
  }),
  'port-type-operation-not-bound': (names) => ({
    th: `portType กำหนด operation ที่ binding ไม่ได้ผูกไว้ (${names}) จึงเรียกผ่าน SOAP ไม่ได้และไม่แสดงเป็นตัวเลือก`,
    en: `The portType defines operations the binding does not bind (${names}); they cannot be called over SOAP and are not offered.`,
  }),
  'document-several-parts': (names) => ({
    th: `operation แบบ document มีหลาย part (${names}) พารามิเตอร์จึงเป็นชื่อ element ที่ส่งจริงใน Body ไม่มี element ห่อชื่อ operation`,
    en: `Document-style operations with several parts (${names}): the parameters are the element names sent in the Body, with no wrapper named after the operation.`,
  }),
  'listing-capped': (names) => ({
    th: `WSDL นี้ใหญ่เกินกว่าบริการตรวจโทเค็นใด ๆ จึงแสดงเพียงส่วนแรก (${names})`,
    en: `This WSDL is larger than any token-checking service; only the first part is listed (${names}).`,
  }),
};

/** Collects what was noticed, by kind, and says each kind once with the names it concerns. */
export class WsdlNotes {
  private readonly names = new Map<WsdlNoteCode, Set<string>>();

  add(code: WsdlNoteCode, name: string): void {
    const set = this.names.get(code);
    if (set) set.add(name);
    else this.names.set(code, new Set([name]));
  }

  addAll(other: WsdlNotes): void {
    for (const [code, names] of other.names) for (const name of names) this.add(code, name);
  }

  list(): WsdlNote[] {
    return [...this.names].map(([code, names]) => ({ code, text: TEXTS[code](nameList([...names])) }));
  }
}
