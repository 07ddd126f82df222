// The launchers themselves run in test/e2e/demo-world.test.ts; these are the parts that need no browser.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumPath, firefoxPath, pollUntil } from './launch-browser.mjs';

describe('pollUntil', () => {
  it('returns the first truthy value, after as many tries as it takes', async () => {
    let calls = 0;
    const value = await pollUntil(async () => {
      calls += 1;
      return calls >= 3 ? { ready: calls } : null;
    });
    expect(value).toEqual({ ready: 3 });
  });

  it('treats a throwing check as "not yet", and names what it waited for and the last error when it gives up', async () => {
    const failing = pollUntil(
      async () => {
        throw new Error('page is navigating');
      },
      { timeoutMs: 0, what: 'the popup to render' },
    );
    await expect(failing).rejects.toThrow(/waiting for the popup to render \(last error: page is navigating\)/);
  });

  it('gives up on a check that stays falsy', async () => {
    await expect(pollUntil(async () => false, { timeoutMs: 0, what: 'nothing' })).rejects.toThrow(
      /waiting for nothing$/,
    );
  });
});

describe('browser paths', () => {
  it('use CHROME_PATH / FIREFOX_PATH when set', () => {
    expect(chromiumPath({ CHROME_PATH: '/opt/chrome/chrome' })).toBe('/opt/chrome/chrome');
    expect(firefoxPath({ FIREFOX_PATH: '/opt/firefox/firefox' })).toBe('/opt/firefox/firefox');
  });

  it('otherwise find the browser on PATH before the usual places', () => {
    const bin = mkdtempSync(join(tmpdir(), 'fake-browsers-'));
    try {
      for (const name of ['chromium', 'firefox']) writeFileSync(join(bin, name), '');
      expect(chromiumPath({ PATH: bin })).toBe(join(bin, 'chromium'));
      expect(firefoxPath({ PATH: bin })).toBe(join(bin, 'firefox'));
    } finally {
      rmSync(bin, { recursive: true, force: true });
    }
  });

  it('name a usual place when the browser is nowhere, so the error can say where it was expected', () => {
    expect(chromiumPath({ PATH: '' })).toMatch(/^\/(usr|snap)\/bin\/chromium/);
    expect(firefoxPath({ PATH: '' })).toMatch(/^\/usr\/bin\/firefox/);
  });
});
