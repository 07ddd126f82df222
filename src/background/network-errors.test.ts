import { afterEach, describe, expect, it, vi } from 'vitest';
import { createNetworkErrorLog } from './network-errors';

afterEach(() => {
  vi.useRealTimers();
});

describe('createNetworkErrorLog', () => {
  it('finds an error already reported (Chrome reports before fetch rejects), by normalised URL', async () => {
    const log = createNetworkErrorLog(() => 1_000);
    log.record('http://127.0.0.1:8088/DiwAppChk', 'net::ERR_CONNECTION_REFUSED');
    expect(await log.errorFor('http://127.0.0.1:8088/DiwAppChk', 1_000)).toBe('net::ERR_CONNECTION_REFUSED');
    // The same address written differently is the same request.
    expect(await log.errorFor('HTTP://127.0.0.1:8088/DiwAppChk', 900)).toBe('net::ERR_CONNECTION_REFUSED');
  });

  it('waits for an error reported just after (Firefox reports a few ms after fetch rejects)', async () => {
    const log = createNetworkErrorLog(() => 2_000);
    const asked = log.errorFor('http://127.0.0.1:8088/ws', 2_000);
    log.record('http://127.0.0.1:9999/other', 'NS_ERROR_UNKNOWN_HOST');
    log.record('http://127.0.0.1:8088/ws', 'NS_ERROR_CONNECTION_REFUSED');
    expect(await asked).toBe('NS_ERROR_CONNECTION_REFUSED');
  });

  it('ignores errors from before the call began, and says null when nothing comes in time', async () => {
    vi.useFakeTimers();
    let clock = 1_000;
    const log = createNetworkErrorLog(() => clock);
    log.record('http://127.0.0.1:8088/ws', 'net::ERR_NAME_NOT_RESOLVED');
    clock = 5_000;
    const asked = log.errorFor('http://127.0.0.1:8088/ws', 5_000);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await asked).toBeNull();
  });

  it('keeps only a few recent entries', async () => {
    let clock = 0;
    const log = createNetworkErrorLog(() => clock);
    for (let i = 0; i < 50; i += 1) log.record(`http://127.0.0.1:${8000 + i}/ws`, `err-${i}`);
    expect(await log.errorFor('http://127.0.0.1:8049/ws', 0, 0)).toBe('err-49');
    expect(await log.errorFor('http://127.0.0.1:8000/ws', 0, 0)).toBeNull();
    clock = 60_000;
    log.record('http://127.0.0.1:1/ws', 'late');
    expect(await log.errorFor('http://127.0.0.1:8049/ws', 0, 0)).toBeNull();
  });
});
