import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type * as AnswerModule from '../domain/soap/answer';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startSoapService } from '../../demo/soap-service.mjs';
import { DEMO_CLIENT_ID, signToken } from '../../demo/demo-tokens.mjs';
import { createVerifier, TEST_CONNECTION_TOKEN, type VerifierDeps } from './verifier';
import { DEFAULT_SETTINGS, type VerificationSettings } from '../shared/settings';
import type { VerificationResult } from '../domain/soap/answer';
import type { WsdlDescription } from '../domain/soap/wsdl';

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

// Made-up people: only their check digits are right.
const SOMCHAI = { username: 'somchai.t', idcard: '1100700000019' };

const allowAll: VerifierDeps = {
  fetch: (input, init) => fetch(input, init),
  now: () => Date.now(),
  hasHostPermission: async () => true,
};

function outcomeOf(result: VerificationResult) {
  return result.outcome;
}

// ---------------------------------------------------------------------------------------------
// Local servers on 127.0.0.1 only.

interface Recorded {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

const servers: Array<{ close: () => Promise<void> }> = [];

async function serve(
  handler: (req: IncomingMessage, res: ServerResponse, body: string) => void,
): Promise<{ url: string; requests: Recorded[]; port: number }> {
  const requests: Recorded[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      handler(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  servers.push({
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
  return { url: `http://127.0.0.1:${port}/ws`, requests, port };
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const S11 = 'http://schemas.xmlsoap.org/soap/envelope/';
const S12 = 'http://www.w3.org/2003/05/soap-envelope';
const envelope = (inner: string, ns = S11) =>
  `<?xml version="1.0"?><S:Envelope xmlns:S="${ns}"><S:Body>${inner}</S:Body></S:Envelope>`;

function settingsFor(url: string, overrides: Partial<VerificationSettings> = {}): VerificationSettings {
  return {
    ...DEFAULT_SETTINGS.verification,
    clientId: 'CLIENT-1',
    endpoint: url,
    namespace: 'http://diw.go.th/',
    operation: 'DiwLoginChk',
    tokenParameter: 'token',
    clientIdParameter: 'clientId',
    timeoutMs: 5_000,
    ...overrides,
  };
}

// ---------------------------------------------------------------------------------------------

describe('against the demo DiwAppChk SOAP service (node soap, real HTTP on 127.0.0.1)', () => {
  let service: { url: string; wsdlUrl: string; close: () => Promise<void> };
  let description: WsdlDescription;
  let settings: VerificationSettings;
  const verifier = createVerifier(allowAll);
  const nowSeconds = () => Math.floor(Date.now() / 1000);

  beforeAll(async () => {
    service = await startSoapService();
    const loaded = await verifier.loadWsdl(service.wsdlUrl);
    if (!loaded.ok) throw new Error(loaded.error.en);
    description = loaded.value;
    const operation = description.operations.find((op) => op.name === description.guess?.operation)!;
    // Everything comes from the WSDL, as the options page would fill it in.
    settings = {
      ...DEFAULT_SETTINGS.verification,
      clientId: DEMO_CLIENT_ID,
      endpoint: description.endpoint!,
      soapVersion: description.soapVersion,
      style: operation.style,
      namespace: operation.inputNamespace,
      operation: operation.name,
      soapAction: operation.soapAction,
      tokenParameter: description.guess!.tokenParameter!,
      clientIdParameter: description.guess!.clientIdParameter!,
    };
  });
  afterAll(async () => {
    await service?.close();
  });

  it('the WSDL names the endpoint, the operation and its parameters', () => {
    expect(description.endpoint).toBe(service.url);
    expect(description.guess).toEqual({
      operation: 'DiwLoginChk',
      tokenParameter: 'AccessToken',
      clientIdParameter: 'ClientID',
    });
  });

  it('case 1: a genuine, unexpired token → valid, Username and IDCard match the claims', async () => {
    const token = signToken({ ...SOMCHAI, exp: nowSeconds() + 3600, nbf: nowSeconds() - 300 });
    const result = await verifier.verify(token, settings, SOMCHAI);
    expect(result.outcome).toEqual({
      kind: 'answered',
      answer: { manualCase: 1, status: true, message: 'Token is valid', username: 'somchai.t', idCard: SOMCHAI.idcard },
    });
    expect(result.findings.map((f) => f.code)).toEqual(['verify-valid']);
    expect(result.endpoint).toBe(service.url);
    expect(result.roundTripMs).toBeGreaterThanOrEqual(0);
    // Same machine, same clock: whatever the skew is, it is far below the one-minute threshold.
    expect(Math.abs(result.clockSkewMs!)).toBeLessThan(60_000);
  });

  it('case 2: an expired token', async () => {
    const token = signToken({ ...SOMCHAI, exp: nowSeconds() - 60, nbf: nowSeconds() - 3960 });
    const result = await verifier.verify(token, settings, SOMCHAI);
    expect(result.outcome).toMatchObject({ kind: 'answered', answer: { manualCase: 2, status: false } });
    expect(result.findings[0]!.code).toBe('verify-expired');
  });

  it('case 3: a token signed by someone else', async () => {
    const forged = signToken({ ...SOMCHAI, exp: nowSeconds() + 3600 }, { key: 'not-the-sso-key' });
    const result = await verifier.verify(forged, settings, SOMCHAI);
    expect(result.outcome).toMatchObject({ kind: 'answered', answer: { manualCase: 3, status: false } });
    expect(result.findings[0]!.code).toBe('verify-not-genuine');
  });

  it('case 4: a wrong ClientID', async () => {
    const token = signToken({ ...SOMCHAI, exp: nowSeconds() + 3600 });
    const result = await verifier.verify(token, { ...settings, clientId: 'WRONG-CLIENT' }, SOMCHAI);
    expect(result.outcome).toMatchObject({ kind: 'answered', answer: { manualCase: 4, status: false } });
    expect(result.findings[0]!.code).toBe('verify-wrong-client-id');
  });

  it('a returned identity that is not the token’s own is flagged', async () => {
    const token = signToken({ ...SOMCHAI, exp: nowSeconds() + 3600 });
    const result = await verifier.verify(token, settings, { username: 'somsri.k', idcard: '3100500098763' });
    expect(result.findings.map((f) => f.code)).toEqual(
      expect.arrayContaining(['verify-username-differs', 'verify-idcard-differs']),
    );
  });

  it('a wrong operation name → soap-fault, explained as a settings problem', async () => {
    const result = await verifier.verify('a.b.c', { ...settings, operation: 'DiwLoginCheck' }, null);
    expect(result.outcome).toMatchObject({
      kind: 'failed',
      code: 'soap-fault',
      faultCode: 'S:Server',
      httpStatus: 500,
    });
    expect(result.findings[0]!.nextStep.en).toContain('operation and parameter names');
  });

  it('testConnection: the dummy token comes back as case 3, which proves the ClientID', async () => {
    const result = await verifier.testConnection(settings);
    expect(result.outcome).toMatchObject({ kind: 'answered', answer: { manualCase: 3 } });
    expect(result.findings.map((f) => f.code)).toEqual(['test-connection-ok']);
    const wrong = await verifier.testConnection({ ...settings, clientId: 'WRONG' });
    expect(wrong.findings.map((f) => f.code)).toEqual(['verify-wrong-client-id', 'test-connection-reachable']);
  });
});

describe('before any network call', () => {
  const spyFetch = vi.fn<typeof fetch>();
  const verifier = (hasHostPermission: (url: string) => Promise<boolean> = async () => true) =>
    createVerifier({ fetch: spyFetch, now: () => 1_000, hasHostPermission });

  afterEach(() => spyFetch.mockReset());

  it('no ClientID → no-client-id', async () => {
    const result = await verifier().verify('a.b.c', settingsFor('http://127.0.0.1:9/ws', { clientId: '  ' }), null);
    expect(result.outcome).toMatchObject({ kind: 'failed', code: 'no-client-id' });
    expect(result.findings[0]!.code).toBe('verify-no-client-id');
    expect(spyFetch).not.toHaveBeenCalled();
  });

  it.each([
    [{ endpoint: '' }, 'No service address'],
    [{ endpoint: 'ftp://127.0.0.1/ws' }, 'not an http(s) URL'],
    [{ operation: '' }, 'No operation'],
    [{ tokenParameter: '' }, 'takes the token'],
    [{ clientIdParameter: '' }, 'takes the ClientID'],
    [{ clientIdParameter: 'token' }, 'same parameter'],
    [{ operation: 'Diw Login' }, 'not a valid XML element name'],
  ] as Array<[Partial<VerificationSettings>, string]>)('%j → no-endpoint', async (overrides, why) => {
    const result = await verifier().verify('a.b.c', settingsFor('http://127.0.0.1:9/ws', overrides), null);
    expect(result.outcome).toMatchObject({ kind: 'failed', code: 'no-endpoint' });
    expect(result.outcome.kind === 'failed' && result.outcome.detail).toContain(why);
    expect(spyFetch).not.toHaveBeenCalled();
  });

  it('no host permission → no-permission', async () => {
    const asked: string[] = [];
    const result = await verifier(async (url: string) => (asked.push(url), false)).verify(
      'a.b.c',
      settingsFor('http://127.0.0.1:9/ws'),
      null,
    );
    expect(result.outcome).toMatchObject({ kind: 'failed', code: 'no-permission' });
    expect(asked).toEqual(['http://127.0.0.1:9/ws']);
    expect(spyFetch).not.toHaveBeenCalled();
  });

  it('a permission check that throws counts as no permission', async () => {
    const result = await verifier(async () => Promise.reject(new Error('permissions API unavailable'))).verify(
      'a.b.c',
      settingsFor('http://127.0.0.1:9/ws'),
      null,
    );
    expect(result.outcome).toMatchObject({ kind: 'failed', code: 'no-permission' });
    expect(spyFetch).not.toHaveBeenCalled();
  });
});

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
    await Promise.all(servers.splice(0).map((s) => s.close()));
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

describe('fetch errors, as browsers and Node report them', () => {
  const failingWith = (error: unknown) =>
    createVerifier({ fetch: async () => Promise.reject(error), now: () => 0, hasHostPermission: async () => true });

  it('Node DNS failure (undici cause.code ENOTFOUND) → dns', async () => {
    const error = Object.assign(new TypeError('fetch failed'), {
      cause: Object.assign(new Error('getaddrinfo ENOTFOUND diwinfo.diw.go.th'), { code: 'ENOTFOUND' }),
    });
    expect(
      outcomeOf(await failingWith(error).verify('a.b.c', settingsFor('http://127.0.0.1:9/ws'), null)),
    ).toMatchObject({ code: 'dns' });
  });

  it('Node refusal inside an AggregateError → connection-refused', async () => {
    const error = Object.assign(new TypeError('fetch failed'), { cause: { errors: [{ code: 'ECONNREFUSED' }] } });
    expect(
      outcomeOf(await failingWith(error).verify('a.b.c', settingsFor('http://127.0.0.1:9/ws'), null)),
    ).toMatchObject({ code: 'connection-refused' });
  });

  it.each(['Failed to fetch', 'NetworkError when attempting to fetch resource.'])(
    'browser "%s" → network, saying honestly it cannot tell which',
    async (message) => {
      const result = await failingWith(new TypeError(message)).verify(
        'a.b.c',
        settingsFor('http://127.0.0.1:9/ws'),
        null,
      );
      expect(outcomeOf(result)).toMatchObject({ code: 'network' });
      expect(result.outcome.kind === 'failed' && result.outcome.detail).toContain('refused, DNS or offline');
      expect(result.findings[0]!.title.en).toBe('Could not connect (refused, DNS or offline)');
    },
  );

  // What webRequest.onErrorOccurred names. Seen here: net::ERR_CONNECTION_REFUSED, net::ERR_NAME_NOT_RESOLVED,
  // net::ERR_UNSAFE_PORT (Chromium 156) and NS_ERROR_CONNECTION_REFUSED (Firefox ESR 153); the rest are
  // the browsers' names for the same failures, not observed on this closed network.
  it.each([
    ['net::ERR_CONNECTION_REFUSED', 'connection-refused'],
    ['NS_ERROR_CONNECTION_REFUSED', 'connection-refused'],
    ['net::ERR_NAME_NOT_RESOLVED', 'dns'],
    ['NS_ERROR_UNKNOWN_HOST', 'dns'],
    ['net::ERR_CONNECTION_TIMED_OUT', 'timeout'],
    ['NS_ERROR_NET_TIMEOUT', 'timeout'],
    ['net::ERR_UNSAFE_PORT', 'network'],
  ])('browser fetch error named by webRequest as %s → %s', async (name, code) => {
    const asked: Array<[string, number]> = [];
    const verifier = createVerifier({
      fetch: async () => Promise.reject(new TypeError('Failed to fetch')),
      now: () => 5_000,
      hasHostPermission: async () => true,
      browserNetworkError: async (url, since) => {
        asked.push([url, since]);
        return name;
      },
    });
    const result = await verifier.verify('a.b.c', settingsFor('http://127.0.0.1:9/ws'), null);
    expect(outcomeOf(result)).toMatchObject({ code });
    expect(result.outcome.kind === 'failed' && result.outcome.detail).toContain(name);
    // It asks about its own endpoint, for errors since the call began.
    expect(asked).toEqual([['http://127.0.0.1:9/ws', 5_000]]);
  });

  it('does not ask the browser when Node already named the cause', async () => {
    const browserNetworkError = vi.fn(async () => 'net::ERR_NAME_NOT_RESOLVED');
    const error = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    const verifier = createVerifier({
      fetch: async () => Promise.reject(error),
      now: () => 0,
      hasHostPermission: async () => true,
      browserNetworkError,
    });
    expect(outcomeOf(await verifier.verify('a.b.c', settingsFor('http://127.0.0.1:9/ws'), null))).toMatchObject({
      code: 'connection-refused',
    });
    expect(browserNetworkError).not.toHaveBeenCalled();
  });

  it('a browser that names nothing still gets the honest "could not connect"', async () => {
    const verifier = createVerifier({
      fetch: async () => Promise.reject(new TypeError('Failed to fetch')),
      now: () => 0,
      hasHostPermission: async () => true,
      browserNetworkError: async () => null,
    });
    expect(outcomeOf(await verifier.verify('a.b.c', settingsFor('http://127.0.0.1:9/ws'), null))).toMatchObject({
      code: 'network',
    });
  });
});

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
    await Promise.all(servers.splice(0).map((s) => s.close()));
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

describe('testConnection', () => {
  it('sends the dummy token', async () => {
    const { url, requests } = await serve((_req, res) =>
      res
        .writeHead(200, { 'Content-Type': 'text/xml' })
        .end(envelope('<r><Status>false</Status><Message>Mismatch data in received token</Message></r>')),
    );
    const result = await createVerifier(allowAll).testConnection(settingsFor(url));
    expect(requests[0]!.body).toContain(`<token>${TEST_CONNECTION_TOKEN}</token>`);
    expect(result.findings.map((f) => f.code)).toEqual(['test-connection-ok']);
  });
});
