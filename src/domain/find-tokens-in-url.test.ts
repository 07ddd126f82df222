import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  MAX_TOKEN_LENGTH,
  findTokensInFragment,
  findTokensInUrl,
  isJwtShaped,
  mayHoldToken,
} from './find-tokens-in-url';
import type { TokenCandidate } from './find-tokens-in-url';
import { TIMEOUT } from '../test-support/fuzz';
import { run } from '../test-support/fuzz-arbitraries';
import { base64url, makeToken, samplePayload } from '../test-support/tokens';

const token = makeToken(samplePayload());
const jwe = `${base64url('{"alg":"RSA-OAEP","enc":"A256GCM"}')}.a2V5.aXY.Y2lwaGVy.dGFn`;

/**
 * The shapes as regular expressions, straight from RFC 7515 §7.1 and RFC 7516 §7.1 (as the
 * scanner was first written): the oracle the loop in isJwtShaped must agree with.
 */
const RUN = '[A-Za-z0-9_-]';
const JWS_PATTERN = new RegExp(`^ey[A-DI-L]${RUN}*\\.${RUN}+\\.${RUN}*$`);
const JWE_PATTERN = new RegExp(`^ey[A-DI-L]${RUN}*\\.${RUN}*\\.${RUN}+\\.${RUN}+\\.${RUN}*$`);
const shapedByPattern = (value: string) =>
  value.length <= MAX_TOKEN_LENGTH && (JWS_PATTERN.test(value) || JWE_PATTERN.test(value));

/** Text made of what a token is made of, and a few characters it must not hold. */
const tokenish = fc.string({
  unit: fc.constantFrom('e', 'y', 'J', 'h', 'A', 'D', 'M', 'z', '0', '-', '_', '.', '.', '.', '=', '+', '/', ' ', 'é'),
  maxLength: 40,
});

describe('isJwtShaped', () => {
  it('takes a JWS (the signature may be empty) and a JWE, nothing else', () => {
    expect(isJwtShaped(token)).toBe(true);
    expect(isJwtShaped(jwe)).toBe(true);
    expect(isJwtShaped('eyJhbGciOiJub25lIn0.eyJhIjoxfQ.')).toBe(true);
    expect(isJwtShaped('eyJhbGciOiJub25lIn0..sig')).toBe(false); // no payload
    expect(isJwtShaped('eyJh.a.b.c')).toBe(false); // four runs
    expect(isJwtShaped('eyJh.a.b.c.d.e')).toBe(false); // six runs
    expect(isJwtShaped('eyJh..iv.ct.')).toBe(true); // a JWE with no encrypted key, no tag
    expect(isJwtShaped('eyJh.k..ct.tag')).toBe(false); // no IV
    expect(isJwtShaped('eyes.example.com')).toBe(false); // a host name
    expect(isJwtShaped(`eyJ${'a'.repeat(MAX_TOKEN_LENGTH - 7)}.b.c`)).toBe(true);
    expect(isJwtShaped(`eyJ${'a'.repeat(MAX_TOKEN_LENGTH - 6)}.b.c`)).toBe(false); // one too long
    expect(isJwtShaped('')).toBe(false);
    expect(isJwtShaped('ey')).toBe(false);
  });

  it('agrees with the shapes written as regular expressions', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.tuple(fc.constantFrom('eyJ', 'eyA', 'eyL', 'eyM', 'ey', ''), tokenish),
          fc.tuple(fc.constant(''), fc.string()),
        ),
        ([start, rest]) => {
          const value = `${start}${rest}`;
          expect(isJwtShaped(value)).toBe(shapedByPattern(value));
        },
      ),
      { numRuns: 5000 },
    );
  });
});

/**
 * Every value the scanner reports is in the URL: as it is, or with some characters
 * percent-escaped (a token's characters are ASCII, each escape one byte).
 */
