// Figure 9: our WSDL reader (src/domain/soap/wsdl.ts) against the `soap` package's, on the same
// large generated WSDL. In Node, not a browser: it compares two libraries on one input, and the
// browser would change both the same way. Our TypeScript is loaded through Vite's module runner.
import { runnerImport } from 'vite';
import soap from 'soap';
import { median } from './stats.mjs';

const TARGET_NS = 'http://diwappchk.diw.go.th/';

/**
 * A JAX-WS-looking document/literal WSDL with `operations` operations, DiwLoginChk among them:
 * per operation a request and response element, two messages, a portType and a binding entry.
 * @param {number} operations
 */
export function generateLargeWsdl(operations) {
  const names = ['DiwLoginChk', ...Array.from({ length: operations - 1 }, (_, index) => `LookUpOfficeRecord${index}`)];
  /** @param {string} name */
  const field = (name) => `<xs:element name="${name}" type="xs:string" minOccurs="0"/>`;
  const schema = names
    .map(
      (name) =>
        `<xs:element name="${name}" type="tns:${name}"/><xs:element name="${name}Response" type="tns:${name}Response"/>` +
        `<xs:complexType name="${name}"><xs:sequence>${field('AccessToken')}${field('ClientID')}</xs:sequence></xs:complexType>` +
        `<xs:complexType name="${name}Response"><xs:sequence>${field('Username')}${field('IDCard')}${field('Status')}${field('Message')}</xs:sequence></xs:complexType>`,
    )
    .join('\n');
  const messages = names
    .map(
      (name) =>
        `<message name="${name}"><part name="parameters" element="tns:${name}"/></message>` +
        `<message name="${name}Response"><part name="parameters" element="tns:${name}Response"/></message>`,
    )
    .join('\n');
  const portType = names
    .map(
      (name) =>
        `<operation name="${name}"><input message="tns:${name}"/><output message="tns:${name}Response"/></operation>`,
    )
    .join('\n');
  const binding = names
    .map(
      (name) =>
        `<operation name="${name}"><soap:operation soapAction=""/><input><soap:body use="literal"/></input>` +
        `<output><soap:body use="literal"/></output></operation>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tns="${TARGET_NS}" targetNamespace="${TARGET_NS}" name="DiwAppChkService">
<types><xs:schema version="1.0" targetNamespace="${TARGET_NS}">
${schema}
</xs:schema></types>
${messages}
<portType name="DiwAppChk">
${portType}
</portType>
<binding name="DiwAppChkPortBinding" type="tns:DiwAppChk"><soap:binding transport="http://schemas.xmlsoap.org/soap/http" style="document"/>
${binding}
</binding>
<service name="DiwAppChkService"><port name="DiwAppChkPort" binding="tns:DiwAppChkPortBinding"><soap:address location="http://127.0.0.1:1/DiwAppChk/DiwAppChk"/></port></service>
</definitions>
`;
}

/**
 * The `soap` package's reader, to the point where its description is ready.
 * @param {string} xml
 * @returns {Promise<unknown>}
 */
function parseWithSoapPackage(xml) {
  return new Promise((resolve, reject) => {
    const wsdl = new soap.WSDL(xml, 'http://127.0.0.1/bench.wsdl', {});
    wsdl.onReady((/** @type {Error | undefined} */ error) =>
      error ? reject(error) : resolve(wsdl.describeServices()),
    );
  });
}

/**
 * @param {number} operations
 * @param {number} runs
 * @returns {Promise<import('./report.mjs').Figure[]>}
 */
export async function measureWsdlReaders(operations, runs) {
  const xml = generateLargeWsdl(operations);
  const { module: ours } = await runnerImport('./src/domain/soap/wsdl.ts');
  const first = ours.parseWsdl(xml);
  /** @type {import('./stats.mjs').Pairs} */
  const pairs = { subject: [], baseline: [] };
  // One untimed run of each first: the JIT's first pass is not what a person waits for twice.
  for (let index = 0; index <= runs; index += 1) {
    let started = performance.now();
    ours.parseWsdl(xml);
    const oursMs = performance.now() - started;
    started = performance.now();
    await parseWithSoapPackage(xml);
    const theirsMs = performance.now() - started;
    if (index === 0) continue;
    pairs.subject.push(oursMs);
    pairs.baseline.push(theirsMs);
  }
  const size = `${(xml.length / 1024 / 1024).toFixed(1)} MB, ${operations.toLocaleString('en-US')} operations`;
  const outcome = first.ok
    ? `read ${first.description.operations.length.toLocaleString('en-US')} operations`
    : `refused it: ${first.reason.en}`;
  return [
    {
      number: 9,
      title: `WSDL reader vs the soap package (${size}; in Node: it compares two libraries)`,
      browser: 'node',
      kind: 'paired',
      subjectName: 'ours',
      baselineName: 'soap',
      how: 'ratio',
      budget: { kind: 'none', note: 'print' },
      pairs,
    },
    {
      number: 9,
      title: 'WSDL reader: what ours made of it',
      browser: 'node',
      kind: 'value',
      text: `ours ${outcome} (median ${median(pairs.subject).toFixed(1)} ms)`,
      value: Number.NaN,
      budget: { kind: 'none', note: 'print' },
    },
  ];
}
