/**
 * Test-only. The WSDL fixtures of src/domain/soap/fixtures/ (each written by hand in the shape a
 * toolkit publishes, or in the shape of a mistake real services make), each as the documents a
 * service would serve at its addresses. A fixture is read the way the background reads a WSDL:
 * from its entry address, following what it imports.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeWsdl, readWsdlDocument, type WsdlDescription, type WsdlOperation } from '../domain/soap/wsdl';

export interface WsdlFixture {
  name: string;
  /** The address the WSDL is read from. */
  entry: string;
  /** Every document the service serves, by address. */
  documents: Record<string, string>;
}

/** From the working directory, not import.meta.url: under happy-dom that is not a file URL. */
const FOLDER = join(process.cwd(), 'src/domain/soap/fixtures');

function fixture(name: string, entry: string, files: Record<string, string>): WsdlFixture {
  const documents: Record<string, string> = {};
  for (const [address, file] of Object.entries(files))
    documents[address] = readFileSync(join(FOLDER, name, file), 'utf8');
  return { name, entry, documents };
}

export function wsdlFixtures(): WsdlFixture[] {
  return [
    fixture('metro', 'http://metro.example:8080/DiwAppChk/DiwAppChk?wsdl', {
      'http://metro.example:8080/DiwAppChk/DiwAppChk?wsdl': 'DiwAppChk.wsdl',
      'http://metro.example:8080/DiwAppChk/DiwAppChk?xsd=1': 'DiwAppChk.xsd1.xsd',
    }),
    fixture('asmx', 'http://asmx.example/TokenService.asmx?WSDL', {
      'http://asmx.example/TokenService.asmx?WSDL': 'TokenService.asmx.wsdl',
    }),
    fixture('wcf', 'http://wcf.example/TokenCheck.svc?wsdl', {
      'http://wcf.example/TokenCheck.svc?wsdl': 'TokenCheck.svc.wsdl',
      'http://wcf.example/TokenCheck.svc?wsdl=wsdl0': 'TokenCheck.svc.wsdl0.wsdl',
      'http://wcf.example/TokenCheck.svc?xsd=xsd0': 'TokenCheck.svc.xsd0.xsd',
      'http://wcf.example/TokenCheck.svc?xsd=xsd1': 'TokenCheck.svc.xsd1.xsd',
      'http://wcf.example/TokenCheck.svc?xsd=xsd2': 'TokenCheck.svc.xsd2.xsd',
    }),
    fixture('axis2', 'http://axis2.example:8080/axis2/services/DiwTokenService?wsdl', {
      'http://axis2.example:8080/axis2/services/DiwTokenService?wsdl': 'DiwTokenService.wsdl',
      'http://axis2.example:8080/axis2/services/DiwTokenService?xsd=xsd0.xsd': 'DiwTokenService.xsd0.xsd',
    }),
    fixture('axis1-rpc-encoded', 'http://axis1.example:8080/axis/services/DiwAppChk?wsdl', {
      'http://axis1.example:8080/axis/services/DiwAppChk?wsdl': 'DiwAppChk.wsdl',
    }),
    fixture('several-ports', 'http://ports.example/Greeting?wsdl', {
      'http://ports.example/Greeting?wsdl': 'Greeting.wsdl',
      'http://ports.example/Greeting?wsdl=extra': 'Greeting.extra.wsdl',
    }),
    fixture('old-schema-namespace', 'http://old.example/lookup?wsdl', {
      'http://old.example/lookup?wsdl': 'Lookup.wsdl',
    }),
    fixture('soap12-address-on-soap11-binding', 'http://mixed.example/audit/AuditService?wsdl', {
      'http://mixed.example/audit/AuditService?wsdl': 'Audit.wsdl',
    }),
    fixture('include-with-location', 'http://include.example/registry/Registry.wsdl', {
      'http://include.example/registry/Registry.wsdl': 'Registry.wsdl',
      'http://include.example/registry/registry-types.xsd': 'registry-types.xsd',
    }),
    fixture('undeclared-schema-prefix', 'http://prefix.example/permit/service?wsdl', {
      'http://prefix.example/permit/service?wsdl': 'Permit.wsdl',
    }),
    fixture('extension-of-element', 'http://extend.example/session?wsdl', {
      'http://extend.example/session?wsdl': 'Session.wsdl',
    }),
    fixture('document-several-parts', 'http://parts.example/gate?wsdl', {
      'http://parts.example/gate?wsdl': 'Gate.wsdl',
    }),
    fixture('binding-port-type-disagree', 'http://disagree.example/tokens?wsdl', {
      'http://disagree.example/tokens?wsdl': 'Tokens.wsdl',
    }),
  ];
}

export function wsdlFixture(name: string): WsdlFixture {
  const found = wsdlFixtures().find((fixture) => fixture.name === name);
  if (!found) throw new Error(`No WSDL fixture called ${name}`);
  return found;
}

/** Reads a fixture as the background does: the entry, then what each document refers to, breadth first. */
export function describeFixture(fixture: WsdlFixture): WsdlDescription {
  const read = new Map<string, ReturnType<typeof readWsdlDocument>>();
  const queue = [fixture.entry];
  while (queue.length > 0) {
    const address = queue.shift()!;
    const text = fixture.documents[address];
    if (read.has(address) || text === undefined) continue;
    const document = readWsdlDocument(text);
    read.set(address, document);
    for (const location of document.references) queue.push(new URL(location, address).href);
  }
  const [main, ...extra] = [...read.values()];
  const result = describeWsdl(main!, extra);
  if (!result.ok) throw new Error(`${fixture.name}: ${result.reason.en}`);
  return result.description;
}

/** A stand-in for the `soap` package's HTTP client that serves a fixture's documents and nothing else. */
export function fixtureHttpClient(documents: Record<string, string>) {
  return {
    request(url: string, _data: unknown, callback: (error: unknown, response?: unknown, body?: string) => void) {
      const body = documents[url];
      if (body === undefined) callback(new Error(`Not a document of this fixture: ${url}`));
      else callback(null, { status: 200, data: body }, body);
    },
  };
}

/** A described operation for component tests: one port, SOAP 1.2, unless `overrides` say otherwise. */
export function describedOperation(
  overrides: Partial<WsdlOperation> & Pick<WsdlOperation, 'name' | 'inputParameters'>,
): WsdlOperation {
  const service = overrides.service ?? 'Service';
  const port = overrides.port ?? 'ServicePort';
  return {
    key: `${service}/${port}/${overrides.name}`,
    style: 'document',
    soapAction: '',
    inputNamespace: '',
    service,
    port,
    binding: `${port}Binding`,
    soapVersion: '1.2',
    endpoint: 'http://127.0.0.1:9001/check',
    ...overrides,
  };
}
