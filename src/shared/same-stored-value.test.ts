import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sameStoredValue } from './same-stored-value';
import { inChromeStorageOrder } from '../test-support/chrome-storage-order';

describe('the same stored value', () => {
  it('is a value read back with its keys in another order', () => {
    const written = { hops: [{ places: ['query'], url: 'http://127.0.0.1/cb?token=[token]', status: 200 }] };
    const readBack = { hops: [{ places: ['query'], status: 200, url: 'http://127.0.0.1/cb?token=[token]' }] };
    expect(JSON.stringify(written)).not.toBe(JSON.stringify(readBack));
    expect(sameStoredValue(written, readBack)).toBe(true);
  });

  it('is not a value that differs anywhere: a field, an array’s order or length, a type', () => {
    expect(sameStoredValue({ a: 1 }, { a: 2 })).toBe(false);
    expect(sameStoredValue({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameStoredValue({ a: 1, b: 2 }, { a: 1, c: 2 })).toBe(false);
    expect(sameStoredValue([1, 2], [2, 1])).toBe(false);
    expect(sameStoredValue([1], [1, 1])).toBe(false);
    expect(sameStoredValue({ 0: 'x' }, ['x'])).toBe(false);
    expect(sameStoredValue('1', 1)).toBe(false);
    expect(sameStoredValue(null, {})).toBe(false);
    expect(sameStoredValue(undefined, {})).toBe(false);
  });

  it('treats a key set to undefined as no key, as storage does', () => {
    expect(sameStoredValue({ a: 1, page: undefined }, { a: 1 })).toBe(true);
  });

  it('agrees with a comparison of JSON texts once both have their keys sorted', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        expect(sameStoredValue(a, b)).toBe(
          JSON.stringify(inChromeStorageOrder(a)) === JSON.stringify(inChromeStorageOrder(b)),
        );
        expect(sameStoredValue(a, inChromeStorageOrder(a))).toBe(true);
      }),
    );
  });
});
