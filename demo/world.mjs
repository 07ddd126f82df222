// The whole demo world on loopback: the SSO look-alike, the demo application and the
// DiwAppChk-like SOAP service. `npm start` starts it on fixed ports; tests start it on port 0.
//
//   node demo/world.mjs      starts it alone and prints the URLs (Ctrl-C stops it)
import { pathToFileURL } from 'node:url';
import { DEMO_CLIENT_ID } from './demo-tokens.mjs';
import { DEMO_PEOPLE } from './people.mjs';
import { startAppServer } from './app-server.mjs';
import { authorizeUrl, HANDOVER_STYLES, SCENARIOS, startSsoServer } from './sso-server.mjs';
import { startSoapService } from './soap-service.mjs';

/** The ports `npm start` uses unless DEMO_SSO_PORT, DEMO_APP_PORT or DEMO_SOAP_PORT say otherwise. */
export const DEFAULT_PORTS = Object.freeze({ sso: 18081, app: 18082, soap: 18080 });

/**
 * The fixed ports for `npm start`, from the environment or the defaults above.
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {{ ssoPort: number, appPort: number, soapPort: number }}
 */
export function portsFromEnv(env = process.env) {
  /**
   * @param {string} name
   * @param {number} fallback
   */
  const read = (name, fallback) => {
    const value = env[name];
    if (value === undefined || value === '') return fallback;
    const port = Number(value);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new Error(`${name} must be a port number, got "${value}"`);
    return port;
  };
  return {
    ssoPort: read('DEMO_SSO_PORT', DEFAULT_PORTS.sso),
    appPort: read('DEMO_APP_PORT', DEFAULT_PORTS.app),
    soapPort: read('DEMO_SOAP_PORT', DEFAULT_PORTS.soap),
  };
}

/**
 * @typedef {object} DemoWorld
 * @property {string} ssoUrl       e.g. http://127.0.0.1:18081 (the login page is `${ssoUrl}/`)
 * @property {string} appUrl       e.g. http://127.0.0.1:18082, a different origin from the SSO
 * @property {string} soapWsdlUrl  what a person types into the options page's WSDL field
 * @property {string} clientId     the ClientID the demo service accepts (any other is manual case 4)
 * @property {readonly import('./people.mjs').DemoPerson[]} people
 * @property {(options?: { user?: string, handover?: keyof typeof HANDOVER_STYLES, scenario?: keyof typeof SCENARIOS }) => string} loginUrl
 *   a GET URL that logs in with no clicking; defaults: the first person, `query`, `normal`
 * @property {() => number} soapCalls  how many DiwLoginChk calls the SOAP service has answered, i.e. how often a ClientID was spent
 * @property {() => Promise<void>} close  stops all three servers
 */

/**
 * Starts the SSO, the application and the SOAP service, all on 127.0.0.1. Port 0 picks a free port.
 * @param {{ ssoPort?: number, appPort?: number, soapPort?: number }} [ports]
 * @returns {Promise<DemoWorld>}
 */
export async function startDemoWorld({ ssoPort = 0, appPort = 0, soapPort = 0 } = {}) {
  /** @type {Array<() => Promise<void>>} */
  const closers = [];
  const close = async () => {
    await Promise.allSettled(closers.splice(0).map((closeOne) => closeOne()));
  };
  try {
    // The app first: the SSO needs its URL to hand tokens to, and the app's home page links back.
    const app = await startAppServer({ port: appPort });
    closers.push(app.close);
    const sso = await startSsoServer({ port: ssoPort, appUrl: app.url });
    closers.push(sso.close);
    app.setSsoUrl(sso.url);
    const soap = await startSoapService({ port: soapPort, host: '127.0.0.1' });
    closers.push(soap.close);
    return {
      ssoUrl: sso.url,
      appUrl: app.url,
      soapWsdlUrl: soap.wsdlUrl,
      clientId: DEMO_CLIENT_ID,
      people: DEMO_PEOPLE,
      loginUrl: (options) => authorizeUrl(sso.url, options),
      soapCalls: soap.calls,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** @param {DemoWorld} world */
export function describeWorld(world) {
  return [
    `  SSO look-alike (login page)  ${world.ssoUrl}/`,
    `  Demo application             ${world.appUrl}/`,
    `  DiwAppChk-like SOAP service  ${world.soapWsdlUrl}`,
    `  Demo ClientID                ${world.clientId}`,
    `  Log in without clicking      ${world.ssoUrl}/authorize?user=<${world.people.map((p) => p.key).join('|')}>` +
      `&handover=<${Object.keys(HANDOVER_STYLES).join('|')}>&scenario=<${Object.keys(SCENARIOS).join('|')}>`,
  ].join('\n');
}

// `node demo/world.mjs`: the world alone, for trying the extension in your own browser.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const world = await startDemoWorld(portsFromEnv());
  console.log(`Demo world running on loopback:\n${describeWorld(world)}\nPress Ctrl-C to stop.`);
  const stop = () => void world.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
