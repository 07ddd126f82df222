/**
 * The WSDL reader against the `soap` package, on fixtures in the shapes each toolkit publishes and
 * each mistake real services make. For every fixture the operations (by service and port), their
 * input parameters and the ports' endpoints equal what `soap`'s describe() gives, except where
 * `soap` is wrong: each such case is named below with the reason. `soap` does not say which SOAP
 * version a port speaks, so the versions are checked against the bindings as written.
 */
import { describe, expect, it } from 'vitest';
import * as soap from 'soap';
import { describeFixture, fixtureHttpClient, wsdlFixtures, type WsdlFixture } from '../../test-support/wsdl-fixtures';
import type { WsdlDescription, WsdlNoteCode } from './wsdl';

/** What a reader says of one fixture: `service/port/operation` → input parameter names, and `service/port` → endpoint. */
interface Reading {
  operations: Record<string, string[]>;
  endpoints: Record<string, string | null>;
}

function ourReading(description: WsdlDescription): Reading {
  const reading: Reading = { operations: {}, endpoints: {} };
  for (const operation of description.operations) {
    reading.operations[`${operation.service}/${operation.port}/${operation.name}`] = operation.inputParameters;
    reading.endpoints[`${operation.service}/${operation.port}`] = operation.endpoint;
  }
  return reading;
}

/** The names `soap` gives an input: its keys, less its own bookkeeping and the `[]` it adds to lists. */
function soapParameterNames(input: unknown): string[] {
  if (input === null || typeof input !== 'object') return [];
  return Object.keys(input)
    .filter((key) => key !== 'targetNSAlias' && key !== 'targetNamespace')
    .map((key) => key.replace(/\[\]$/, ''));
}

interface SoapPorts {
  [service: string]: { ports: { [port: string]: { location: string | null } } };
}

async function soapReading(fixture: WsdlFixture): Promise<Reading> {
  const client = await soap.createClientAsync(fixture.entry, {
    httpClient: fixtureHttpClient(fixture.documents),
    disableCache: true,
  } as soap.IOptions);
  const described = client.describe() as Record<string, Record<string, Record<string, { input?: unknown }>>>;
  const reading: Reading = { operations: {}, endpoints: {} };
  for (const [service, ports] of Object.entries(described))
    for (const [port, operations] of Object.entries(ports))
      for (const [operation, parts] of Object.entries(operations))
        reading.operations[`${service}/${port}/${operation}`] = soapParameterNames(parts.input);
  const services = (client.wsdl as unknown as { definitions: { services: SoapPorts } }).definitions.services;
  for (const [service, { ports }] of Object.entries(services))
    for (const [port, { location }] of Object.entries(ports)) reading.endpoints[`${service}/${port}`] = location;
  return reading;
}

interface Expectation {
  /** `service/port` → the SOAP version of its binding. */
  versions: Record<string, '1.1' | '1.2'>;
  /** What the description notes, by code. */
  notes: WsdlNoteCode[];
  /** The operation preselected, as `service/port/operation`, or null when the names do not tell. */
  guess: string | null;
  /** Where `soap` is wrong: why, what `soap` gives for those operations, and what we give. */
  soapIsWrong?: {
    reason: string;
    soap: Record<string, string[] | undefined>;
    ours: Record<string, string[] | undefined>;
  };
}

