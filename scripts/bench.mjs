// `npm run bench`: how small and how fast the extension is. Sizes of what each browser loads
// (raw and gzip), then the domain benchmarks (vitest bench). Numbers are printed, never
// asserted: a test that fails on a slow machine proves nothing about the product.
// `npm run bench -- --domain` skips the build and the sizes: only the domain's speed.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

/** @param {string[]} args */
const run = (args) => spawnSync('npx', args, { stdio: 'inherit' });
const domainOnly = process.argv.includes('--domain');

if (!domainOnly && (!existsSync('dist/chrome/manifest.json') || !existsSync('dist/firefox/manifest.json'))) {
  console.log('No build yet: building both targets first.');
  if (run(['vite', 'build', '--mode', 'chrome', '--logLevel', 'warn']).status !== 0) process.exit(1);
  if (run(['vite', 'build', '--mode', 'firefox', '--logLevel', 'warn']).status !== 0) process.exit(1);
}

/**
 * @param {string} dir
 * @returns {string[]}
 */
function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** @param {number} bytes */
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

for (const target of domainOnly ? [] : ['chrome', 'firefox']) {
  const root = `dist/${target}`;
  const rows = filesUnder(root)
    .filter((path) => /\.(js|css|html)$/.test(path))
    .map((path) => {
      const bytes = readFileSync(path);
      return { file: relative(root, path), raw: bytes.length, gzip: gzipSync(bytes).length };
    })
    .sort((a, b) => b.raw - a.raw);
  const total = filesUnder(root).reduce((sum, path) => sum + statSync(path).size, 0);
  console.log(`\n${target}: ${kb(total)} on disk in all`);
  for (const row of rows)
    console.log(`  ${row.file.padEnd(48)} ${kb(row.raw).padStart(9)}  gzip ${kb(row.gzip).padStart(8)}`);
  const content = rows.find((row) => row.file === 'src/content/capture.js');
  if (content)
    console.log(`  → the capture script every capture-site page loads: ${kb(content.raw)} (gzip ${kb(content.gzip)})`);
}

console.log('\nDomain speed (vitest bench):');
process.exit(run(['vitest', 'run', '--project', 'bench', '--silent=false']).status ?? 1);
