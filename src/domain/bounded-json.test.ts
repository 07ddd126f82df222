import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { boundedJson, PRETTY_JSON_LIMITS } from './bounded-json';
import { deepArrayJson, deepObjectJson } from '../test-support/hostile-tokens';

describe('boundedJson', () => {
  it('within its limits, prints exactly what JSON.stringify prints', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.constantFrom(0, 2), (value, indent) => {
        const printed = boundedJson(value, { indent, maxCharacters: 1e9 });
        expect(printed).toEqual({
          text: JSON.stringify(value, null, indent),
          omittedCharacters: 0,
          depthCapped: false,
        });
      }),
    );
  });

  it('leaves out what JSON.stringify leaves out', () => {
    expect(boundedJson({ a: undefined, b: [undefined, 1], c: Number.NaN }, { indent: 0 }).text).toBe(
      '{"b":[null,1],"c":null}',
    );
    expect(boundedJson(undefined).text).toBe('undefined');
  });

  it('prints an array nested 5,000 deep without overflowing the stack, down to maxDepth', () => {
    const value = JSON.parse(deepArrayJson(5000));
    const printed = boundedJson(value, { indent: 0, maxDepth: 3 });
    expect(printed.text).toBe('[[[[…]]]]');
    expect(printed.depthCapped).toBe(true);
    expect(boundedJson(JSON.parse(deepObjectJson(5000)), { indent: 0, maxDepth: 2 }).text).toBe('{"a":{"a":{…}}}');
  });

  it('keeps at most maxCharacters and counts the rest', () => {
    const value = { list: Array.from({ length: 1000 }, (_, i) => `item-${i}`) };
    const full = JSON.stringify(value, null, 2);
    const printed = boundedJson(value, { maxCharacters: 500 });
    expect(printed.text).toBe(full.slice(0, 500));
    expect(printed.omittedCharacters).toBe(full.length - 500);
  });

  it('a 1,000-deep header pretty-prints to a few KB, not two million characters', () => {
    const printed = boundedJson({ alg: 'HS256', x: JSON.parse(deepObjectJson(1000)) });
    expect(printed.text.length + printed.omittedCharacters).toBeLessThan(PRETTY_JSON_LIMITS.maxCharacters);
    expect(printed.depthCapped).toBe(true);
  });

  it('applies mapString to keys and string values, then quotes', () => {
    expect(
      boundedJson({ 'k\u202e': 'v\u202e' }, { indent: 0, mapString: (text) => text.replace('\u202e', '!') }).text,
    ).toBe('{"k!":"v!"}');
  });
});
