import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { parseWsdl } from './wsdl';
import { referencedDocuments } from './wsdl-documents';
import { guessRoles } from './wsdl-guess';
import type { WsdlDescription } from './wsdl';

function parsed(xml: string, extra: string[] = []): WsdlDescription {
  const result = parseWsdl(xml, extra);
  if (!result.ok) throw new Error(result.reason.en);
  return result.description;
}

const DEMO_WSDL = readFileSync(new URL('../../../demo/diwappchk.wsdl', import.meta.url), 'utf8').replace(
  'REPLACED_AT_RUNTIME',
  'http://127.0.0.1:8089/DiwAppChk/DiwAppChk',
);

// What JAX-WS RI (Metro) publishes for `@WebService class DiwAppChk { String DiwLoginChk(String, String) }`
// without @WebParam: the schema sits at ?xsd=1, and the parameters are called arg0, arg1.
const METRO_WSDL = `<?xml version='1.0' encoding='UTF-8'?><!-- Published by JAX-WS RI (https://github.com/eclipse-ee4j/metro-jax-ws). RI's version is Metro/2.4.3. -->
<definitions xmlns:wsu="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd" xmlns:wsp="http://www.w3.org/ns/ws-policy" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:tns="http://diw.go.th/" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns="http://schemas.xmlsoap.org/wsdl/" targetNamespace="http://diw.go.th/" name="DiwAppChk">
<types><xsd:schema><xsd:import namespace="http://diw.go.th/" schemaLocation="http://diwinfo.example:8080/DiwAppChk/DiwAppChk?xsd=1"/></xsd:schema></types>
<message name="DiwLoginChk"><part name="parameters" element="tns:DiwLoginChk"/></message>
<message name="DiwLoginChkResponse"><part name="parameters" element="tns:DiwLoginChkResponse"/></message>
<message name="getVersion"><part name="parameters" element="tns:getVersion"/></message>
<message name="getVersionResponse"><part name="parameters" element="tns:getVersionResponse"/></message>
<portType name="DiwAppChk">
<operation name="getVersion"><input wsam:Action="http://diw.go.th/DiwAppChk/getVersionRequest" message="tns:getVersion" xmlns:wsam="http://www.w3.org/2007/05/addressing/metadata"/><output message="tns:getVersionResponse"/></operation>
<operation name="DiwLoginChk"><input message="tns:DiwLoginChk"/><output message="tns:DiwLoginChkResponse"/></operation>
</portType>
<binding name="DiwAppChkPortBinding" type="tns:DiwAppChk"><soap:binding transport="http://schemas.xmlsoap.org/soap/http" style="document"/>
<operation name="getVersion"><soap:operation soapAction=""/><input><soap:body use="literal"/></input><output><soap:body use="literal"/></output></operation>
<operation name="DiwLoginChk"><soap:operation soapAction=""/><input><soap:body use="literal"/></input><output><soap:body use="literal"/></output></operation>
</binding>
<service name="DiwAppChk"><port name="DiwAppChkPort" binding="tns:DiwAppChkPortBinding"><soap:address location="http://diwinfo.example:8080/DiwAppChk/DiwAppChk"/></port></service>
</definitions>`;

const METRO_XSD = `<?xml version='1.0' encoding='UTF-8'?><xs:schema xmlns:tns="http://diw.go.th/" xmlns:xs="http://www.w3.org/2001/XMLSchema" version="1.0" targetNamespace="http://diw.go.th/">
<xs:element name="DiwLoginChk" type="tns:DiwLoginChk"/><xs:element name="DiwLoginChkResponse" type="tns:DiwLoginChkResponse"/>
<xs:element name="getVersion" type="tns:getVersion"/><xs:element name="getVersionResponse" type="tns:getVersionResponse"/>
<xs:complexType name="DiwLoginChk"><xs:sequence><xs:element name="arg0" type="xs:string" minOccurs="0"/><xs:element name="arg1" type="xs:string" minOccurs="0"/></xs:sequence></xs:complexType>
<xs:complexType name="DiwLoginChkResponse"><xs:sequence><xs:element name="return" type="xs:string" minOccurs="0"/></xs:sequence></xs:complexType>
<xs:complexType name="getVersion"><xs:sequence/></xs:complexType>
<xs:complexType name="getVersionResponse"><xs:sequence><xs:element name="return" type="xs:string" minOccurs="0"/></xs:sequence></xs:complexType>
</xs:schema>`;

