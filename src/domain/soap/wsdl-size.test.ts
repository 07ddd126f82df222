import { describe, expect, it } from 'vitest';
import { parseWsdl } from './wsdl';
import { MAX_ELEMENTS, MAX_WSDL_ELEMENTS, readXml } from './xml-tree';

/** A one-document document/literal WSDL with `count` operations: about 13 elements each, plus the schema's. */
function oneDocumentWsdl(count: number): string {
  const names = Array.from({ length: count }, (_unused, index) => `Operation${index}`);
  const each = (make: (name: string) => string) => names.map(make).join('');
  return `<?xml version="1.0"?>
<definitions xmlns="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tns="urn:big" targetNamespace="urn:big">
<types><xs:schema targetNamespace="urn:big" elementFormDefault="qualified">${each(
    (name) =>
      `<xs:element name="${name}"><xs:complexType><xs:sequence><xs:element name="AccessToken" type="xs:string"/><xs:element name="ClientID" type="xs:string"/></xs:sequence></xs:complexType></xs:element>`,
  )}</xs:schema></types>
${each((name) => `<message name="${name}"><part name="parameters" element="tns:${name}"/></message>`)}
<portType name="Big">${each((name) => `<operation name="${name}"><input message="tns:${name}"/></operation>`)}</portType>
<binding name="BigBinding" type="tns:Big"><soap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>${each(
    (name) =>
      `<operation name="${name}"><soap:operation soapAction=""/><input><soap:body use="literal"/></input></operation>`,
  )}</binding>
<service name="BigService"><port name="BigPort" binding="tns:BigBinding"><soap:address location="http://127.0.0.1:8080/big"/></port></service>
</definitions>`;
}

describe('WSDL size', () => {
  it('reads a one-document WSDL with more elements than an answer may have', () => {
    const text = oneDocumentWsdl(2_500);
    expect(readXml(text).ok).toBe(false);
    const read = parseWsdl(text);
    expect(read.ok).toBe(true);
    if (read.ok) expect(read.description.operations).toHaveLength(2_500);
    expect(MAX_WSDL_ELEMENTS).toBeGreaterThan(MAX_ELEMENTS);
  });

  it('refuses a WSDL over its own element cap, saying so', () => {
    const flood = `<definitions xmlns="http://schemas.xmlsoap.org/wsdl/">${'<documentation/>'.repeat(MAX_WSDL_ELEMENTS + 1)}</definitions>`;
    const read = parseWsdl(flood);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.reason.en).toMatch(/too many elements \(over 200,000\); a WSDL has far fewer/);
  });
});
