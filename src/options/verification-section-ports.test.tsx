// @vitest-environment happy-dom
/** The verification section with a WSDL of several SOAP ports: choosing the port, then the operation. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { renderPage, byTestId, type, choose, savedVerification } from '../test-support/render-options-page';
import { describeFixture, wsdlFixture } from '../test-support/wsdl-fixtures';

afterEach(cleanup);

const optionsOf = (id: string) =>
  within(byTestId(id))
    .getAllByRole('option')
    .map((option) => option.textContent);

async function load(fixtureName: string) {
  const fixture = wsdlFixture(fixtureName);
  const client = await renderPage({ wsdlResult: { ok: true, value: describeFixture(fixture) } });
  type('wsdl-url', fixture.entry);
  type('client-id', 'CID-1');
  fireEvent.click(byTestId('load-wsdl'));
  await screen.findByTestId('wsdl-summary');
  return client;
}

describe('a WSDL with several SOAP ports', () => {
  it('ASMX: starts on the SOAP 1.1 port with the guess, and moving to SOAP 1.2 keeps the operation and its parameters', async () => {
    const client = await load('asmx');
    expect(optionsOf('port')).toEqual(['TokenServiceSoap · SOAP 1.1', 'TokenServiceSoap12 · SOAP 1.2']);
    expect(byTestId<HTMLSelectElement>('port').value).toBe('TokenService/TokenServiceSoap');
    expect(byTestId<HTMLSelectElement>('operation').value).toBe('CheckToken');
    expect(byTestId<HTMLSelectElement>('token-parameter').value).toBe('jwt');
    // Each port is listed with its SOAP version, its address and its operations.
    const ports = screen.getAllByTestId('wsdl-port').map((port) => port.textContent);
    expect(ports).toHaveLength(2);
    expect(ports[1]).toContain('TokenServiceSoap12 · SOAP 1.2');
    expect(ports[1]).toContain('http://asmx.example/TokenService.asmx');
    expect(ports[1]).toContain('appKey, jwt');

    choose('port', 'TokenService/TokenServiceSoap12');
    expect(byTestId<HTMLSelectElement>('operation').value).toBe('CheckToken');
    expect(byTestId<HTMLSelectElement>('token-parameter').value).toBe('jwt');
    expect(byTestId<HTMLSelectElement>('client-id-parameter').value).toBe('appKey');
    fireEvent.click(byTestId('save-settings'));
    await waitFor(() => expect(client.callsTo('saveSettings')).toHaveLength(1));
    expect(savedVerification(client)).toMatchObject({
      endpoint: 'http://asmx.example/TokenService.asmx',
      soapVersion: '1.2',
      operation: 'CheckToken',
      soapAction: 'http://asmx.example/tokens/CheckToken',
      tokenParameter: 'jwt',
      clientIdParameter: 'appKey',
    });
  });

  it('ports with different operations, one service imported: each port offers its own, with its address and version', async () => {
    const client = await load('several-ports');
    expect(optionsOf('port')).toEqual([
      'GreetingService › HelloPort · SOAP 1.1',
      'GreetingService › ByePort · SOAP 1.1',
      'GreetingService › AnotherByePort · SOAP 1.1',
      'WelcomeService › WelcomePort · SOAP 1.2',
    ]);
    // No name says "token": nothing is guessed, and only the first port's operation is offered.
    expect(screen.getByText('The names gave no clear guess; please choose.')).toBeTruthy();
    expect(optionsOf('operation')).toEqual(['— choose —', 'sayHello']);

    choose('port', 'GreetingService/ByePort');
    expect(byTestId('endpoint').value).toBe('http://ports.example/greeting/bye');
    expect(optionsOf('operation')).toEqual(['— choose —', 'sayBye']);

    choose('port', 'WelcomeService/WelcomePort');
    choose('operation', 'sayWelcome');
    expect(optionsOf('token-parameter')).toEqual(['— choose —', 'visitor', 'language']);
    choose('token-parameter', 'visitor');
    choose('client-id-parameter', 'language');
    fireEvent.click(byTestId('save-settings'));
    await waitFor(() => expect(client.callsTo('saveSettings')).toHaveLength(1));
    expect(savedVerification(client)).toMatchObject({
      endpoint: 'http://ports.example/greeting/welcome',
      soapVersion: '1.2',
      namespace: 'http://ports.example/greeting/extra',
      operation: 'sayWelcome',
      soapAction: 'urn:sayWelcome',
      tokenParameter: 'visitor',
      clientIdParameter: 'language',
    });
  });

  it('a single port needs no port choice; what the WSDL got wrong is said beside it', async () => {
    await load('binding-port-type-disagree');
    expect(screen.queryByTestId('port')).toBeNull();
    expect(optionsOf('operation')).toEqual(['verifyToken']);
    const notes = byTestId('wsdl-notes').textContent ?? '';
    expect(notes).toContain('The binding has operations its portType does not define (purgeCache)');
    expect(notes).toContain('The portType defines operations the binding does not bind (listSessions)');
  });
});
