// The bench's blank page is built only in the bench modes, into dist-bench/: the build we ship
// (dist/) must never carry it.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import viteConfig, { BENCH_PAGE_FILES } from '../../vite.config';

/**
 * The build settings and plugin names for one `--mode`.
 * @param {string} mode
 */
async function buildFor(mode) {
  const config = await /** @type {any} */ (viteConfig)({ mode, command: 'build', isSsrBuild: false, isPreview: false });
  /** @param {unknown[]} plugins @returns {string[]} */
  const names = (plugins) =>
    plugins.flatMap((plugin) =>
      Array.isArray(plugin) ? names(plugin) : plugin ? [/** @type {any} */ (plugin).name] : [],
    );
  return { outDir: config.build.outDir, plugins: names(config.plugins) };
}

describe('the bench build variant', () => {
  it.each(['chrome', 'firefox'])('the shipped %s build has no bench page', async (target) => {
    const build = await buildFor(target);
    expect(build.outDir).toBe(`dist/${target}`);
    expect(build.plugins).not.toContain('bench-blank-page');
  });

  it.each(['chrome', 'firefox'])('the bench %s build adds the blank page, into dist-bench/', async (target) => {
    const build = await buildFor(`bench-${target}`);
    expect(build.outDir).toBe(`dist-bench/${target}`);
    expect(build.plugins).toContain('bench-blank-page');
    for (const file of BENCH_PAGE_FILES) expect(existsSync(file)).toBe(true);
  });

  it.each(['chrome', 'firefox'])('a %s build already in dist/ has no bench page either', (target) => {
    for (const file of BENCH_PAGE_FILES) expect(existsSync(`dist/${target}/${file}`)).toBe(false);
  });
});
