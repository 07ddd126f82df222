import { describe, expect, it, vi } from 'vitest';
import { createBadgeRefresh, type BadgeAction } from './badge-refresh';
import { NBF_SECONDS, sampleCapture } from '../test-support/tokens';

const CAPTURE = sampleCapture(3);

function fakeAction(): BadgeAction & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    setBadgeText: vi.fn(async ({ text }) => void calls.push(`text:${text}`)),
    setBadgeBackgroundColor: vi.fn(async ({ color }) => void calls.push(`colour:${color}`)),
    setTitle: vi.fn(async () => void calls.push('title')),
  };
}

describe('badge refresh', () => {
  it('shows the newest capture of the tab', async () => {
    const action = fakeAction();
    await createBadgeRefresh({
      store: { forTab: async () => [CAPTURE] },
      action,
      now: () => NBF_SECONDS * 1000 + 60_000,
    })(3);
    expect(action.calls).toHaveLength(3);
    expect(action.setBadgeText).toHaveBeenCalledWith({ tabId: 3, text: expect.any(String) });
  });

  it('empties the badge of a tab without captures', async () => {
    const action = fakeAction();
    await createBadgeRefresh({ store: { forTab: async () => [] }, action, now: () => 0 })(3);
    expect(action.calls).toEqual(['text:']);
  });

  it('says nothing when the tab closed in between', async () => {
    const action = { ...fakeAction(), setBadgeText: vi.fn(async () => Promise.reject(new Error('No tab with id: 3'))) };
    await expect(
      createBadgeRefresh({ store: { forTab: async () => [CAPTURE] }, action, now: () => 0 })(3),
    ).resolves.toBeUndefined();
  });
});
