// A DiwAppChk look-alike (manual §4): the SOAP service an application asks whether a token is
// genuine. Built with the `soap` package from demo/diwappchk.wsdl, so what the extension talks
// to is a real SOAP stack, not a hand-written imitation of one.
//
// The answers, by the manual's §4.2 cases:
//   4 "Unable to Authenticate Please Try Again"  the ClientID is not DEMO_CLIENT_ID. Checked
//     first: the application must authenticate before its token is looked at. Status false.
//   3 "Mismatch data in received token"           signature does not match (not genuine). Status false.
//   2 "Token is expired"                          genuine but past exp. Status FALSE — the manual
//     only says "genuine but expired"; false is this demo's choice, because the token must not
//     be accepted. Username and IDCard are still returned: the service knows whose token it was.
//   1 "Token is valid"                            Status true, with Username and IDCard from the claims.
// Message is the manual's text without its number; the extension reads both forms.
//
// Run alone: `node demo/soap-service.mjs [port]` prints the WSDL URL. Loopback only.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import soap from 'soap';
import { checkToken, DEMO_CLIENT_ID } from './demo-tokens.mjs';

export const SOAP_SERVICE_PATH = '/DiwAppChk/DiwAppChk';
const WSDL_TEMPLATE = readFileSync(new URL('./diwappchk.wsdl', import.meta.url), 'utf8');

const MANUAL_MESSAGES = Object.freeze({
  1: 'Token is valid',
  2: 'Token is expired',
  3: 'Mismatch data in received token',
  4: 'Unable to Authenticate Please Try Again',
});

/**
 * The service's decision, without SOAP around it (the parameter names are the WSDL's).
 * @param {{ AccessToken?: unknown, ClientID?: unknown }} args
 * @param {number} nowMs
 * @returns {{ Username: string, IDCard: string, Status: boolean, Message: string }}
 */
export function diwLoginChk(args, nowMs) {
  const clientId = typeof args?.ClientID === 'string' ? args.ClientID.trim() : '';
  const token = typeof args?.AccessToken === 'string' ? args.AccessToken : '';
  /**
   * @param {keyof typeof MANUAL_MESSAGES} manualCase
   * @param {Record<string, any> | null} [claims]
   */
  const answer = (manualCase, claims = null) => ({
    Username: typeof claims?.username === 'string' ? claims.username : '',
    IDCard: typeof claims?.idcard === 'string' ? claims.idcard : '',
    Status: manualCase === 1,
    Message: MANUAL_MESSAGES[manualCase],
  });
  if (clientId !== DEMO_CLIENT_ID) return answer(4);
  const { state, claims } = checkToken(token, nowMs);
  if (state === 'mismatch') return answer(3);
  if (state === 'expired') return answer(2, claims);
  return answer(1, claims);
}

const SOAP11_ENVELOPE = 'http://schemas.xmlsoap.org/soap/envelope/';

/** @type {Record<string, string>} */
const XML_ESCAPES = { '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' };
/**
 * XML text escaping for the few bytes a fault string may carry.
 * @param {unknown} text
 */
const escapeXml = (text) => String(text).replace(/[<>&'"]/g, (c) => XML_ESCAPES[c] ?? c);

/**
 * node-soap answers a request it cannot dispatch (an unknown operation, a broken envelope) with
 * the bare error text and HTTP 500. JAX-WS — which the real DiwAppChk looks like — answers with
 * a SOAP 1.1 Fault instead ("Cannot find dispatch method for ..."), so the demo does the same:
 * any non-XML 5xx body becomes a Fault carrying the error's first line.
 * @param {any} soapServer node-soap's Server; `_sendHttpResponse` is internal, so not in its types
 */
function answerErrorsAsFaults(soapServer) {
  const send = soapServer._sendHttpResponse.bind(soapServer);
  /**
   * @param {import('node:http').ServerResponse} res
   * @param {number} statusCode
   * @param {unknown} result
   */
  soapServer._sendHttpResponse = (res, statusCode, result) => {
    if (statusCode >= 500 && typeof result === 'string' && !result.trimStart().startsWith('<')) {
      const reason = (result.split('\n')[0] ?? '').trim() || 'Server error';
      res.setHeader('Content-Type', 'text/xml; charset=utf-8');
      return send(
        res,
        statusCode,
        `<?xml version="1.0" encoding="utf-8"?><S:Envelope xmlns:S="${SOAP11_ENVELOPE}"><S:Body><S:Fault><faultcode>S:Server</faultcode><faultstring>${escapeXml(reason)}</faultstring></S:Fault></S:Body></S:Envelope>`,
      );
    }
    return send(res, statusCode, result);
  };
}

/**
 * Starts the service on 127.0.0.1 (port 0 picks a free port). Resolves once node-soap has read
 * the WSDL and answers requests (it registers itself asynchronously).
 * @param {{ port?: number, host?: string, now?: () => number }} [options]
 * @returns {Promise<{ url: string, wsdlUrl: string, calls: () => number, close: () => Promise<void> }>}
 */
export function startSoapService({ port = 0, host = '127.0.0.1', now = Date.now } = {}) {
  if (host !== '127.0.0.1') throw new Error('The demo SOAP service only ever listens on 127.0.0.1.');
  // Each call spends the caller's ClientID at DIW: tests count them.
  let calls = 0;
  const server = createServer((req, res) => {
    // node-soap takes its own path over once ready; everything else is a plain 404.
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
  });
  /** @returns {Promise<void>} */
  const close = () =>
    new Promise((done) => {
      server.closeAllConnections();
      server.close(() => done());
    });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      const url = `http://${host}:${actualPort}${SOAP_SERVICE_PATH}`;
      const services = {
        DiwAppChk: {
          DiwAppChkPort: {
            /** @param {{ AccessToken?: unknown, ClientID?: unknown }} args */
            DiwLoginChk: (args) => {
              calls += 1;
              return { return: diwLoginChk(args, now()) };
            },
          },
        },
      };
      const soapServer = soap.listen(server, {
        path: SOAP_SERVICE_PATH,
        services,
        xml: WSDL_TEMPLATE.replace('REPLACED_AT_RUNTIME', url),
        // Never send a stack trace over the wire, not even from a demo.
        suppressStack: true,
        callback: (error) => {
          if (error) {
            void close().then(() => reject(error));
            return;
          }
          resolve({ url, wsdlUrl: `${url}?wsdl`, calls: () => calls, close });
        },
      });
      // node-soap logs every request by default; the demo's output should stay readable.
      soapServer.log = () => undefined;
      answerErrorsAsFaults(soapServer);
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const service = await startSoapService({ port: Number(process.argv[2] ?? 18080) });
  console.log(
    `DiwAppChk-like SOAP service on loopback.\n  WSDL      ${service.wsdlUrl}\n  ClientID  ${DEMO_CLIENT_ID}\nPress Ctrl-C to stop.`,
  );
  const stop = () => void service.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
