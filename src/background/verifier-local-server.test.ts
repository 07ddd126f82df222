import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as AnswerModule from '../domain/soap/answer';
import { createVerifier } from './verifier';
import {
  SOMCHAI,
  allowAll,
  closeServers,
  envelope,
  outcomeOf,
  S11,
  S12,
  serve,
  settingsFor,
} from '../test-support/verifier-test-server';

// The answer reader is the real one, except that a body saying THROW-WHILE-READING makes it throw,
// as a reader bug on an unforeseen answer would: the verifier must not call that a network failure.
vi.mock('../domain/soap/answer', async (importOriginal) => {
  const real = await importOriginal<typeof AnswerModule>();
  return {
    ...real,
    readSoapAnswer: (...args: Parameters<typeof real.readSoapAnswer>) => {
      if (args[2].includes('THROW-WHILE-READING')) throw new RangeError('Maximum call stack size exceeded');
      return real.readSoapAnswer(...args);
    },
  };
});

afterEach(closeServers);

describe('what a local server sends back', () => {
  const verifier = createVerifier(allowAll);

  it('takes the ClientID out of everything the service said, wherever it echoes it', async () => {
    const clientId = 'SECRET-CLIENT-9Q';
    const echoes = [
      envelope(`<r><Status>false</Status><Message>Unknown client ${clientId}</Message></r>`),
      envelope(
        `<soapenv:Fault><faultcode>soapenv:Client.${clientId}</faultcode><faultstring>client ${clientId} is locked</faultstring></soapenv:Fault>`,
      ),
      `<!doctype html><html><head><title>Denied for ${clientId}</title></head><body>no</body></html>`,
    ];
    for (const body of echoes) {
      const { url } = await serve((_req, res) =>
        res
          .writeHead(body.startsWith('<!doctype') ? 403 : 200, {
            'Content-Type': body.startsWith('<!doctype') ? 'text/html' : 'text/xml',
          })
          .end(body),
      );
      const result = await verifier.verify(
        'a.b.c',
        settingsFor(`${url}?client=${encodeURIComponent(clientId)}`, { clientId }),
        null,
      );
      expect(JSON.stringify(result)).not.toContain(clientId);
      expect(JSON.stringify(result)).toContain('[ClientID]');
    }
    const { url } = await serve((_req, res) => res.writeHead(200, { 'Content-Type': 'text/xml' }).end(echoes[1]!));
    expect(JSON.stringify(await verifier.testConnection(settingsFor(url, { clientId })))).not.toContain(clientId);
  });

  it('an answer the reader cannot read is a failed reading, never a network failure', async () => {
    const { url } = await serve((_req, res) =>
      res.writeHead(200, { 'Content-Type': 'text/xml' }).end(envelope('<r>THROW-WHILE-READING</r>')),
    );
    const outcome = outcomeOf(await verifier.verify('a.b.c', settingsFor(url), null));
    expect(outcome).toMatchObject({ kind: 'failed', code: 'not-xml', httpStatus: 200 });
  });

  it('sends a SOAP 1.1 request with the token and ClientID escaped in their parameters', async () => {
    const { url, requests } = await serve((_req, res) =>
      res
        .writeHead(200, { 'Content-Type': 'text/xml' })
        .end(envelope('<r><Status>true</Status><Message>1</Message></r>')),
    );
    await verifier.verify('a<b&c]]>', settingsFor(url, { soapAction: 'urn:chk' }), null);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      method: 'POST',
      headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: '"urn:chk"' },
    });
    expect(requests[0]!.body).toContain('<token>a&lt;b&amp;c]]&gt;</token><clientId>CLIENT-1</clientId>');
    expect(requests[0]!.body).toContain(`xmlns:soapenv="${S11}"`);
  });

  it('SOAP 1.2: the action in Content-Type and a 1.2 answer', async () => {
    const { url, requests } = await serve((_req, res) =>
      res
        .writeHead(200, { 'Content-Type': 'application/soap+xml; charset=utf-8' })
        .end(
          envelope('<m:R xmlns:m="urn:m"><m:Status>true</m:Status><m:Message>1: Token is valid</m:Message></m:R>', S12),
        ),
    );
    const result = await verifier.verify(
      'a.b.c',
      settingsFor(url, { soapVersion: '1.2', soapAction: 'urn:chk' }),
      null,
    );
    expect(requests[0]!.headers['content-type']).toBe('application/soap+xml; charset=utf-8; action="urn:chk"');
    expect(requests[0]!.headers.soapaction).toBeUndefined();
    expect(requests[0]!.body).toContain(`xmlns:soapenv="${S12}"`);
    expect(outcomeOf(result)).toMatchObject({ kind: 'answered', answer: { manualCase: 1, status: true } });
  });

  it('rpc style: the wrapper in the rpc namespace, and an rpc/encoded answer', async () => {
    const { url, requests } = await serve((_req, res) =>
      res
        .writeHead(200, { 'Content-Type': 'text/xml; charset=utf-8' })
        .end(
          envelope(
            '<ns1:verifyTokenResponse xmlns:ns1="urn:DiwAppChk" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><verifyTokenReturn xsi:type="xsd:string">2: Token is expired</verifyTokenReturn></ns1:verifyTokenResponse>',
          ),
        ),
    );
    const result = await verifier.verify(
      'a.b.c',
      settingsFor(url, {
        style: 'rpc',
        namespace: 'urn:DiwAppChk',
        operation: 'verifyToken',
        tokenParameter: 'accessToken',
      }),
      null,
    );
    expect(requests[0]!.body).toContain(
      '<tns:verifyToken xmlns:tns="urn:DiwAppChk"><accessToken>a.b.c</accessToken><clientId>CLIENT-1</clientId></tns:verifyToken>',
    );
    expect(outcomeOf(result)).toMatchObject({
      kind: 'answered',
      answer: { manualCase: 2, status: null, message: '2: Token is expired' },
    });
  });

  it('a string return holding escaped XML', async () => {
    const inner =
      '<result><Username>somchai.t</Username><IDCard>1100700000019</IDCard><Status>true</Status><Message>Token is valid</Message></result>'
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;');
    const { url } = await serve((_req, res) =>
      res
        .writeHead(200, { 'Content-Type': 'text/xml' })
        .end(
          envelope(
            `<ns2:DiwLoginChkResponse xmlns:ns2="http://diw.go.th/"><return>${inner}</return></ns2:DiwLoginChkResponse>`,
          ),
        ),
    );
    const result = await verifier.verify('a.b.c', settingsFor(url), SOMCHAI);
    expect(outcomeOf(result)).toEqual({
      kind: 'answered',
      answer: { manualCase: 1, status: true, message: 'Token is valid', username: 'somchai.t', idCard: SOMCHAI.idcard },
    });
  });

  it('SOAP 1.1 Fault', async () => {
    const { url } = await serve((_req, res) =>
      res
        .writeHead(500, { 'Content-Type': 'text/xml' })
        .end(
          envelope(
            '<S:Fault><faultcode>S:Client</faultcode><faultstring>Cannot find dispatch method for {http://diw.go.th/}DiwLoginChk</faultstring></S:Fault>',
          ),
        ),
    );
    const result = await verifier.verify('a.b.c', settingsFor(url), null);
    expect(outcomeOf(result)).toMatchObject({
      kind: 'failed',
      code: 'soap-fault',
      faultCode: 'S:Client',
      httpStatus: 500,
    });
    expect(result.findings[0]!.code).toBe('verify-soap-fault');
  });

  it('SOAP 1.2 Fault', async () => {
    const { url } = await serve((_req, res) =>
      res
        .writeHead(400, { 'Content-Type': 'application/soap+xml' })
        .end(
          envelope(
            '<S:Fault><S:Code><S:Value>S:Sender</S:Value></S:Code><S:Reason><S:Text xml:lang="en">Bad request</S:Text></S:Reason></S:Fault>',
            S12,
          ),
        ),
    );
    expect(outcomeOf(await verifier.verify('a.b.c', settingsFor(url, { soapVersion: '1.2' }), null))).toMatchObject({
      code: 'soap-fault',
      faultCode: 'S:Sender',
      faultString: 'Bad request',
      httpStatus: 400,
    });
  });

  it('an HTML page with 200 (a proxy login) → not-xml', async () => {
    const { url } = await serve((_req, res) =>
      res
        .writeHead(200, { 'Content-Type': 'text/html' })
        .end('<!DOCTYPE html><html><head><title>Web proxy: sign in</title></head><body>…</body></html>'),
    );
    const result = await verifier.verify('a.b.c', settingsFor(url), null);
    expect(outcomeOf(result)).toMatchObject({ kind: 'failed', code: 'not-xml', httpStatus: 200 });
    expect(result.findings[0]!.detail.en).toContain('Web proxy: sign in');
  });

  it('500 without a fault → http-status', async () => {
    const { url } = await serve((_req, res) =>
      res.writeHead(500, { 'Content-Type': 'text/plain' }).end('Internal Server Error'),
    );
    expect(outcomeOf(await verifier.verify('a.b.c', settingsFor(url), null))).toMatchObject({
      kind: 'failed',
      code: 'http-status',
      httpStatus: 500,
    });
  });

  it('a redirect is not followed, so the token goes nowhere else', async () => {
    const { url, requests } = await serve((req, res) => {
      if (req.url === '/ws') res.writeHead(307, { Location: '/elsewhere' }).end();
      else
        res
          .writeHead(200, { 'Content-Type': 'text/xml' })
          .end(envelope('<r><Status>true</Status><Message>1</Message></r>'));
    });
    const result = await verifier.verify('a.b.c', settingsFor(url), null);
    expect(outcomeOf(result)).toMatchObject({ kind: 'failed', code: 'http-status', httpStatus: 307 });
    expect(requests.map((r) => r.url)).toEqual(['/ws']);
  });

  it('a server that never answers → timeout', async () => {
    const { url } = await serve(() => undefined);
    const result = await verifier.verify('a.b.c', settingsFor(url, { timeoutMs: 300 }), null);
    expect(outcomeOf(result)).toMatchObject({ kind: 'failed', code: 'timeout' });
    expect(result.findings[0]!.code).toBe('verify-timeout');
  });

  it('a server that starts answering and then stalls → timeout too', async () => {
    const { url } = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/xml' });
      res.write('<?xml version="1.0"?><S:Envelope');
    });
    expect(outcomeOf(await verifier.verify('a.b.c', settingsFor(url, { timeoutMs: 300 }), null))).toMatchObject({
      kind: 'failed',
      code: 'timeout',
    });
  });

  it('a closed port → connection-refused', async () => {
    const { url } = await serve(() => undefined);
    await closeServers();
    const result = await verifier.verify('a.b.c', settingsFor(url), null);
    expect(outcomeOf(result)).toMatchObject({ kind: 'failed', code: 'connection-refused' });
  });

  it('an answer over 1 MB → too-large, reading stops', async () => {
    let written = 0;
    const { url } = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/xml' });
      const chunk = 'x'.repeat(64 * 1024);
      // Up to 4 MB, stopping early if the client hangs up.
      const pump = () => {
        while (written < 4 * 1024 * 1024) {
          written += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('close', () => undefined);
      pump();
    });
    const result = await verifier.verify('a.b.c', settingsFor(url), null);
    expect(outcomeOf(result)).toMatchObject({ kind: 'failed', code: 'too-large', httpStatus: 200 });
  });

  it('clock skew from the Date header, against the injected clock', async () => {
    const localNow = Date.UTC(2026, 10, 24, 3, 0, 0);
    const { url } = await serve((_req, res) =>
      res
        .writeHead(200, { 'Content-Type': 'text/xml', Date: new Date(localNow + 5 * 60_000).toUTCString() })
        .end(envelope('<r><Status>false</Status><Message>2</Message></r>')),
    );
    const result = await createVerifier({ ...allowAll, now: () => localNow }).verify('a.b.c', settingsFor(url), null);
    expect(result.roundTripMs).toBe(0);
    expect(result.clockSkewMs).toBe(5 * 60_000);
    expect(result.checkedAt).toBe(localNow);
    expect(result.findings.map((f) => f.code)).toEqual(['verify-expired', 'clock-skew']);
  });
});
