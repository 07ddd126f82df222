import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

// vitest 5 wants Node 22; on Node 20 (this machine kind) its reporter calls Map.groupBy, which
// Node 20 lacks, and a failing test then crashes the report instead of printing it. The config
// runs in vitest's main process, so supplying it here is enough. TODO [2027-06-01]: drop on Node 22.
if (typeof Map.groupBy !== 'function') {
  Object.defineProperty(Map, 'groupBy', {
    value<K, T>(items: Iterable<T>, keyOf: (item: T, index: number) => K): Map<K, T[]> {
      const groups = new Map<K, T[]>();
      let index = 0;
      for (const item of items) {
        const key = keyOf(item, index++);
        const group = groups.get(key);
        if (group) group.push(item);
        else groups.set(key, [item]);
      }
      return groups;
    },
  });
}

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [preact()],
        test: {
          name: 'unit',
          include: ['src/**/*.test.{ts,tsx}', 'demo/**/*.test.{ts,mjs}', 'scripts/**/*.test.{ts,mjs}'],
          environment: 'node',
        },
      },
      {
        test: {
          // `npm run bench` only: speed is measured and printed, never asserted.
          name: 'bench',
          include: ['src/**/*.bench.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          // Real browsers on a 2-core machine: one file at a time, generous per-test limits.
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