const EXPECTED: Record<string, Expectation> = {
  metro: {
    versions: { 'DiwAppChk/DiwAppChkPort': '1.1' },
    notes: [],
    guess: 'DiwAppChk/DiwAppChkPort/DiwLoginChk',
  },
  asmx: {
    versions: { 'TokenService/TokenServiceSoap': '1.1', 'TokenService/TokenServiceSoap12': '1.2' },
    notes: [],
    guess: 'TokenService/TokenServiceSoap/CheckToken',
  },
  wcf: {
    versions: { 'TokenCheck/BasicHttpBinding_ITokenCheck': '1.1', 'TokenCheck/WSHttpBinding_ITokenCheck': '1.2' },
    notes: [],
    guess: 'TokenCheck/BasicHttpBinding_ITokenCheck/Verify',
  },
  axis2: {
    versions: {
      'DiwTokenService/DiwTokenServiceHttpSoap11Endpoint': '1.1',
      'DiwTokenService/DiwTokenServiceHttpSoap12Endpoint': '1.2',
    },
    notes: [],
    guess: 'DiwTokenService/DiwTokenServiceHttpSoap11Endpoint/verifyToken',
  },
  'axis1-rpc-encoded': {
    versions: { 'DiwAppChkService/DiwAppChk': '1.1' },
    notes: [],
    guess: 'DiwAppChkService/DiwAppChk/diwLoginChk',
  },
  'several-ports': {
    versions: {
      'GreetingService/HelloPort': '1.1',
      'GreetingService/ByePort': '1.1',
      'GreetingService/AnotherByePort': '1.1',
      'WelcomeService/WelcomePort': '1.2',
    },
    notes: [],
    guess: null,
    soapIsWrong: {
      reason:
        'soap merges the imported WSDL over the importing one, prefix declarations included, so tns: then names ' +
        "the imported document's namespace and the importing document's own messages are no longer found",
      soap: {
        'GreetingService/HelloPort/sayHello': [],
        'GreetingService/ByePort/sayBye': [],
        'GreetingService/AnotherByePort/sayAnotherBye': [],
      },
      ours: {
        'GreetingService/HelloPort/sayHello': ['firstName'],
        'GreetingService/ByePort/sayBye': ['firstName', 'lastName'],
        'GreetingService/AnotherByePort/sayAnotherBye': ['nickname'],
      },
    },
  },
  'old-schema-namespace': {
    versions: { 'Lookup/LookupPort': '1.1' },
    notes: ['old-schema-namespace'],
    guess: 'Lookup/LookupPort/CheckTicket',
  },
  'soap12-address-on-soap11-binding': {
    versions: { 'AuditService/AuditPort': '1.1' },
    notes: ['address-of-other-soap-version'],
    guess: 'AuditService/AuditPort/validateSession',
  },
  'include-with-location': {
    versions: { 'Registry/RegistryPort': '1.1' },
    notes: ['include-location-attribute'],
    guess: 'Registry/RegistryPort/confirmLogin',
  },
  'undeclared-schema-prefix': {
    versions: { 'PermitService/PermitPort': '1.1' },
    notes: ['undeclared-schema-prefix'],
    guess: 'PermitService/PermitPort/checkPermit',
  },
  'extension-of-element': {
    versions: { 'SessionService/SessionPort': '1.1' },
    notes: ['extension-base-is-element'],
    guess: 'SessionService/SessionPort/checkSession',
    soapIsWrong: {
      reason:
        "soap reads a base that names an element as a child element of that name, which would nest the base's " +
        'fields one level down on the wire; an extension adds to its base type, so the fields sit side by side',
      soap: { 'SessionService/SessionPort/checkSession': ['RequestHeader', 'sessionToken'] },
      ours: { 'SessionService/SessionPort/checkSession': ['requestId', 'clientKey', 'sessionToken'] },
    },
  },
  'document-several-parts': {
    versions: { 'GateService/GatePort': '1.1' },
    notes: ['document-several-parts'],
    guess: 'GateService/GatePort/openGate',
    soapIsWrong: {
      reason:
        "soap describes a document-style input by its first part only, as that part's type, and names no " +
        'parameter; the body carries one element per part (WSDL 1.1 §3.5)',
      soap: { 'GateService/GatePort/openGate': [] },
      ours: { 'GateService/GatePort/openGate': ['BearerToken', 'ApplicationId'] },
    },
  },
  'binding-port-type-disagree': {
    versions: { 'TokensService/TokensPort': '1.1' },
    notes: ['binding-operation-not-in-port-type', 'port-type-operation-not-bound'],
    guess: 'TokensService/TokensPort/verifyToken',
    soapIsWrong: {
      reason:
        'soap lists the operations of the portType, so listSessions, which the binding does not bind (no SOAPAction, ' +
        'no framing), is offered as callable; purgeCache, bound but undefined, is left out by both',
      soap: { 'TokensService/TokensPort/listSessions': ['user'] },
      ours: { 'TokensService/TokensPort/listSessions': undefined },
    },
  },
};

describe.each(wsdlFixtures().map((fixture) => [fixture.name, fixture] as const))('fixture %s', (name, fixture) => {
  const expected = EXPECTED[name]!;

  it('gives the operations, input parameters and endpoints soap gives (except where soap is wrong)', async () => {
    const ours = ourReading(describeFixture(fixture));
    const theirs = await soapReading(fixture);
    const wrong = expected.soapIsWrong;
    if (wrong) {
      for (const [key, parameters] of Object.entries(wrong.soap))
        expect(theirs.operations[key], key).toEqual(parameters);
      for (const [key, parameters] of Object.entries(wrong.ours)) {
        expect(ours.operations[key], key).toEqual(parameters);
        if (parameters === undefined) delete theirs.operations[key];
        else theirs.operations[key] = parameters;
      }
    }
    expect(ours.operations).toEqual(theirs.operations);
    expect(ours.endpoints).toEqual(theirs.endpoints);
  });

  it('says each port’s SOAP version, what it tolerated, and preselects as before', () => {
    const description = describeFixture(fixture);
    const versions = Object.fromEntries(
      description.operations.map((operation) => [`${operation.service}/${operation.port}`, operation.soapVersion]),
    );
    expect(versions).toEqual(expected.versions);
    expect(description.notes.map((note) => note.code).sort()).toEqual([...expected.notes].sort());
    for (const note of description.notes) {
      expect(note.text.en.length).toBeGreaterThan(0);
      expect(note.text.th).toMatch(/[\u0E00-\u0E7F]/);
    }
    const guessed = description.operations.find((operation) => operation.key === description.guess?.operationKey);
    expect(guessed ? `${guessed.service}/${guessed.port}/${guessed.name}` : null).toBe(expected.guess);
    if (guessed) expect(description).toMatchObject({ endpoint: guessed.endpoint, soapVersion: guessed.soapVersion });
  });
});
