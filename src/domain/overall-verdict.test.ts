import { describe, expect, it } from 'vitest';
import { overallVerdict } from './overall-verdict';
import { inspectToken } from './read-token';
import type { ManualCase, VerificationResult } from './soap/answer';
import { makeToken, samplePayload, NBF_SECONDS, EXP_SECONDS } from '../test-support/tokens';

const DURING = (NBF_SECONDS + 60) * 1000;
const token = makeToken(samplePayload());

function answered(manualCase: ManualCase | null): VerificationResult {
  return {
    checkedAt: DURING,
    roundTripMs: 10,
    clockSkewMs: null,
    endpoint: 'http://127.0.0.1:1/s',
    outcome: {
      kind: 'answered',
      answer: { manualCase, status: manualCase === 1, message: 'm', username: null, idCard: null },
    },
    findings: [],
  };
}
const failed: VerificationResult = { ...answered(1), outcome: { kind: 'failed', code: 'timeout', detail: 'slow' } };

describe('overall verdict', () => {
  const valid = inspectToken(token, DURING);
  const expired = inspectToken(token, (EXP_SECONDS + 60) * 1000);
  const notYet = inspectToken(token, (NBF_SECONDS - 60) * 1000);

  it('is the token’s own reading until DiwLoginChk answers', () => {
    expect(overallVerdict(valid, null)).toBe('valid');
    expect(overallVerdict(valid, failed)).toBe('valid');
    expect(overallVerdict(expired, undefined)).toBe('expired');
  });

  it('says not genuine when the service answers case 3, however good the times look', () => {
    expect(overallVerdict(valid, answered(3))).toBe('not-genuine');
    expect(overallVerdict(expired, answered(3))).toBe('not-genuine');
  });

  it('takes the service’s "expired" over this PC’s clock', () => {
    expect(overallVerdict(valid, answered(2))).toBe('expired');
  });

  it('never lets an answer make a token look better than its own reading', () => {
    expect(overallVerdict(expired, answered(1))).toBe('expired');
    expect(overallVerdict(notYet, answered(1))).toBe('not-yet-valid');
    expect(overallVerdict(valid, answered(4))).toBe('valid');
    expect(overallVerdict(valid, answered(null))).toBe('valid');
    const unreadable = inspectToken('not.a.token', DURING);
    expect(overallVerdict(unreadable, answered(3))).toBe('unreadable');
  });
});
