/**
 * Test-only. A large WSDL in the shape of an ERP's generated service: 1,511 document/literal
 * wrapped operations on one SOAP 1.1 port, the schema in a separate `?xsd=1` document, about
 * 3.1 MB in all. Each document stays under the element cap (xml-tree.ts), so it is read, not
 * refused: the point is how long reading a big but acceptable description takes.
 */
export const LARGE_WSDL_OPERATIONS = 1_511;

const NS = 'http://erp.example/services/general-ledger/v2';
const BASE = 'http://erp.example:8080/LedgerService/LedgerService';

export interface LargeWsdl {
  /** The address the main WSDL is read from. */
  entry: string;
  /** Every document by its address. */
  documents: Record<string, string>;
}

const operationName = (index: number) => `getLedgerAccountStatementByPeriodAndBranch${String(index).padStart(4, '0')}`;

export function largeWsdl(operations = LARGE_WSDL_OPERATIONS): LargeWsdl {
  const names = Array.from({ length: operations }, (_unused, index) => operationName(index));
  const messages = names
    .map(
      (name) =>
        `  <message name="${name}"><part name="parameters" element="tns:${name}"/></message>\n` +
        `  <message name="${name}Response"><part name="parameters" element="tns:${name}Response"/></message>\n`,
    )
    .join('');
  const portType = names
    .map(
      (name) =>
        `    <operation name="${name}"><input wsam:Action="${NS}/LedgerService/${name}Request" message="tns:${name}"/>` +
        `<output wsam:Action="${NS}/LedgerService/${name}Response" message="tns:${name}Response"/></operation>\n`,
    )
    .join('');
  const binding = names
    .map(
      (name) =>
        `    <operation name="${name}">\n      <soap:operation soapAction="${NS}/LedgerService/${name}" style="document"/>\n` +
        `      <input><soap:body use="literal"/></input>\n      <output><soap:body use="literal"/></output>\n    </operation>\n`,
    )
    .join('');
  const wsdl = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:tns="${NS}" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:wsam="http://www.w3.org/2007/05/addressing/metadata" targetNamespace="${NS}" name="LedgerService">
  <types><xsd:schema><xsd:import namespace="${NS}" schemaLocation="${BASE}?xsd=1"/></xsd:schema></types>
${messages}  <portType name="LedgerService">
${portType}  </portType>
  <binding name="LedgerServicePortBinding" type="tns:LedgerService">
    <soap:binding transport="http://schemas.xmlsoap.org/soap/http" style="document"/>
${binding}  </binding>
  <service name="LedgerService"><port name="LedgerServicePort" binding="tns:LedgerServicePortBinding"><soap:address location="${BASE}"/></port></service>
</definitions>
`;
  const types = names
    .map(
      (name) =>
        `  <xs:element name="${name}"><xs:complexType><xs:sequence>` +
        `<xs:element name="companyCode" type="xs:string" minOccurs="0" nillable="true" form="unqualified"/><xs:element name="branchCode" type="xs:string" minOccurs="0" nillable="true" form="unqualified"/>` +
        `<xs:element name="periodFrom" type="xs:dateTime" minOccurs="0" nillable="true" form="unqualified"/><xs:element name="periodUntil" type="xs:dateTime" minOccurs="0" nillable="true" form="unqualified"/></xs:sequence></xs:complexType></xs:element>\n` +
        `  <xs:element name="${name}Response"><xs:complexType><xs:sequence>` +
        `<xs:element name="return" type="tns:ledgerStatementLine" minOccurs="0" maxOccurs="unbounded" nillable="true" form="unqualified"/></xs:sequence></xs:complexType></xs:element>\n`,
    )
    .join('');
  const xsd = `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tns="${NS}" targetNamespace="${NS}" version="1.0">
${types}</xs:schema>
`;
  return { entry: `${BASE}?wsdl`, documents: { [`${BASE}?wsdl`]: wsdl, [`${BASE}?xsd=1`]: xsd } };
}