// Axis 1 style rpc/encoded: the parts are the parameters, the wrapper's namespace is soap:body's.
const RPC_ENCODED_WSDL = `<?xml version="1.0" encoding="UTF-8"?>
<wsdl:definitions targetNamespace="http://diwinfo.example/DiwAppChk" xmlns:apachesoap="http://xml.apache.org/xml-soap" xmlns:impl="http://diwinfo.example/DiwAppChk" xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:wsdlsoap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:xsd="http://www.w3.org/2001/XMLSchema">
  <wsdl:message name="verifyTokenRequest"><wsdl:part name="clientId" type="xsd:string"/><wsdl:part name="accessToken" type="xsd:string"/></wsdl:message>
  <wsdl:message name="verifyTokenResponse"><wsdl:part name="verifyTokenReturn" type="xsd:string"/></wsdl:message>
  <wsdl:portType name="DiwAppChk"><wsdl:operation name="verifyToken" parameterOrder="clientId accessToken"><wsdl:input message="impl:verifyTokenRequest" name="verifyTokenRequest"/><wsdl:output message="impl:verifyTokenResponse" name="verifyTokenResponse"/></wsdl:operation></wsdl:portType>
  <wsdl:binding name="DiwAppChkSoapBinding" type="impl:DiwAppChk">
    <wsdlsoap:binding style="rpc" transport="http://schemas.xmlsoap.org/soap/http"/>
    <wsdl:operation name="verifyToken"><wsdlsoap:operation soapAction="urn:verifyToken"/>
      <wsdl:input name="verifyTokenRequest"><wsdlsoap:body encodingStyle="http://schemas.xmlsoap.org/soap/encoding/" namespace="urn:DiwAppChk" use="encoded"/></wsdl:input>
      <wsdl:output name="verifyTokenResponse"><wsdlsoap:body encodingStyle="http://schemas.xmlsoap.org/soap/encoding/" namespace="urn:DiwAppChk" use="encoded"/></wsdl:output>
    </wsdl:operation>
  </wsdl:binding>
  <wsdl:service name="DiwAppChkService"><wsdl:port binding="impl:DiwAppChkSoapBinding" name="DiwAppChk"><wsdlsoap:address location="http://diwinfo.example:8080/axis/services/DiwAppChk"/></wsdl:port></wsdl:service>
</wsdl:definitions>`;

// .NET-style, SOAP 1.2 only, qualified schema with an inline wrapper type and several operations.
const SOAP12_ONLY_WSDL = `<?xml version="1.0" encoding="utf-8"?>
<wsdl:definitions xmlns:s="http://www.w3.org/2001/XMLSchema" xmlns:soap12="http://schemas.xmlsoap.org/wsdl/soap12/" xmlns:tns="http://tempuri.org/" xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" targetNamespace="http://tempuri.org/">
  <wsdl:types><s:schema elementFormDefault="qualified" targetNamespace="http://tempuri.org/">
    <s:element name="HelloWorld"><s:complexType/></s:element>
    <s:element name="CheckToken"><s:complexType><s:sequence><s:element minOccurs="0" maxOccurs="1" name="appKey" type="s:string"/><s:element minOccurs="0" maxOccurs="1" name="jwt" type="s:string"/></s:sequence></s:complexType></s:element>
    <s:element name="CheckTokenResponse"><s:complexType><s:sequence><s:element minOccurs="0" maxOccurs="1" name="CheckTokenResult" type="s:string"/></s:sequence></s:complexType></s:element>
  </s:schema></wsdl:types>
  <wsdl:message name="HelloWorldSoapIn"><wsdl:part name="parameters" element="tns:HelloWorld"/></wsdl:message>
  <wsdl:message name="CheckTokenSoapIn"><wsdl:part name="parameters" element="tns:CheckToken"/></wsdl:message>
  <wsdl:portType name="TokenServiceSoap">
    <wsdl:operation name="HelloWorld"><wsdl:input message="tns:HelloWorldSoapIn"/></wsdl:operation>
    <wsdl:operation name="CheckToken"><wsdl:input message="tns:CheckTokenSoapIn"/></wsdl:operation>
  </wsdl:portType>
  <wsdl:binding name="TokenServiceSoap12" type="tns:TokenServiceSoap">
    <soap12:binding transport="http://schemas.xmlsoap.org/soap/http"/>
    <wsdl:operation name="HelloWorld"><soap12:operation soapAction="http://tempuri.org/HelloWorld" style="document"/><wsdl:input><soap12:body use="literal"/></wsdl:input></wsdl:operation>
    <wsdl:operation name="CheckToken"><soap12:operation soapAction="http://tempuri.org/CheckToken" style="document"/><wsdl:input><soap12:body use="literal"/></wsdl:input></wsdl:operation>
  </wsdl:binding>
  <wsdl:binding name="TokenServiceHttpGet" type="tns:TokenServiceSoap"><http:binding xmlns:http="http://schemas.xmlsoap.org/wsdl/http/" verb="GET"/></wsdl:binding>
  <wsdl:service name="TokenService">
    <wsdl:port name="TokenServiceHttpGet" binding="tns:TokenServiceHttpGet"><http:address xmlns:http="http://schemas.xmlsoap.org/wsdl/http/" location="http://10.0.0.5/TokenService.asmx"/></wsdl:port>
    <wsdl:port name="TokenServiceSoap12" binding="tns:TokenServiceSoap12"><soap12:address location="http://10.0.0.5/TokenService.asmx"/></wsdl:port>
  </wsdl:service>
</wsdl:definitions>`;

