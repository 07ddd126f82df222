/**
 * Naming why a request failed, as far as it can be known: Node puts the system error in the
 * fetch error; browsers hide it there (Chrome: "Failed to fetch", Firefox: "NetworkError when
 * attempting to fetch resource") but name it to webRequest (see network-errors.ts). Without
 * either, the honest answer is "could not connect".
 */
import type { VerificationOutcome } from '../domain/soap/explain';

export type Failure = Extract<VerificationOutcome, { kind: 'failed' }>;

export const failure = (code: Failure['code'], detail: string, extra: Partial<Failure> = {}): Failure => ({
  kind: 'failed',
  code,
  detail,
  ...extra,
});

/** The system error's code, where Node's fetch gives one. */
export function errorCode(error: unknown): string | undefined {
  // undici (Node) puts the system error in `cause`; with several addresses it is an AggregateError.
  const cause = (error as { cause?: { code?: unknown; errors?: Array<{ code?: unknown }> } } | null)?.cause;
  const code = cause?.code ?? cause?.errors?.[0]?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * A failed connection named by the browser through webRequest: Chromium's `net::ERR_…` and
 * Firefox's `NS_ERROR_…` names. Anything else keeps its name in the detail.
 */
export function failureFromBrowserError(name: string): Failure {
  if (/ERR_CONNECTION_REFUSED|NS_ERROR_CONNECTION_REFUSED/.test(name))
    return failure('connection-refused', `Connection refused (${name}).`);
  if (/ERR_NAME_NOT_RESOLVED|ERR_NAME_RESOLUTION_FAILED|NS_ERROR_UNKNOWN_HOST/.test(name))
    return failure('dns', `The host name did not resolve (${name}).`);
  if (/ERR_CONNECTION_TIMED_OUT|ERR_TIMED_OUT|NS_ERROR_NET_TIMEOUT/.test(name))
    return failure('timeout', `The connection timed out (${name}).`);
  return failure('network', `The connection failed; the browser said ${name}.`);
}

/** What went wrong with the connection: the deadline, Node's code, else the browser's name (`browserError`). */
export function classifyFetchError(
  error: unknown,
  timedOut: boolean,
  timeoutMs: number,
  browserError: string | null,
): Failure {
  if (timedOut) return failure('timeout', `No answer within ${timeoutMs} ms.`);
  const code = errorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'ECONNREFUSED') return failure('connection-refused', `Connection refused (${code}).`);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME')
    return failure('dns', `The host name did not resolve (${code}).`);
  if (
    code === 'ETIMEDOUT' ||
    code === 'UND_ERR_CONNECT_TIMEOUT' ||
    code === 'UND_ERR_HEADERS_TIMEOUT' ||
    code === 'UND_ERR_BODY_TIMEOUT'
  )
    return failure('timeout', `The connection timed out (${code}).`);
  if (code) return failure('network', `The connection failed (${code}: ${message}).`);
  if (browserError) return failureFromBrowserError(browserError);
  return failure(
    'network',
    `Could not connect (refused, DNS or offline); the browser does not say which. It said: "${message}".`,
  );
}

/** Why a fetch to `url` begun at `since` failed. */
export type ExplainFetchError = (
  error: unknown,
  timedOut: boolean,
  timeoutMs: number,
  url: string,
  since: number,
) => Promise<Failure>;

/**
 * Names a failed fetch, asking the browser (`browserNetworkError`, absent in Node) only where
 * neither the deadline nor Node's code already says why.
 */
export function createFetchErrorNamer(
  browserNetworkError?: (url: string, since: number) => Promise<string | null>,
): ExplainFetchError {
  return async (error, timedOut, timeoutMs, url, since) => {
    const browserError =
      timedOut || errorCode(error) || !browserNetworkError
        ? null
        : await browserNetworkError(url, since).catch(() => null);
    return classifyFetchError(error, timedOut, timeoutMs, browserError);
  };
}
