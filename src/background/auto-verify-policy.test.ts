import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import {
  AUTO_VERIFY_OVERALL,
  AUTO_VERIFY_PER_TAB,
  AUTO_VERIFY_WINDOW_MS,
  createAutoVerifyPolicy,
} from './auto-verify-policy';
import type { SessionArea } from './capture-store';
import type { Capture } from '../shared/capture';
import { DEFAULT_SETTINGS, type VerificationSettings } from '../shared/settings';
import { EXP_SECONDS, NBF_SECONDS, makeToken, samplePayload } from '../test-support/tokens';

const CONFIGURED: VerificationSettings = {
  ...DEFAULT_SETTINGS.verification,
  clientId: 'DEMO-CLIENT-7F3A',
  endpoint: 'http://127.0.0.1:18082/DiwAppChk/DiwAppChk',
};
const DURING_LIFETIME = NBF_SECONDS * 1000 + 60_000;

function capture(tabId: number | null, overrides: Partial<Capture> = {}): Capture {
  return {
    id: `${tabId}:${Math.random()}`,
    tabId,
    capturedAt: 1,
    pageOrigin: 'http://127.0.0.1',
    pagePath: '/callback',
    source: 'query',
    parameter: 'token',
    token: makeToken(samplePayload()),
    isIndustrySso: true,
    ...overrides,
  };
}

describe('auto-verify policy', () => {
  let clock: number;
  let policy: ReturnType<typeof createAutoVerifyPolicy>;
  beforeEach(() => {
    fakeBrowser.reset();
    clock = DURING_LIFETIME;
    policy = createAutoVerifyPolicy({ area: fakeBrowser.storage.session as unknown as SessionArea, now: () => clock });
  });

  it('verifies a current SSO token from a navigation', async () => {
    expect(await policy.decide(capture(1), CONFIGURED)).toBe('verify');
  });

  it('never verifies unasked what the page put in its own URL after loading', async () => {
    expect(await policy.decide(capture(1, { inPage: true }), CONFIGURED)).toBe('in-page');
  });

  it('never verifies unasked a token its own times call expired or not yet valid', async () => {
    expect(
      await policy.decide(capture(1, { token: makeToken(samplePayload({ exp: NBF_SECONDS - 10 })) }), CONFIGURED),
    ).toBe('not-current');
    clock = EXP_SECONDS * 1000 + 1;
    expect(await policy.decide(capture(1), CONFIGURED)).toBe('not-current');
    clock = NBF_SECONDS * 1000 - 60_000;
    expect(await policy.decide(capture(1), CONFIGURED)).toBe('not-current');
  });

  it(`spends the ClientID at most ${AUTO_VERIFY_PER_TAB} times per tab and ${AUTO_VERIFY_OVERALL} in all per ${AUTO_VERIFY_WINDOW_MS / 60_000} minutes`, async () => {
    const forOneTab = await Promise.all(Array.from({ length: 300 }, () => policy.decide(capture(4), CONFIGURED)));
    expect(forOneTab.filter((d) => d === 'verify')).toHaveLength(AUTO_VERIFY_PER_TAB);
    const acrossTabs = [];
    for (let tab = 10; tab < 40; tab++) acrossTabs.push(await policy.decide(capture(tab), CONFIGURED));
    expect(acrossTabs.filter((d) => d === 'verify')).toHaveLength(AUTO_VERIFY_OVERALL - AUTO_VERIFY_PER_TAB);
    clock += AUTO_VERIFY_WINDOW_MS + 1;
    expect(await policy.decide(capture(4), CONFIGURED)).toBe('verify');
  });

  it('keeps the count across a restarted worker (it lives in storage.session)', async () => {
    for (let i = 0; i < AUTO_VERIFY_PER_TAB; i++) await policy.decide(capture(4), CONFIGURED);
    const restarted = createAutoVerifyPolicy({
      area: fakeBrowser.storage.session as unknown as SessionArea,
      now: () => clock,
    });
    expect(await restarted.decide(capture(4), CONFIGURED)).toBe('rate-limited');
  });

  it('honours a paste whatever the limits and times, but not with auto-verify off', async () => {
    for (let i = 0; i < AUTO_VERIFY_OVERALL; i++) await policy.decide(capture(i), CONFIGURED);
    const expiredPaste = capture(null, { source: 'paste', token: makeToken(samplePayload({ exp: 1 })) });
    expect(await policy.decide(expiredPaste, CONFIGURED)).toBe('verify');
    expect(await policy.decide(expiredPaste, { ...CONFIGURED, autoVerify: false })).toBe('off');
  });

  it('does not verify unasked over plain HTTP unless that was chosen, nor without ClientID, nor non-SSO tokens', async () => {
    const plain = { ...CONFIGURED, endpoint: 'http://diwinfo.diw.go.th:8080/DiwAppChk/DiwAppChk' };
    expect(await policy.decide(capture(1), plain)).toBe('off');
    expect(await policy.decide(capture(1), { ...plain, autoVerifyOverPlainHttp: true })).toBe('verify');
    expect(await policy.decide(capture(2), { ...CONFIGURED, clientId: '' })).toBe('not-configured');
    expect(await policy.decide(capture(3, { isIndustrySso: false }), CONFIGURED)).toBe('not-sso');
  });
});