describe('parseWsdl', () => {
  it('reads the demo DiwAppChk (JAX-WS document/literal wrapped, inline schema)', () => {
    expect(parsed(DEMO_WSDL)).toEqual({
      targetNamespace: 'http://ws.diwappchk.diw.go.th/',
      endpoint: 'http://127.0.0.1:8089/DiwAppChk/DiwAppChk',
      soapVersion: '1.1',
      operations: [
        {
          key: 'DiwAppChk/DiwAppChkPort/DiwLoginChk',
          name: 'DiwLoginChk',
          style: 'document',
          soapAction: '',
          inputNamespace: 'http://ws.diwappchk.diw.go.th/',
          inputParameters: ['AccessToken', 'ClientID'],
          service: 'DiwAppChk',
          port: 'DiwAppChkPort',
          binding: 'DiwAppChkPortBinding',
          soapVersion: '1.1',
          endpoint: 'http://127.0.0.1:8089/DiwAppChk/DiwAppChk',
        },
      ],
      guess: {
        operation: 'DiwLoginChk',
        operationKey: 'DiwAppChk/DiwAppChkPort/DiwLoginChk',
        tokenParameter: 'AccessToken',
        clientIdParameter: 'ClientID',
      },
      notes: [],
    });
  });

  it('Metro with the schema at ?xsd=1: lists the import, reads parameters once given it', () => {
    expect(referencedDocuments(METRO_WSDL)).toEqual(['http://diwinfo.example:8080/DiwAppChk/DiwAppChk?xsd=1']);
    const alone = parsed(METRO_WSDL);
    expect(alone.operations.find((op) => op.name === 'DiwLoginChk')).toMatchObject({
      inputNamespace: 'http://diw.go.th/',
      inputParameters: [],
    });
    const whole = parsed(METRO_WSDL, [METRO_XSD]);
    expect(whole.endpoint).toBe('http://diwinfo.example:8080/DiwAppChk/DiwAppChk');
    expect(whole.operations.map((op) => [op.name, op.inputParameters])).toEqual([
      ['getVersion', []],
      ['DiwLoginChk', ['arg0', 'arg1']],
    ]);
    // arg0/arg1 say nothing: the operation is guessed, the parameters are left to a person.
    expect(whole.guess).toMatchObject({ operation: 'DiwLoginChk', tokenParameter: null, clientIdParameter: null });
  });

  it('rpc/encoded: parameters are the message parts, namespace from soap:body', () => {
    const description = parsed(RPC_ENCODED_WSDL);
    expect(description).toMatchObject({
      soapVersion: '1.1',
      endpoint: 'http://diwinfo.example:8080/axis/services/DiwAppChk',
      targetNamespace: 'http://diwinfo.example/DiwAppChk',
    });
    expect(description.operations).toMatchObject([
      {
        name: 'verifyToken',
        style: 'rpc',
        soapAction: 'urn:verifyToken',
        inputNamespace: 'urn:DiwAppChk',
        inputParameters: ['clientId', 'accessToken'],
      },
    ]);
    expect(description.guess).toMatchObject({
      operation: 'verifyToken',
      tokenParameter: 'accessToken',
      clientIdParameter: 'clientId',
    });
  });

  it('SOAP 1.2-only binding, skipping an HTTP GET port', () => {
    const description = parsed(SOAP12_ONLY_WSDL);
    expect(description).toMatchObject({ soapVersion: '1.2', endpoint: 'http://10.0.0.5/TokenService.asmx' });
    expect(description.operations.map((op) => [op.name, op.soapAction, op.inputParameters])).toEqual([
      ['HelloWorld', 'http://tempuri.org/HelloWorld', []],
      ['CheckToken', 'http://tempuri.org/CheckToken', ['appKey', 'jwt']],
    ]);
    expect(description.guess).toMatchObject({
      operation: 'CheckToken',
      tokenParameter: 'jwt',
      clientIdParameter: 'appKey',
    });
  });

  it('lists both ports, SOAP 1.1 first, and preselects it', () => {
    const both = SOAP12_ONLY_WSDL.replace(
      '<wsdl:service name="TokenService">',
      '<wsdl:binding name="TokenServiceSoap" type="tns:TokenServiceSoap"><soap:binding xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" transport="http://schemas.xmlsoap.org/soap/http"/><wsdl:operation name="CheckToken"><soap:operation xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" soapAction="http://tempuri.org/CheckToken11"/></wsdl:operation></wsdl:binding><wsdl:service name="TokenService"><wsdl:port name="TokenServiceSoap" binding="tns:TokenServiceSoap"><soap:address xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" location="http://10.0.0.5/v11.asmx"/></wsdl:port>',
    );
    const description = parsed(both);
    expect(description).toMatchObject({ soapVersion: '1.1', endpoint: 'http://10.0.0.5/v11.asmx' });
    expect(description.operations).toMatchObject([
      {
        key: 'TokenService/TokenServiceSoap/CheckToken',
        name: 'CheckToken',
        style: 'document',
        soapAction: 'http://tempuri.org/CheckToken11',
        inputNamespace: 'http://tempuri.org/',
        inputParameters: ['appKey', 'jwt'],
        soapVersion: '1.1',
        endpoint: 'http://10.0.0.5/v11.asmx',
      },
      { name: 'HelloWorld', soapVersion: '1.2', port: 'TokenServiceSoap12' },
      {
        name: 'CheckToken',
        soapVersion: '1.2',
        port: 'TokenServiceSoap12',
        endpoint: 'http://10.0.0.5/TokenService.asmx',
      },
    ]);
    expect(description.guess?.operationKey).toBe('TokenService/TokenServiceSoap/CheckToken');
    // The SOAP 1.1 binding leaves HelloWorld out: said, not offered on that port.
    expect(description.notes.map((note) => note.code)).toEqual(['port-type-operation-not-bound']);
  });

  it('a per-operation style overrides the binding style', () => {
    const mixed = RPC_ENCODED_WSDL.replace(
      '<wsdlsoap:operation soapAction="urn:verifyToken"/>',
      '<wsdlsoap:operation soapAction="urn:verifyToken" style="document"/>',
    );
    expect(parsed(mixed).operations[0]).toMatchObject({
      style: 'document',
      inputParameters: ['clientId', 'accessToken'],
    });
  });

  it('reads extensions of a base complexType and element refs', () => {
    const wsdl = DEMO_WSDL.replace(
      '<xsd:complexType name="DiwLoginChk">\n        <xsd:sequence>',
      '<xsd:element name="Lang" type="xsd:string"/><xsd:complexType name="Base"><xsd:sequence><xsd:element name="Version" type="xsd:string"/></xsd:sequence></xsd:complexType><xsd:complexType name="DiwLoginChk"><xsd:complexContent><xsd:extension base="tns:Base"><xsd:sequence><xsd:element ref="tns:Lang"/>',
    ).replace(
      '<xsd:element name="ClientID" type="xsd:string" minOccurs="0"/>\n        </xsd:sequence>',
      '<xsd:element name="ClientID" type="xsd:string" minOccurs="0"/></xsd:sequence></xsd:extension></xsd:complexContent>',
    );
    expect(parsed(wsdl).operations[0]!.inputParameters).toEqual(['Version', 'Lang', 'AccessToken', 'ClientID']);
  });

  it('thousands of ports on one large binding: the listing is bounded, and says so', () => {
    const operations = 2_000;
    const ports = 3_000;
    const names = Array.from({ length: operations }, (_unused, index) => `op${index}`);
    const wsdl = `<definitions xmlns="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:tns="urn:t" targetNamespace="urn:t">
      <portType name="P">${names.map((name) => `<operation name="${name}"/>`).join('')}</portType>
      <binding name="B" type="tns:P"><soap:binding style="rpc"/>${names.map((name) => `<operation name="${name}"/>`).join('')}</binding>
      <service name="S">${Array.from({ length: ports }, (_unused, index) => `<port name="p${index}" binding="tns:B"/>`).join('')}</service>
    </definitions>`;
    const description = parsed(wsdl);
    expect(description.operations.length).toBeLessThanOrEqual(5_000);
    expect(new Set(description.operations.map((operation) => operation.port)).size).toBeLessThanOrEqual(50);
    expect(description.notes.map((note) => note.code)).toContain('listing-capped');
  });

  it('a WSDL without a service still gives operations, with no endpoint', () => {
    const abstract = DEMO_WSDL.replace(/<service[\s\S]*<\/service>/, '');
    expect(parsed(abstract)).toMatchObject({ endpoint: null, soapVersion: '1.1', guess: { operation: 'DiwLoginChk' } });
  });

  it.each([
    ['empty', '', 'empty'],
    [
      'an HTML page',
      '<!DOCTYPE html><html><head><title>Login</title></head><body>Please sign in<br></body></html>',
      'HTML',
    ],
    ['XHTML', '<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>', 'HTML'],
    ['garbage', '\u0000\u0001 not xml at all {', 'not well-formed'],
    ['a JSON document', '{"wsdl": false}', 'not well-formed'],
    ['a schema, not a WSDL', METRO_XSD, 'root element <schema>'],
    ['WSDL 2.0', '<description xmlns="http://www.w3.org/ns/wsdl"/>', 'WSDL 2.0'],
    [
      'no SOAP binding',
      '<definitions xmlns="http://schemas.xmlsoap.org/wsdl/" targetNamespace="urn:x"><binding name="b" type="x"/></definitions>',
      'no SOAP binding',
    ],
  ])('%s → a reason in both languages', (_label, xml, english) => {
    const result = parseWsdl(xml);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason.en).toContain(english);
      expect(result.reason.th).toMatch(/[\u0E00-\u0E7F]/);
    }
  });

  it('property: never throws on hostile input', () => {
    const fragment = fc.constantFrom(
      '<definitions xmlns="http://schemas.xmlsoap.org/wsdl/">',
      '</definitions>',
      '<binding name="b" type="tns:p">',
      '<soap:binding xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" style="rpc"/>',
      '<operation name="x">',
      '</operation>',
      '</binding>',
      '<message name="x"><part name="a" element="tns:x"/></message>',
      '<',
      '>',
      '"',
      ':',
      'tns:',
      '<types>',
      '<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(fragment, fc.string({ maxLength: 5 })), { maxLength: 30 }), (parts) => {
        const result = parseWsdl(parts.join(''));
        if (result.ok) expect(result.description.operations.length).toBeGreaterThan(0);
        else expect(result.reason.en.length).toBeGreaterThan(0);
      }),
      { numRuns: 400 },
    );
  });
});

