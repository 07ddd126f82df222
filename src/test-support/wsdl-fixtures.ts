/**
 * Test-only. The WSDL fixtures of src/domain/soap/fixtures/ (each written by hand in the shape a
 * toolkit publishes, or in the shape of a mistake real services make), each as the documents a
 * service would serve at its addresses. A fixture is read the way the background reads a WSDL:
 * from its entry address, following what it imports.
 */
import { readFileSync } from 'node:fs';

export interface WsdlFixture {
  name: string;
  /** The address the WSDL is read from. */
  entry: string;
  /** Every document the service serves, by address. */
  documents: Record<string, string>;
}

const FOLDER = new URL('../domain/soap/fixtures/', import.meta.url);

function fixture(name: string, entry: string, files: Record<string, string>): WsdlFixture {
  const documents: Record<string, string> = {};
  for (const [address, file] of Object.entries(files))
    documents[address] = readFileSync(new URL(`${name}/${file}`, FOLDER), 'utf8');
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
