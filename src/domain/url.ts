/**
 * Every rule about URLs and match patterns, in one place and pure (no browser API): which
 * addresses may be called, how a person's origin is written, how it becomes a host permission,
 * whether a URL falls under a pattern, and how a URL that `new URL` may reject is taken apart
 * to look for tokens.
 */

/**
 * The URL when `text` (trimmed) is an absolute http: or https: URL with a host and no user name
 * or password, else null: the only addresses a WSDL, a SOAP endpoint or a WSDL part can have
 * here. `fetch` refuses a URL that carries credentials (Fetch standard, "Request" constructor),
 * so such an address could never be called.
 */
export function httpUrl(text: string): URL | null {
  try {
    const url = new URL(text.trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.hostname !== '' && url.username === '' && url.password === '' ? url : null;
  } catch {
    return null;
  }
}

export function isHttpUrl(text: string): boolean {
  return httpUrl(text) !== null;
}

/** `location` read against `base`, as a document names another (a WSDL import), if it is an http(s) URL. */
export function resolveAgainst(location: string, base: string): URL | null {
  try {
    return httpUrl(new URL(location, base).href);
  } catch {
    return null;
  }
}

/** The document a URL names, without query or fragment; '' when it is not a URL. */
export function documentOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return '';
  }
}

/**
 * An origin a person may add: http(s), a host, an optional port, nothing else. A user name or
 * password typed with it is dropped (an origin has none).
 */
export function normaliseOrigin(input: string): string | null {
  try {
    const url = new URL(input.trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (!url.hostname) return null;
    return url.origin;
  } catch {
    return null;
  }
}

/**
 * An added origin (`http://10.1.2.3:8080`) as the match pattern for its host permission and
 * content script. Firefox match patterns cannot carry a port (bug 1362809), so the pattern
 * covers the host on any port; the background checks the exact origin before capturing.
 * A built-in site is a match pattern already (`*://*.diw.go.th`, which `new URL` cannot read):
 * it only gets the path wildcard.
 */
export function originToPattern(origin: string): string {
  if (origin.includes('*')) return `${origin.replace(/\/+$/, '')}/*`;
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}/*`;
}

/**
 * Does `url` fall under a WebExtension match pattern (`scheme://host/path`)? Only the forms this
 * extension uses: `*` or a scheme, `*.domain` or an exact host, any path. Ports are ignored,
 * as browsers ignore them in host patterns.
 */
export function matchesPattern(url: URL, pattern: string): boolean {
  const match = /^(\*|https?):\/\/([^/]+)\//.exec(pattern);
  if (!match) return false;
  const [, scheme, host] = match as unknown as [string, string, string];
  if (scheme === '*' ? url.protocol !== 'http:' && url.protocol !== 'https:' : url.protocol !== `${scheme}:`)
    return false;
  const hostname = url.hostname;
  const patternHost = host.replace(/:\d+$/, '');
  if (patternHost.startsWith('*.')) {
    const domain = patternHost.slice(2);
    return hostname === domain || hostname.endsWith(`.${domain}`);
  }
  return hostname === patternHost;
}

/** A name for this PC: `localhost` (and its subdomains, RFC 6761 §6.3), `::1`, or 127.0.0.0/8. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '::1' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
  );
}

/**
 * How a verification call would travel. `plain-http` is `http:` to a host that is not loopback:
 * the token (with a national ID number) and the ClientID cross the network unencrypted, and the
 * answer can come from anyone on the path. Loopback never leaves the PC (integrators, the demo).
 */
export type EndpointSecurity = 'none' | 'https' | 'loopback' | 'plain-http';

export function endpointSecurity(endpoint: string): EndpointSecurity {
  let url: URL;
  try {
    url = new URL(endpoint.trim());
  } catch {
    return 'none';
  }
  if (url.protocol === 'https:') return 'https';
  if (url.protocol !== 'http:') return 'none';
  return isLoopbackHost(url.hostname) ? 'loopback' : 'plain-http';
}

// ---- Taking apart a URL that may not parse --------------------------------------------------
// A callback URL is searched for tokens as the page or the request had it, even when `new URL`
// would refuse it: a token in a malformed URL is still a token.

/** `decodeURIComponent` that never throws: a malformed escape leaves the text as it was. */
export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Splits `a=b&c=d` (query or fragment) into decoded pairs; `+` is a space (HTML form encoding). */
export function parseParameters(text: string): Array<[name: string, value: string]> {
  if (text === '') return [];
  return text.split('&').flatMap((pair): Array<[string, string]> => {
    if (pair === '') return [];
    const equals = pair.indexOf('=');
    const name = equals < 0 ? pair : pair.slice(0, equals);
    const value = equals < 0 ? '' : pair.slice(equals + 1);
    return [[safeDecode(name.replace(/\+/g, ' ')), safeDecode(value.replace(/\+/g, ' '))]];
  });
}

/** The query (without `?`) and fragment (without `#`) of a URL, also of one `new URL` rejects. */
export function splitUrl(url: string): { beforeQuery: string; query: string | null; fragment: string | null } {
  const hashAt = url.indexOf('#');
  const fragment = hashAt < 0 ? null : url.slice(hashAt + 1);
  const withoutFragment = hashAt < 0 ? url : url.slice(0, hashAt);
  const questionAt = withoutFragment.indexOf('?');
  return {
    beforeQuery: questionAt < 0 ? withoutFragment : withoutFragment.slice(0, questionAt),
    query: questionAt < 0 ? null : withoutFragment.slice(questionAt + 1),
    fragment,
  };
}
