import { describe, expect, it } from 'vitest';
import { optionsStrings, translator, type OptionsStringKey } from './options-strings';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('options strings', () => {
  it('has the same keys, no empty text, and the same placeholders in Thai and English', () => {
    expect(Object.keys(optionsStrings.en).sort()).toEqual(Object.keys(optionsStrings.th).sort());
    for (const key of Object.keys(optionsStrings.th) as OptionsStringKey[]) {
      expect(optionsStrings.th[key].trim(), key).not.toBe('');
      expect(optionsStrings.en[key].trim(), key).not.toBe('');
      expect(placeholders(optionsStrings.en[key]), key).toEqual(placeholders(optionsStrings.th[key]));
    }
  });

  it('writes the Thai texts in Thai', () => {
    // Every Thai text that is not a bare technical name holds Thai letters (U+0E00–U+0E7F).
    const technical = new Set<OptionsStringKey>(['field.clientId', 'field.namespace', 'field.soapAction', 'wsdl.namespace', 'test.httpStatus', 'test.fault']);
    for (const [key, text] of Object.entries(optionsStrings.th) as Array<[OptionsStringKey, string]>) {
      if (!technical.has(key)) expect(text, key).toMatch(/[\u0E00-\u0E7F]/);
    }
  });

  it('fills placeholders and leaves an unknown one visible', () => {
    const t = translator('en');
    expect(t('sites.addedOk', { origin: 'http://10.1.2.3:8080' })).toBe('http://10.1.2.3:8080 added.');
    expect(t('sites.addedOk')).toBe('{origin} added.');
  });
});