const withAsciiEscapesDecoded = (url: string) =>
  url.replace(/%([0-7][0-9A-Fa-f])/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
const occursIn = (url: string, value: string) => url.includes(value) || withAsciiEscapesDecoded(url).includes(value);

/** URL-ish text: the characters that split a URL, escapes, and pieces of tokens. */
const urlish = fc
  .array(
    fc.oneof(
      fc.constantFrom('?', '#', '&', '=', '+', '%', '%2E', '%65', '%E0%B8', '/', ' ', '.', 'eyJ', token, jwe),
      fc.string({ maxLength: 8 }),
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));

/** Huge URLs of one repeated unit where a reader could go quadratic, around a real token. */
const hugeUrl = fc
  .tuple(
    fc.constantFrom('https://app.example/cb?', 'https://app.example/#', 'https://app.example/#/r?', ''),
    run(300_000),
    fc.constantFrom('', `&t=${token}`, `#${token}`),
  )
  .map(([start, middle, end]) => `${start}${middle}${end}`);

describe('findTokensInUrl on hostile input', () => {
  // Megabytes of input: the fuzz targets' timeout, not the default, on a busy machine. A quadratic
  // reader would still take hours here.
  it('never throws; every candidate is JWT-shaped and is in the URL', { timeout: TIMEOUT }, () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary', maxLength: 200 }), urlish, hugeUrl), (url) => {
        for (const candidate of findTokensInUrl(url)) {
          expect(isJwtShaped(candidate.value)).toBe(true);
          expect(occursIn(url, candidate.value)).toBe(true);
          expect(['query', 'fragment']).toContain(candidate.location);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('reads 1 MiB URLs of the worst shapes, finding the token after them', { timeout: TIMEOUT }, () => {
    const MiB = 1024 * 1024;
    for (const unit of ['&', '=', '%', '%2', '?', '#', '.', 'eyJa.', 'eyJa=', '&t=eyJa.b.c', '+', ' ']) {
      const filler = unit.repeat(Math.ceil(MiB / unit.length)).slice(0, MiB);
      expect(Array.isArray(findTokensInUrl(`https://app.example/cb?${filler}`))).toBe(true);
      expect(Array.isArray(findTokensInUrl(`https://app.example/#${filler}`))).toBe(true);
      const found = findTokensInUrl(`https://app.example/cb?x=${filler}&token=${token}`);
      if (!unit.includes('#')) expect(found).toContainEqual({ location: 'query', parameter: 'token', value: token });
    }
  });

  it('gives nothing, and sets nothing up, for a URL with no query or fragment', () => {
    expect(findTokensInUrl('https://app.example/home')).toEqual([]);
    expect(findTokensInUrl(`https://app.example/${token}`)).toEqual([]);
    expect(findTokensInUrl(42 as unknown as string)).toEqual([]);
  });
});

/**
 * What the scanner should find, by another road: the WHATWG URL parser and URLSearchParams,
 * which agree with the scanner's own splitting on a well-formed callback URL.
 */
function oracle(href: string): TokenCandidate[] {
  const url = new URL(href);
  const found: TokenCandidate[] = [];
  const add = (candidate: TokenCandidate) => {
    if (!found.some((c) => JSON.stringify(c) === JSON.stringify(candidate))) found.push(candidate);
  };
  for (const [name, value] of url.searchParams)
    if (shapedByPattern(value.trim())) add({ location: 'query', parameter: name, value: value.trim() });
  if (!href.includes('#')) return found;
  const fragment = href.slice(href.indexOf('#') + 1);
  const bare = decodeURIComponent(fragment).trim();
  if (shapedByPattern(bare)) {
    add({ location: 'fragment', parameter: null, value: bare });
    return found;
  }
  const routeQueryAt = fragment.indexOf('?');
  const lists = routeQueryAt < 0 ? [fragment] : [fragment.slice(0, routeQueryAt), fragment.slice(routeQueryAt + 1)];
  for (const list of lists)
    for (const [name, value] of new URLSearchParams(list))
      if (shapedByPattern(value.trim())) add({ location: 'fragment', parameter: name, value: value.trim() });
  return found;
}

const parameterName = fc.stringMatching(/^[a-z_]{1,12}$/);
const parameterValue = fc.oneof(
  fc.constantFrom(
    token,
    jwe,
    token.replace(/\./g, '%2E'),
    encodeURIComponent(` ${token} `),
    token.replace(/^ey/, '%65%79'),
    'www.example.com',
  ),
  fc.constantFrom('eyes.example.com', '1.2.3', 'a.b.c', 'eyJa..b', `${token}.x`, ''),
  fc.stringMatching(/^[A-Za-z0-9._~-]{0,16}$/),
);
const parameters = fc
  .array(fc.tuple(parameterName, parameterValue), { maxLength: 5 })
  .map((pairs) => pairs.map(([name, value]) => `${name}=${value}`).join('&'));

/** Callback URLs as SSO clients receive them: code flow, implicit flow, SPA routes. */
const callbackUrl = fc
  .tuple(
    fc.constantFrom('https://app.example.go.th', 'http://10.1.2.3:8080', 'https://sso.example.com'),
    fc.constantFrom('/', '/cb', '/sso/callback.aspx', '/app/'),
    fc.option(parameters, { nil: null }),
    fc.option(
      fc.oneof(
        parameters,
        fc.constantFrom(token, jwe, encodeURIComponent(token)),
        parameters.map((p) => `/callback?${p}`),
        fc.tuple(parameters, parameters).map(([route, query]) => `${route}?${query}`),
      ),
      { nil: null },
    ),
  )
  .map(
    ([origin, path, query, fragment]) =>
      `${origin}${path}${query === null ? '' : `?${query}`}${fragment === null ? '' : `#${fragment}`}`,
  );

describe('findTokensInUrl on callback URLs', () => {
  it('finds what the URL parser finds', () => {
    fc.assert(
      fc.property(callbackUrl, (url) => {
        expect(findTokensInUrl(url)).toEqual(oracle(url));
      }),
      { numRuns: 2000 },
    );
  });

  it('finds a token under any name, in the query or the fragment', () => {
    expect(
      findTokensInUrl(`https://app.example/cb?code=abc&state=1.2.3&id_token=${token}#access_token=${jwe}`),
    ).toEqual([
      { location: 'query', parameter: 'id_token', value: token },
      { location: 'fragment', parameter: 'access_token', value: jwe },
    ]);
  });

  it('finds a token whose first letters are percent-encoded, and nothing in a URL with no token start', () => {
    expect(findTokensInUrl(`https://app.example/cb?t=${token.replace(/^eyJ/, '%65%79%4A')}`)).toEqual([
      { location: 'query', parameter: 't', value: token },
    ]);
    expect(findTokensInUrl(`https://app.example/cb#id_token=${token.replace(/^e/, '%65')}`)).toEqual([
      { location: 'fragment', parameter: 'id_token', value: token },
    ]);
    expect(findTokensInUrl('https://eyes.example/cb?redirect=eyes.example.com&state=eyZ.a.b#eyM.a.b')).toEqual([]);
  });

  it('reports a token seen twice under one name once', () => {
    expect(findTokensInUrl(`https://app.example/cb?t=${token}&t=${token}&u=${token}`)).toEqual([
      { location: 'query', parameter: 't', value: token },
      { location: 'query', parameter: 'u', value: token },
    ]);
  });
});

describe('findTokensInFragment', () => {
  it('finds the tokens of the #fragment, and none of the query', () => {
    expect(findTokensInFragment(`https://app.example/cb?code=${token}#id_token=${jwe}`)).toEqual([
      { location: 'fragment', parameter: 'id_token', value: jwe },
    ]);
    expect(findTokensInFragment(`https://app.example/cb?code=${token}`)).toEqual([]);
    expect(findTokensInFragment(`https://app.example/#/callback?token=${token}`)).toEqual([
      { location: 'fragment', parameter: 'token', value: token },
    ]);
    expect(findTokensInFragment(42 as unknown as string)).toEqual([]);
  });

  it('finds exactly the fragment candidates findTokensInUrl finds, on hostile input', { timeout: TIMEOUT }, () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), urlish, hugeUrl), (url) => {
        const inFragment = findTokensInUrl(url).filter((candidate) => candidate.location === 'fragment');
        expect(findTokensInFragment(url)).toEqual(inFragment);
      }),
      { numRuns: 400 },
    );
  });
});

describe('mayHoldToken', () => {
  it('is true of every URL in which findTokensInUrl finds a token, on hostile input', { timeout: TIMEOUT }, () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), urlish, hugeUrl), (url) => {
        if (findTokensInUrl(url).length > 0) expect(mayHoldToken(url)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});
