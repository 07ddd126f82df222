import { describe, expect, it } from 'vitest';
import { BADGE_COLOURS, badgeFor } from './badge';
import { makeToken, samplePayload, NBF_SECONDS, EXP_SECONDS } from '../test-support/tokens';
import type { Capture } from '../shared/capture';

function captureOf(payload: Record<string, unknown>): Capture {
  return {
    id: 'x',
    tabId: 1,
    capturedAt: 0,
    pageOrigin: '',
    pagePath: '',
    source: 'query',
    parameter: 'token',
    token: makeToken(payload),
    isIndustrySso: true,
  };
}

describe('badge', () => {
  const capture = captureOf(samplePayload());

  it('shows whole minutes left, green, while more than 5 minutes remain', () => {
    expect(badgeFor(capture, NBF_SECONDS * 1000)).toMatchObject({ text: '65m', colour: BADGE_COLOURS.valid });
    // 30.9 minutes left rounds down: the badge never promises time the token does not have.
    expect(badgeFor(capture, (EXP_SECONDS - 30.9 * 60) * 1000)).toMatchObject({
      text: '30m',
      colour: BADGE_COLOURS.valid,
    });
  });

  it('turns amber under 5 minutes and red once expired', () => {
    expect(badgeFor(capture, (EXP_SECONDS - 4 * 60) * 1000)).toMatchObject({
      text: '4m',
      colour: BADGE_COLOURS.ending,
    });
    expect(badgeFor(capture, EXP_SECONDS * 1000)).toMatchObject({ text: 'exp', colour: BADGE_COLOURS.expired });
  });

  it('says when a token is not yet valid or its expiry cannot be read', () => {
    expect(badgeFor(capture, (NBF_SECONDS - 60) * 1000)?.text).toBe('nbf');
    expect(badgeFor(captureOf(samplePayload({ exp: 'soon' })), NBF_SECONDS * 1000)?.text).toBe('?');
  });

  it('shows nothing for a tab with no capture or an unreadable one', () => {
    expect(badgeFor(undefined, 0)).toBeNull();
    expect(badgeFor({ ...capture, token: 'not-a-token' }, 0)).toBeNull();
  });
});
