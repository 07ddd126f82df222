import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { createCaptureStore, type SessionArea } from './capture-store';
import { createSettingsStore, type LocalArea } from './settings-store';
import { createVerificationService } from './verification-service';
import type { Verifier } from './verifier';
import type { VerificationResult } from '../domain/soap/answer';
import { DEFAULT_SETTINGS } from '../shared/settings';
import { withCurrentVerification } from '../shared/capture';
import { NBF_SECONDS, sampleCapture, samplePayload } from '../test-support/tokens';
import { createAutoVerifyPolicy } from './auto-verify-policy';

function resultFor(clientId: string): VerificationResult {
  return {
    checkedAt: 1,
    roundTripMs: 3,
    clockSkewMs: null,
    endpoint: 'http://127.0.0.1:1/svc',
    outcome: {
      kind: 'answered',
      answer: {
        manualCase: clientId === 'RIGHT' ? 1 : 4,
        status: clientId === 'RIGHT',
        message: 'm',
        username: null,
        idCard: null,
      },
    },
    findings: [],
  };
}

const CAPTURE = sampleCapture(9);

describe('verification service', () => {
  let verify: ReturnType<typeof vi.fn>;
  let service: ReturnType<typeof createVerificationService>;
  let settings: ReturnType<typeof createSettingsStore>;
  let store: ReturnType<typeof createCaptureStore>;

  beforeEach(async () => {
    fakeBrowser.reset();
    store = createCaptureStore(fakeBrowser.storage.session as unknown as SessionArea);
    settings = createSettingsStore(fakeBrowser.storage.local as unknown as LocalArea);
    verify = vi.fn(async (_token: string, s: { clientId: string }) => resultFor(s.clientId));
    const verifier = { verify, loadWsdl: vi.fn(), testConnection: vi.fn() } as unknown as Verifier;
    const now = () => NBF_SECONDS * 1000 + 60_000;
    service = createVerificationService({
      store,
      settings,
      verifier,
      policy: createAutoVerifyPolicy({ area: fakeBrowser.storage.session as unknown as SessionArea, now }),
      now,
    });
    await store.add(CAPTURE);
    await settings.save({
      ...DEFAULT_SETTINGS,
      verification: { ...DEFAULT_SETTINGS.verification, clientId: 'RIGHT', endpoint: 'http://127.0.0.1:1/svc' },
    });
  });

  it('compares the answer with the token’s username and ID: from the kept reading, or decoded when none was kept', async () => {
    const { username, idcard } = samplePayload();
    await service.verify('c1', true);
    expect(verify.mock.calls[0]![2]).toEqual({ username, idcard });
    const unread = { ...sampleCapture(10), id: 'c2', reading: undefined };
    await store.add(unread);
    await service.verify('c2', true);
    expect(verify.mock.calls[1]![2]).toEqual({ username, idcard });
  });

  it('verifies once and serves the cached result until asked again', async () => {
    await service.verify('c1', false);
    await service.verify('c1', false);
    expect(verify).toHaveBeenCalledTimes(1);
    await service.verify('c1', true);
    expect(verify).toHaveBeenCalledTimes(2);
  });

  it('never shows a result made under other settings as current', async () => {
    await service.verify('c1', false);
    const current = withCurrentVerification(await store.forTab(9), await service.currentFingerprint());
    expect(current[0]?.verification?.result.outcome).toMatchObject({ kind: 'answered' });

    const changed = await settings.get();
    await settings.save({ ...changed, verification: { ...changed.verification, clientId: 'WRONG' } });
    expect(
      withCurrentVerification(await store.forTab(9), await service.currentFingerprint())[0]?.verification,
    ).toBeUndefined();
    const again = await service.verify('c1', false);
    expect(again.ok && again.value.outcome.kind === 'answered' && again.value.outcome.answer.manualCase).toBe(4);
  });

  it('auto-verifies SSO tokens only when turned on and configured', async () => {
    await service.autoVerify({ ...CAPTURE, isIndustrySso: false });
    expect(verify).not.toHaveBeenCalled();
    await service.autoVerify(CAPTURE);
    expect(verify).toHaveBeenCalledTimes(1);

    const current = await settings.get();
    await settings.save({ ...current, verification: { ...current.verification, autoVerify: false } });
    await service.verify('c1', true); // a person can still ask
    const before = verify.mock.calls.length;
    await service.autoVerify({ ...CAPTURE, id: 'c2' });
    expect(verify.mock.calls.length).toBe(before);
  });

  it('marks the capture as verifying while the call is out, and the result replaces the mark', async () => {
    let answer!: (result: VerificationResult) => void;
    verify.mockImplementationOnce(() => new Promise<VerificationResult>((resolve) => (answer = resolve)));
    const verified = service.verify('c1', true);
    await vi.waitFor(async () => expect((await store.find('c1'))?.verifying).toBeDefined());
    answer(resultFor('RIGHT'));
    expect(await verified).toMatchObject({ ok: true });
    const stored = await store.find('c1');
    expect(stored?.verifying).toBeUndefined();
    expect(stored?.verification?.result).toEqual(resultFor('RIGHT'));
  });

  it('answers without waiting for the result to be stored', async () => {
    const slowService = createVerificationService({
      store: { ...store, setVerification: () => new Promise<boolean>(() => undefined) },
      settings,
      verifier: { verify, loadWsdl: vi.fn(), testConnection: vi.fn() } as unknown as Verifier,
      policy: createAutoVerifyPolicy({ area: fakeBrowser.storage.session as unknown as SessionArea, now: () => 0 }),
      now: () => 0,
    });
    expect(await slowService.verify('c1', true)).toEqual({ ok: true, value: resultFor('RIGHT') });
  });

  it('says clearly when the capture is gone', async () => {
    const result = await service.verify('missing', false);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.en).toMatch(/no longer kept/);
  });

  it('settles a verification the previous worker left unfinished as interrupted, with a next step', async () => {
    await store.markVerifying('c1', 9, { since: 5, settingsFingerprint: 'old' });
    expect(await service.settleInterrupted()).toBe(1);
    const settled = await store.find('c1');
    expect(settled?.verifying).toBeUndefined();
    expect(settled?.verification?.result.outcome).toMatchObject({ kind: 'failed', code: 'interrupted' });
    expect(settled?.verification?.result.findings[0]?.nextStep.en).toMatch(/Verify again/);
  });
});
