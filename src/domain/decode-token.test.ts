import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeToken } from './decode-token';
import { base64url, makeToken, samplePayload } from '../test-support/tokens';

const token = makeToken(samplePayload());
const [headerPart, payloadPart, signaturePart] = token.split('.') as [string, string, string];

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
    const truncated = failure(
      `${headerPart}.${payloadPart.slice(0, payloadPart.length - ((payloadPart.length - 1) % 4))}.${signaturePart}`,
    );
    expect(truncated).toMatchObject({ code: 'bad-base64url', part: 'payload' });
    expect(truncated.message.en).toMatch(/truncated/);

    const standard = failure(
      `${headerPart}.${Buffer.from(JSON.stringify(samplePayload({ x: '??>>' }))).toString('base64')}.${signaturePart}`,
    );
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
    expect(failure(`${headerPart}.${base64url('not json')}.${signaturePart}`)).toMatchObject({
      code: 'not-json',
      part: 'payload',
    });
    expect(failure(`${base64url('{"alg":')}.${payloadPart}.${signaturePart}`)).toMatchObject({
      code: 'not-json',
      part: 'header',
    });
    const array = failure(`${headerPart}.${base64url('[1,2]')}.${signaturePart}`);
    expect(array).toMatchObject({ code: 'not-object', part: 'payload' });
    expect(array.message.en).toMatch(/array/);
    expect(failure(`${base64url('42')}.${payloadPart}.${signaturePart}`)).toMatchObject({
      code: 'not-object',
      part: 'header',
    });
  });

  it('never throws on arbitrary text and always explains a failure in both languages', () => {
    const tokenish = fc
      .array(fc.oneof(fc.string(), fc.base64String(), fc.constantFrom(headerPart, payloadPart, 'eyJ', '')), {
        minLength: 1,
        maxLength: 6,
      })
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
