/**
 * Asks the configured DiwLoginChk service about a token (manual §4) and explains the answer.
 * A service with its dependencies handed in — fetch, the clock, the permission check — and no
 * module state, so it can be tested against real servers on loopback and survives an MV3
 * worker being stopped between calls.
 */
import type { VerificationResult } from '../domain/soap/answer';
import type { WsdlDescription } from '../domain/soap/wsdl';
import { isXmlName } from '../domain/soap/envelope';
import { MAX_ANSWER_BYTES, readSoapAnswer } from '../domain/soap/answer';
import { verificationRequest } from '../shared/verification-request';
import { redactText, redactVerificationResult } from '../domain/redact';
import { explainTestConnection, explainVerification, type VerificationOutcome } from '../domain/soap/explain';
import { httpUrl } from '../domain/url';
import type { ActionResult } from '../shared/messages';
import type { VerificationSettings } from '../shared/settings';
import { deadline, detachedFetch, readCapped, TooLarge } from './http-transport';
import { createFetchErrorNamer, failure } from './fetch-failures';
import { createWsdlLoader } from './wsdl-loader';

export interface VerifierDeps {
  /** The browser's own `fetch` can be passed as is: it is called detached (see http-transport.ts). */
  fetch: typeof fetch;
  now: () => number;
  /** Whether the extension may reach this URL's origin (host permission). */
  hasHostPermission: (url: string) => Promise<boolean>;
  /**
   * The browser's own name for why a request to `url` made since `since` failed
   * (`webRequest.onErrorOccurred`, see network-errors.ts), or null. Absent in Node.
   */
  browserNetworkError?: (url: string, since: number) => Promise<string | null>;
}

export type TokenClaimsForComparison = { username?: unknown; idcard?: unknown } | null;

export interface Verifier {
  verify(
    token: string,
    settings: VerificationSettings,
    tokenClaims: TokenClaimsForComparison,
  ): Promise<VerificationResult>;
  loadWsdl(url: string): Promise<ActionResult<WsdlDescription>>;
  testConnection(settings: VerificationSettings): Promise<VerificationResult>;
}

/** What testConnection sends: shaped like a JWT, genuine to no one. Expect case 3 (or 4). */
export const TEST_CONNECTION_TOKEN = 'dummy.test.token';

/**
 * The answer read, and never a throw: reading is after the connection succeeded, so whatever
 * goes wrong here is about the answer, and must not reach the catch that names network failures.
 */
function readAnswer(httpStatus: number, contentType: string | null, body: string): VerificationOutcome {
  try {
    return readSoapAnswer(httpStatus, contentType, body);
  } catch (error) {
    const why = error instanceof Error ? error.name : 'an error';
    return failure(
      'not-xml',
      `HTTP ${httpStatus}, but the answer could not be read (${why}); a DiwLoginChk answer is a small SOAP document.`,
      httpStatus ? { httpStatus } : {},
    );
  }
}

/** What is missing or unusable in the settings, in the order a person fixes them. */
function configurationProblem(settings: VerificationSettings): string | null {
  if (!settings.endpoint.trim()) return 'No service address (endpoint) is set; load the WSDL or enter it.';
  if (!httpUrl(settings.endpoint)) return `The service address "${settings.endpoint}" is not an http(s) URL.`;
  if (!settings.operation.trim()) return 'No operation is chosen.';
  if (!settings.tokenParameter.trim()) return 'The parameter that takes the token is not chosen.';
  if (!settings.clientIdParameter.trim()) return 'The parameter that takes the ClientID is not chosen.';
  if (settings.tokenParameter.trim() === settings.clientIdParameter.trim())
    return 'The token and the ClientID are set to the same parameter.';
  for (const name of [settings.operation, settings.tokenParameter, settings.clientIdParameter]) {
    if (!isXmlName(name.trim())) return `"${name}" is not a valid XML element name.`;
  }
  return null;
}

