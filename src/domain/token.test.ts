import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeToken, findTokenInText, findTokensInForm, findTokensInUrl, isJwtShaped, stripTokensFromUrl } from './token';
import { base64url, makeToken, samplePayload } from './test-support';

const token = makeToken(samplePayload());
const [headerPart, payloadPart, signaturePart] = token.split('.') as [string, string, string];

describe('findTokensInUrl', () => {
  it('finds a token in the query under any parameter name, percent-decoded', () => {
    expect(findTokensInUrl(`https://app.example/cb?x=1&whatever=${token}`)).toEqual([{ location: 'query', parameter: 'whatever', value: token }]);
    const encoded = token.replace(/\./g, '%2E');
    expect(findTokensInUrl(`https://app.example/cb?access_token=${encoded}`)).toEqual([{ location: 'query', parameter: 'access_token', value: token }]);
  });

  it('finds tokens in the fragment: parameters, a bare token, and a SPA route query', () => {
    expect(findTokensInUrl(`https://app.example/#id_token=${token}&state=abc`)).toEqual([{ location: 'fragment', parameter: 'id_token', value: token }]);
    expect(findTokensInUrl(`https://app.example/#${token}`)).toEqual([{ location: 'fragment', parameter: null, value: token }]);
    expect(findTokensInUrl(`https://app.example/#/callback?token=${token}`)).toEqual([{ location: 'fragment', parameter: 'token', value: token }]);
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
      fc.property(fc.stringMatching(/^[a-z_]{1,12}$/), fc.array(fc.stringMatching(/^[a-z0-9]{0,8}$/), { maxLength: 3 }), (name, junk) => {
        const query = [...junk.map((j, i) => `p${i}=${j}`), `${name}=${token}`].join('&');
        expect(findTokensInUrl(`https://x.example/?${query}`)).toContainEqual({ location: 'query', parameter: name, value: token });
      }),
    );
  });
});

describe('findTokensInForm', () => {
  it('finds JWT-shaped values among form fields', () => {
    expect(findTokensInForm({ state: ['abc'], token: [` ${token} `], other: ['1.2.3'] })).toEqual([{ location: 'form', parameter: 'token', value: token }]);
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
    expect(stripTokensFromUrl(`not a url/cb?t=${token}`)).toEqual({ origin: '', path: 'not a url/cb', display: 'not a url/cb?t=[token]' });
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('?t=', '#', '#a=', '/'), fc.string(), (before, joiner, after) => {
        const result = stripTokensFromUrl(`${before}${joiner}${token}${after.replace(/[A-Za-z0-9_.-]/g, '')}`);
        expect(result.display).not.toContain(payloadPart);
        expect(result.path).not.toContain(payloadPart);
      }),
    );
  });
});

describe('decodeToken', () => {
  it('decodes header and payload and marks an Industry SSO token', () => {
    const result = decodeToken(`Bearer ${token}`);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.token.compact).toBe(token);
    expect(result.token.header).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(result.token.payload).toEqual(samplePayload());
    expect(result.token.isIndustrySso).toBe(true);
    const other = decodeToken(makeToken({ sub: 'x', iss: 'y', exp: 1 }));
    expect(other.ok && other.token.isIndustrySso).toBe(false);
  });

  it('decodes Thai text in the payload (UTF-8)', () => {
    const result = decodeToken(makeToken({ firstname: 'สมหญิง' }));
    expect(result.ok && result.token.payload.firstname).toBe('สมหญิง');
  });

  const failure = (text: string) => {
    const result = decodeToken(text);
    if (result.ok) throw new Error('expected a failure');
    return result.failure;
  };

  it('classifies an empty and a too-large text', () => {
    expect(failure('').code).toBe('empty');
    expect(failure('  \n ').code).toBe('empty');
    expect(failure('Bearer ').code).toBe('empty');
    expect(failure(`${headerPart}.${'a'.repeat(70_000)}.x`).code).toBe('too-large');
  });

  it('classifies a wrong part count, saying the signature may be missing', () => {
    const twoParts = failure(`${headerPart}.${payloadPart}`);
    expect(twoParts.code).toBe('wrong-part-count');
    expect(twoParts.message.en).toMatch(/has 2/);
    expect(twoParts.message.en).toMatch(/signature/);
    expect(failure('hello').message.en).toMatch(/no dots/);
  });

  it('says a 5-part token is an encrypted JWE, not corrupt', () => {
    const f = failure(`${headerPart}.a2V5.aXY.Y2lwaGVy.dGFn`);
    expect(f.code).toBe('encrypted-jwe');
    expect(f.message.en).toMatch(/encrypted/);
    expect(f.message.en).toMatch(/not corrupt/);
    expect(f.message.th).toMatch(/กุญแจ/);
  });

  it('explains bad base64url: truncation, standard base64, percent-encoding, stray characters', () => {
    const truncated = failure(`${headerPart}.${payloadPart.slice(0, payloadPart.length - ((payloadPart.length - 1) % 4))}.${signaturePart}`);
    expect(truncated).toMatchObject({ code: 'bad-base64url', part: 'payload' });
    expect(truncated.message.en).toMatch(/truncated/);

    const standard = failure(`${headerPart}.${Buffer.from(JSON.stringify(samplePayload({ x: '??>>' }))).toString('base64')}.${signaturePart}`);
    expect(standard).toMatchObject({ code: 'bad-base64url', part: 'payload' });
    expect(standard.message.en).toMatch(/standard base64/);

    const percent = failure(`${headerPart}%3D.${payloadPart}.${signaturePart}`);
    expect(percent).toMatchObject({ code: 'bad-base64url', part: 'header' });
    expect(percent.message.en).toMatch(/URL-encoded/);

    const stray = failure(`${headerPart}.${payloadPart}!!.${signaturePart}`);
    expect(stray.message.en).toContain('"!"');

    expect(failure(`.${payloadPart}.${signaturePart}`)).toMatchObject({ code: 'bad-base64url', part: 'header' });
  });

  it('classifies JSON problems: not JSON, and JSON that is not an object', () => {
    expect(failure(`${headerPart}.${base64url('not json')}.${signaturePart}`)).toMatchObject({ code: 'not-json', part: 'payload' });
    expect(failure(`${base64url('{"alg":')}.${payloadPart}.${signaturePart}`)).toMatchObject({ code: 'not-json', part: 'header' });
    const array = failure(`${headerPart}.${base64url('[1,2]')}.${signaturePart}`);
    expect(array).toMatchObject({ code: 'not-object', part: 'payload' });
    expect(array.message.en).toMatch(/array/);
    expect(failure(`${base64url('42')}.${payloadPart}.${signaturePart}`)).toMatchObject({ code: 'not-object', part: 'header' });
  });

  it('never throws on arbitrary text and always explains a failure in both languages', () => {
    const tokenish = fc
      .array(fc.oneof(fc.string(), fc.base64String(), fc.constantFrom(headerPart, payloadPart, 'eyJ', '')), { minLength: 1, maxLength: 6 })
      .map((parts) => parts.join('.'));
    fc.assert(
      fc.property(fc.oneof(fc.string(), tokenish), (text) => {
        const result = decodeToken(text);
        if (result.ok) {
          expect(typeof result.token.payload).toBe('object');
        } else {
          expect(result.failure.message.th.length).toBeGreaterThan(0);
          expect(result.failure.message.en.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('decodes any JSON-object payload it is given', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (payload) => {
        const result = decodeToken(makeToken(payload));
        expect(result.ok).toBe(true);
        if (result.ok) expect(result.token.payload).toEqual(JSON.parse(JSON.stringify(payload)));
      }),
    );
  });
});
