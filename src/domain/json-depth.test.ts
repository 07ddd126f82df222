import { describe, expect, it } from 'vitest';
import { jsonDepth } from './json-depth';
import { deepArrayJson, deepObjectJson } from '../test-support/hostile-tokens';

describe('jsonDepth', () => {
  it('counts levels of non-empty containers', () => {
    expect(jsonDepth(1, 10)).toBe(0);
    expect(jsonDepth([], 10)).toBe(0);
    expect(jsonDepth({ a: 1 }, 10)).toBe(1);
    expect(jsonDepth({ a: [1, { b: [2] }] }, 10)).toBe(4);
  });

  it('stops at stopAt, even 5,000 deep, without recursion', () => {
    expect(jsonDepth(JSON.parse(deepArrayJson(5000)), 17)).toBe(17);
    expect(jsonDepth(JSON.parse(deepObjectJson(5000)), 100)).toBe(100);
    expect(jsonDepth(JSON.parse(deepArrayJson(16)), 17)).toBe(16);
  });
});
