import { describe, expect, it } from 'vitest';
import { bilingualTableProblems } from '../test-support/bilingual-table-checks';
import { OPTIONS_STRINGS, type OptionsStringKey } from './options-strings';

describe('options strings', () => {
  it('has the same keys, no empty text, the same placeholders, and Thai texts in Thai', () => {
    const technical = new Set<OptionsStringKey>([
      'field.clientId',
      'field.namespace',
      'field.soapAction',
      'wsdl.namespace',
      'test.httpStatus',
      'test.fault',
    ]);
    expect(bilingualTableProblems(OPTIONS_STRINGS, technical)).toEqual([]);
  });
});
