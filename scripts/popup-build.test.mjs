// The popup page loads its script as one module file, built apart from the shared chunks of the
// other pages (vite.config.ts, popupAsOneModuleFile); read from the build in dist/, which
// `npm test` writes before vitest runs.
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesUnder, moduleGraph, pageLoads, popupSizes } from './bench/sizes.mjs';

const OPTIONS_PAGE = 'src/options/index.html';

/** @param {string} target */
function builtRoot(target) {
  const root = join('dist', target);
  if (!existsSync(join(root, 'manifest.json'))) expect.fail(`No ${root}: run \`npm run build\` first.`);
  return root;
}

describe.each(['chrome', 'firefox'])('the %s build', (target) => {
  it('gives the popup page one module file to load, and its CSS as a style sheet', () => {
    const popup = popupSizes(builtRoot(target));
    expect(popup.js.files).toHaveLength(1);
    expect(popup.js.files[0]).toMatch(/^assets\/popup-[\w-]+\.js$/);
    expect(popup.css.files).toHaveLength(1);
  });

  it('leaves the options page on the shared chunks', () => {
    const root = builtRoot(target);
    const scripts = pageLoads(readFileSync(join(root, OPTIONS_PAGE), 'utf8')).scripts;
    expect(moduleGraph(root, scripts).length).toBeGreaterThan(1);
  });

  it('ships no script that nothing loads (the popup’s old entry and its lazy chunks are gone)', () => {
    const root = builtRoot(target);
    const files = filesUnder(root).filter((path) => /\.(js|html)$/.test(path));
    const texts = files.map((path) => readFileSync(path, 'utf8'));
    const unloaded = files
      .filter((path) => relative(root, path).startsWith('assets'))
      .filter((path) => !texts.some((text, index) => files[index] !== path && text.includes(basename(path))));
    expect(unloaded).toEqual([]);
  });
});
