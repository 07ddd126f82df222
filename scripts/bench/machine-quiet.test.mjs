import { describe, expect, it } from 'vitest';
import { busyTicks, untilMachineQuiet } from './machine-quiet.mjs';

/** A machine whose processors are busy for `busy[i]` ticks in window i, on a clock the waits move. */
function fakeMachine(/** @type {number[]} */ busy) {
  let clock = 0;
  let total = 1_000;
  let window = 0;
  return {
    readStat: () => `cpu  ${total} 0 0 5000 10 0 0 0 0 0\ncpu0 0 0 0 0 0 0 0 0 0 0\n`,
    wait: async (/** @type {number} */ ms) => {
      clock += ms;
      total += busy[window] ?? 0;
      window += 1;
    },
    now: () => clock,
  };
}

describe('waiting for the machine to be idle', () => {
  it('counts busy ticks: all but idle and iowait', () => {
    expect(busyTicks('cpu  10 2 3 400 50 1 1 0 0 0\n')).toBe(17);
  });

  it('ends after two idle windows in a row, whatever busy ones came before', async () => {
    expect(await untilMachineQuiet(fakeMachine([30, 12, 1, 9, 0, 2]))).toBe(600);
    expect(await untilMachineQuiet(fakeMachine([0, 0]))).toBe(200);
  });

  it('gives up at its time limit on a machine that stays busy', async () => {
    expect(await untilMachineQuiet({ ...fakeMachine(Array(100).fill(20)), timeoutMs: 1_000 })).toBe(1_000);
  });

  it('does not wait where there is no /proc/stat', async () => {
    expect(await untilMachineQuiet({ readStat: null })).toBeNull();
  });
});
