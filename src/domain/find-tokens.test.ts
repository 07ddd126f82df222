import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findTokenInText, findTokensInForm, findTokensInUrl, isJwtShaped, stripTokensFromUrl } from './find-tokens';
import { base64url, makeToken, samplePayload } from '../test-support/tokens';

const token = makeToken(samplePayload());
const [, payloadPart, signaturePart] = token.split('.') as [string, string, string];

describe('findTokensInUrl', () => {
  it('finds a token in the query under any parameter name, percent-decoded', () => {
    expect(findTokensInUrl(`https://app.example/cb?x=1&whatever=${token}`)).toEqual([
      { location: 'query', parameter: 'whatever', value: token },
    ]);
    const encoded = token.replace(/\./g, '%2E');
    expect(findTokensInUrl(`https://app.example/cb?access_token=${encoded}`)).toEqual([
      { location: 'query', parameter: 'access_token', value: token },
    ]);
  });

  it('finds tokens in the fragment: parameters, a bare token, and a SPA route query', () => {
    expect(findTokensInUrl(`https://app.example/#id_token=${token}&state=abc`)).toEqual([
      { location: 'fragment', parameter: 'id_token', value: token },
    ]);
    expect(findTokensInUrl(`https://app.example/#${token}`)).toEqual([
      { location: 'fragment', parameter: null, value: token },
    ]);
    expect(findTokensInUrl(`https://app.example/#/callback?token=${token}`)).toEqual([
      { location: 'fragment', parameter: 'token', value: token },
    ]);
  });

  it('finds a 5-part JWE shape and several tokens at once', () => {
    const jwe = `${base64url('{"alg":"RSA-OAEP","enc":"A256GCM"}')}.a2V5.aXY.Y2lwaGVy.dGFn`;
    const found = findTokensInUrl(`https://app.example/cb?a=${token}&b=${jwe}#c=${token}`);
    expect(found.map((c) => [c.location, c.parameter])).toEqual([
      ['query', 'a'],
      ['query', 'b'],
      ['fragment', 'c'],
    ]);
  });

  it('ignores dotted values that are not JWTs (host names, versions)', () => {
    expect(findTokensInUrl('https://app.example/cb?redirect=www.example.com&v=1.2.3&q=a.b.c')).toEqual([]);
  });

  it('never throws on garbage', () => {
    expect(findTokensInUrl('%%%?a=%E0%A4%A&#%')).toEqual([]);
    expect(findTokensInUrl('')).toEqual([]);
    fc.assert(
      fc.property(fc.string(), (url) => {
        const found = findTokensInUrl(url);
        expect(Array.isArray(found)).toBe(true);
        for (const c of found) expect(isJwtShaped(c.value)).toBe(true);
      }),
    );
  });

  it('finds a token placed anywhere in an otherwise arbitrary query', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z_]{1,12}$/),
        fc.array(fc.stringMatching(/^[a-z0-9]{0,8}$/), { maxLength: 3 }),
        (name, junk) => {
          const query = [...junk.map((j, i) => `p${i}=${j}`), `${name}=${token}`].join('&');
          expect(findTokensInUrl(`https://x.example/?${query}`)).toContainEqual({
            location: 'query',
            parameter: name,
            value: token,
          });
        },
      ),
    );
  });
});

describe('findTokensInForm', () => {
  it('finds JWT-shaped values among form fields', () => {
    expect(findTokensInForm({ state: ['abc'], token: [` ${token} `], other: ['1.2.3'] })).toEqual([
      { location: 'form', parameter: 'token', value: token },
    ]);
    expect(findTokensInForm({})).toEqual([]);
  });
});

describe('findTokenInText', () => {
  it('tolerates Bearer, quotes, whitespace and line breaks inside the token', () => {
    const broken = `${token.slice(0, 20)}\n  ${token.slice(20, 60)}\r\n${token.slice(60)}`;
    for (const text of [token, `Bearer ${token}`, `"${token}"`, `  '${token}'\n`, broken, `bearer  "${broken}"`]) {
      expect(findTokenInText(text)).toEqual({ location: 'text', parameter: null, value: token });
    }
  });

  it('finds a token inside a JSON body or a sentence', () => {
    expect(findTokenInText(`{"token":"${token}","x":1}`)?.value).toBe(token);
    expect(findTokenInText(`the token is ${token}, see above`)?.value).toBe(token);
  });

  it('returns null for text with no token', () => {
    expect(findTokenInText('hello world')).toBeNull();
    expect(findTokenInText('www.example.com')).toBeNull();
  });

  it('never throws and only returns JWT-shaped values', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        const found = findTokenInText(text);
        if (found !== null) expect(isJwtShaped(found.value)).toBe(true);
      }),
    );
  });
});

describe('stripTokensFromUrl', () => {
  it('replaces every token by [token] and gives origin and path apart', () => {
    const stripped = stripTokensFromUrl(`https://app.example:8443/sso/cb?state=1&token=${token}#id=${token}`);
    expect(stripped).toEqual({
      origin: 'https://app.example:8443',
      path: '/sso/cb',
      display: 'https://app.example:8443/sso/cb?state=1&token=[token]#id=[token]',
    });
    expect(stripTokensFromUrl(`https://app.example/#${token}`).display).toBe('https://app.example/#[token]');
  });

  it('strips a token in the path too', () => {
    const stripped = stripTokensFromUrl(`https://app.example/cb/${token}`);
    expect(stripped.path).toBe('/cb/[token]');
    expect(stripped.display).not.toContain(signaturePart);
  });

  it('gives an empty origin and a best-effort path for a bad URL, never throwing', () => {
    expect(stripTokensFromUrl(`not a url/cb?t=${token}`)).toEqual({
      origin: '',
      path: 'not a url/cb',
      display: 'not a url/cb?t=[token]',
    });
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('?t=', '#', '#a=', '/'), fc.string(), (before, joiner, after) => {
        const result = stripTokensFromUrl(`${before}${joiner}${token}${after.replace(/[A-Za-z0-9_.-]/g, '')}`);
        expect(result.display).not.toContain(payloadPart);
        expect(result.path).not.toContain(payloadPart);
      }),
    );
  });
});
