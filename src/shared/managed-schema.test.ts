// Chrome checks a policy against public/managed-schema.json before the extension sees it, and the
// shared reader checks it again in both browsers. The two must name the same keys with the same
// types, or Chrome would drop a key the reader expects (or pass one it has no rule for).
import { describe, expect, it } from 'vitest';
import schema from '../../public/managed-schema.json' with { type: 'json' };
import { DEFAULT_SETTINGS } from './settings';
import { POLICY_KEYS } from './managed-policy';

const SCHEMA_TYPE: Record<string, string> = { string: 'string', boolean: 'boolean', number: 'integer' };

describe('managed storage schema', () => {
  it('names exactly the policy keys', () => {
    expect(Object.keys(schema.properties).sort()).toEqual([...POLICY_KEYS].sort());
  });

  it('gives each key the type of the setting it sets', () => {
    const properties: Record<string, { type: string }> = schema.properties;
    for (const [key, value] of Object.entries(DEFAULT_SETTINGS.verification)) {
      expect(properties[key]?.type, key).toBe(SCHEMA_TYPE[typeof value]);
    }
    expect(properties.captureSites?.type).toBe('array');
    expect(properties.defaultLanguage?.type).toBe('string');
  });
});