describe('guessRoles', () => {
  const op = (name: string, inputParameters: string[]) => ({
    name,
    style: 'document' as const,
    soapAction: '',
    inputNamespace: '',
    inputParameters,
  });

  it('with two parameters, naming one names the other', () => {
    expect(guessRoles([op('DiwLoginChk', ['token', 'arg1'])])).toEqual({
      operation: 'DiwLoginChk',
      tokenParameter: 'token',
      clientIdParameter: 'arg1',
    });
    expect(guessRoles([op('DiwLoginChk', ['arg0', 'clientId'])])).toEqual({
      operation: 'DiwLoginChk',
      tokenParameter: 'arg0',
      clientIdParameter: 'clientId',
    });
  });

  it('a single operation is taken even without a hint; several without hints are left to a person', () => {
    expect(guessRoles([op('Run', ['in'])])).toEqual({
      operation: 'Run',
      tokenParameter: 'in',
      clientIdParameter: null,
    });
    expect(guessRoles([op('Run', []), op('Stop', [])])).toBeNull();
    expect(guessRoles([])).toBeNull();
  });

  it('prefers the operation whose name and parameters say "token"', () => {
    expect(guessRoles([op('Login', ['user', 'password']), op('CheckToken', ['jwt'])])?.operation).toBe('CheckToken');
  });
});
