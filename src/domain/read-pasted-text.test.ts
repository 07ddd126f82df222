import { describe, expect, it } from 'vitest';
import { readPastedText } from './read-pasted-text';
import { makeToken, samplePayload } from '../test-support/tokens';

describe('readPastedText', () => {
  it('finds the token inside what was pasted', () => {
    const token = makeToken(samplePayload());
    const read = readPastedText(`{"access_token":"${token}"}`);
    expect(read.ok && read.token.compact).toBe(token);
  });

  it('explains the text as pasted when there is no token in it', () => {
    const read = readPastedText(makeToken(samplePayload()).split('.').slice(0, 2).join('.'));
    expect(!read.ok && read.failure.code).toBe('wrong-part-count');
  });
});