export function createVerifier(deps: VerifierDeps): Verifier {
  const { now } = deps;
  // A permission check that fails is a permission we do not have: never call on a maybe.
  const hasHostPermission = (url: string) => deps.hasHostPermission(url).catch(() => false);
  const fetchFn = detachedFetch(deps.fetch);
  const explainFetchError = createFetchErrorNamer(deps.browserNetworkError);
  const loadWsdl = createWsdlLoader({ fetch: fetchFn, now, hasHostPermission, explainFetchError });

  async function call(token: string, settings: VerificationSettings): Promise<Omit<VerificationResult, 'findings'>> {
    const endpoint = settings.endpoint.trim();
    const base = { endpoint, roundTripMs: null, clockSkewMs: null };
    if (!settings.clientId.trim())
      return {
        ...base,
        checkedAt: now(),
        outcome: failure('no-client-id', 'No ClientID is set (manual §4: the DIW administrator assigns it).'),
      };
    const problem = configurationProblem(settings);
    if (problem) return { ...base, checkedAt: now(), outcome: failure('no-endpoint', problem) };
    if (!(await hasHostPermission(endpoint))) {
      return {
        ...base,
        checkedAt: now(),
        outcome: failure('no-permission', `No host permission for ${new URL(endpoint).origin}.`),
      };
    }
    const request = verificationRequest(settings, endpoint, token);
    const timer = deadline(settings.timeoutMs);
    const startedAt = now();
    try {
      // redirect 'manual': a 307/308 would re-send the token and ClientID to wherever it points.
      const response = await fetchFn(endpoint, {
        method: 'POST',
        headers: request.headers,
        body: request.body,
        signal: timer.signal,
        redirect: 'manual',
        credentials: 'omit',
        cache: 'no-store',
      });
      const headersAt = now();
      const serverDate = Date.parse(response.headers.get('date') ?? '');
      // The server stamps Date while answering: compare it with the middle of the round trip.
      const clockSkewMs = Number.isFinite(serverDate)
        ? Math.round(serverDate - (startedAt + (headersAt - startedAt) / 2))
        : null;
      if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
        const location = response.headers.get('location');
        await response.body?.cancel().catch(() => undefined);
        return {
          endpoint,
          checkedAt: now(),
          roundTripMs: headersAt - startedAt,
          clockSkewMs,
          outcome: failure(
            'http-status',
            `The service redirected${location ? ` to ${redactText(location)}` : ''}; not followed, so the token is not sent elsewhere. Use the final address as the endpoint.`,
            response.status ? { httpStatus: response.status } : {},
          ),
        };
      }
      let body: string;
      try {
        body = await readCapped(response, MAX_ANSWER_BYTES);
      } catch (error) {
        if (error instanceof TooLarge)
          return {
            endpoint,
            checkedAt: now(),
            roundTripMs: now() - startedAt,
            clockSkewMs,
            outcome: failure('too-large', `The answer was ${error.message}; reading stopped.`, {
              httpStatus: response.status,
            }),
          };
        throw error;
      }
      const roundTripMs = now() - startedAt;
      return {
        endpoint,
        checkedAt: now(),
        roundTripMs,
        clockSkewMs,
        outcome: readAnswer(response.status, response.headers.get('content-type'), body),
      };
    } catch (error) {
      const outcome = await explainFetchError(error, timer.timedOut(), settings.timeoutMs, endpoint, startedAt);
      return { ...base, checkedAt: now(), outcome };
    } finally {
      timer.clear();
    }
  }

  // Whatever the service said (it can echo the request: the token, the ClientID) is kept and shown
  // only once the one redactor has taken the ClientID, tokens and ID numbers out of it.
  const redacted = (result: VerificationResult, settings: VerificationSettings) =>
    redactVerificationResult(result, { clientId: settings.clientId.trim() });

  async function verify(
    token: string,
    settings: VerificationSettings,
    tokenClaims: TokenClaimsForComparison,
  ): Promise<VerificationResult> {
    const result = await call(token, settings);
    return redacted(
      { ...result, findings: explainVerification(result.outcome, tokenClaims, { clockSkewMs: result.clockSkewMs }) },
      settings,
    );
  }

  async function testConnection(settings: VerificationSettings): Promise<VerificationResult> {
    const result = await call(TEST_CONNECTION_TOKEN, settings);
    return redacted(
      { ...result, findings: explainTestConnection(result.outcome, { clockSkewMs: result.clockSkewMs }) },
      settings,
    );
  }

  return { verify, loadWsdl, testConnection };
}
