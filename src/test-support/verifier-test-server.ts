/**
 * Test-only (never imported by product code): what the verifier tests share. Local HTTP servers
 * on 127.0.0.1 that record every request (closed by `closeServers`, which each test file runs
 * after every test), SOAP envelopes, verification settings pointed at a server, and a made-up
 * person whose check digits are right.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { VerifierDeps } from '../background/verifier';
import { DEFAULT_SETTINGS, type VerificationSettings } from '../shared/settings';
import type { VerificationResult } from '../domain/soap/answer';

// Made-up people: only their check digits are right.
export const SOMCHAI = { username: 'somchai.t', idcard: '1100700000019' };

export const allowAll: VerifierDeps = {
  fetch: (input, init) => fetch(input, init),
  now: () => Date.now(),
  hasHostPermission: async () => true,
};

export function outcomeOf(result: VerificationResult) {
  return result.outcome;
}

// ---------------------------------------------------------------------------------------------
// Local servers on 127.0.0.1 only.

export interface Recorded {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

const servers: Array<{ close: () => Promise<void> }> = [];

export async function serve(
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

/** Closes every server `serve` started and has not closed yet. */
export async function closeServers(): Promise<void> {
  await Promise.all(servers.splice(0).map((s) => s.close()));
}

export const S11 = 'http://schemas.xmlsoap.org/soap/envelope/';
export const S12 = 'http://www.w3.org/2003/05/soap-envelope';
export const envelope = (inner: string, ns = S11) =>
  `<?xml version="1.0"?><S:Envelope xmlns:S="${ns}"><S:Body>${inner}</S:Body></S:Envelope>`;

export function settingsFor(url: string, overrides: Partial<VerificationSettings> = {}): VerificationSettings {
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
