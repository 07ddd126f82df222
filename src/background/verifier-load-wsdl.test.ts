import { afterEach, describe, expect, it, vi } from 'vitest';
import { createVerifier } from './verifier';
import { allowAll, closeServers, serve } from '../test-support/verifier-test-server';
import { wsdlFixture } from '../test-support/wsdl-fixtures';

afterEach(closeServers);

describe('loadWsdl', () => {
  const verifier = createVerifier(allowAll);

  it('fetches a Metro-style WSDL and its ?xsd=1 schema, and reads the parameters', async () => {
    const wsdl = `<definitions xmlns="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:tns="http://diw.go.th/" xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="http://diw.go.th/">
      <types><xsd:schema><xsd:import namespace="http://diw.go.th/" schemaLocation="DiwAppChk?xsd=1"/></xsd:schema></types>
      <message name="DiwLoginChk"><part name="parameters" element="tns:DiwLoginChk"/></message>
      <portType name="P"><operation name="DiwLoginChk"><input message="tns:DiwLoginChk"/></operation></portType>
      <binding name="B" type="tns:P"><soap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/><operation name="DiwLoginChk"><soap:operation soapAction=""/></operation></binding>
      <service name="DiwAppChk"><port name="Port" binding="tns:B"><soap:address location="http://127.0.0.1:1/DiwAppChk/DiwAppChk"/></port></service></definitions>`;
    const xsd = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tns="http://diw.go.th/" targetNamespace="http://diw.go.th/"><xs:element name="DiwLoginChk" type="tns:DiwLoginChk"/><xs:complexType name="DiwLoginChk"><xs:sequence><xs:element name="token" type="xs:string"/><xs:element name="clientId" type="xs:string"/></xs:sequence></xs:complexType></xs:schema>`;
    const { url, requests } = await serve((req, res) => {
      if (req.url === '/DiwAppChk/DiwAppChk?wsdl') res.writeHead(200, { 'Content-Type': 'text/xml' }).end(wsdl);
      else if (req.url === '/DiwAppChk/DiwAppChk?xsd=1') res.writeHead(200, { 'Content-Type': 'text/xml' }).end(xsd);
      else res.writeHead(404).end();
    });
    const origin = new URL(url).origin;
    const result = await verifier.loadWsdl(`${origin}/DiwAppChk/DiwAppChk?wsdl`);
    expect(requests.map((r) => r.url)).toEqual(['/DiwAppChk/DiwAppChk?wsdl', '/DiwAppChk/DiwAppChk?xsd=1']);
    expect(result).toMatchObject({
      ok: true,
      value: { guess: { operation: 'DiwLoginChk', tokenParameter: 'token', clientIdParameter: 'clientId' } },
    });
  });

  it.each([
    ['wcf', 2],
    ['axis2', 2],
    ['several-ports', 4],
    ['include-with-location', 1],
  ])(
    'reads the %s fixture whole: every document it imports fetched once, every SOAP port listed',
    async (name, portCount) => {
      const fixture = wsdlFixture(name);
      const fixtureOrigin = new URL(fixture.entry).origin;
      let origin = '';
      const { url, requests } = await serve((req, res) => {
        const text = fixture.documents[`${fixtureOrigin}${req.url}`];
        if (text === undefined) res.writeHead(404).end();
        // Absolute addresses in the fixture point at this server instead.
        else res.writeHead(200, { 'Content-Type': 'text/xml' }).end(text.replaceAll(fixtureOrigin, origin));
      });
      origin = new URL(url).origin;
      const entry = fixture.entry.replace(fixtureOrigin, origin);
      const result = await verifier.loadWsdl(entry);
      expect(requests.map((request) => `${fixtureOrigin}${request.url}`).sort()).toEqual(
        Object.keys(fixture.documents).sort(),
      );
      if (!result.ok) throw new Error(result.error.en);
      const ports = new Set(result.value.operations.map((operation) => `${operation.service}/${operation.port}`));
      expect(ports.size).toBe(portCount);
      for (const operation of result.value.operations) expect(operation.endpoint).toMatch(/^http:\/\//);
      expect(result.value.operations.some((operation) => operation.inputParameters.length > 0)).toBe(true);
    },
  );

  it('follows imports only on the WSDL’s own origin', async () => {
    const elsewhere = await serve((_req, res) =>
      res
        .writeHead(200, { 'Content-Type': 'text/xml' })
        .end('<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"/>'),
    );
    const wsdl = (
      otherOrigin: string,
    ) => `<definitions xmlns="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:tns="http://diw.go.th/" xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="http://diw.go.th/">
      <types><xsd:schema><xsd:import schemaLocation="${otherOrigin}/other.xsd"/><xsd:import schemaLocation="same.xsd"/></xsd:schema></types>
      <portType name="P"><operation name="DiwLoginChk"/></portType>
      <binding name="B" type="tns:P"><soap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/><operation name="DiwLoginChk"><soap:operation soapAction=""/></operation></binding>
      <service name="S"><port name="Port" binding="tns:B"><soap:address location="http://127.0.0.1:1/svc"/></port></service></definitions>`;
    const otherOrigin = new URL(elsewhere.url).origin;
    const { url, requests } = await serve((req, res) =>
      res
        .writeHead(200, { 'Content-Type': 'text/xml' })
        .end(req.url === '/same.xsd' ? '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"/>' : wsdl(otherOrigin)),
    );
    await verifier.loadWsdl(`${new URL(url).origin}/svc?wsdl`);
    expect(requests.map((r) => r.url)).toEqual(['/svc?wsdl', '/same.xsd']);
    expect(elsewhere.requests).toEqual([]);
  });

  it('an HTML page instead of a WSDL → a reason in both languages', async () => {
    const { url } = await serve((_req, res) =>
      res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!DOCTYPE html><html><body>Login</body></html>'),
    );
    const result = await verifier.loadWsdl(url);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.en).toContain('HTML');
  });

  it('HTTP 404, a refused port, a bad URL and a missing permission each say so', async () => {
    const { url } = await serve((_req, res) => res.writeHead(404).end());
    expect(await verifier.loadWsdl(url)).toMatchObject({
      ok: false,
      error: { en: expect.stringContaining('HTTP 404') },
    });
    await closeServers();
    expect(await verifier.loadWsdl(url)).toMatchObject({
      ok: false,
      error: { en: expect.stringContaining('refused') },
    });
    expect(await verifier.loadWsdl('file:///etc/passwd')).toMatchObject({
      ok: false,
      error: { en: expect.stringContaining('http://') },
    });
    const spyFetch = vi.fn<typeof fetch>();
    const denied = createVerifier({ fetch: spyFetch, now: () => 0, hasHostPermission: async () => false });
    expect(await denied.loadWsdl('http://127.0.0.1:9/x?wsdl')).toMatchObject({
      ok: false,
      error: { en: expect.stringContaining('permission') },
    });
    expect(spyFetch).not.toHaveBeenCalled();
  });
});
