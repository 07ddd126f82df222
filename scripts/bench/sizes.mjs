// What each browser loads, by size: the table of every built file, and the three sums the bench
// holds to a budget: everything the popup page loads, everything the background runs, and the
// capture script every capture-site page runs. Read from the shipped build (dist/).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * @param {string} dir
 * @returns {string[]}
 */
export function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** @param {number} bytes */
export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** @param {string} path */
const sizeOf = (path) => {
  const bytes = readFileSync(path);
  return { raw: bytes.length, gzip: gzipSync(bytes).length };
};

/**
 * Every .js, .css and .html file of one build, biggest first, as lines to print.
 * @param {string} root  e.g. dist/chrome
 * @returns {string[]}
 */
export function sizesTable(root) {
  const rows = filesUnder(root)
    .filter((path) => /\.(js|css|html)$/.test(path))
    .map((path) => ({ file: relative(root, path), ...sizeOf(path) }))
    .sort((a, b) => b.raw - a.raw);
  const total = filesUnder(root).reduce((sum, path) => sum + statSync(path).size, 0);
  return [
    `${kb(total)} on disk in all`,
    ...rows.map((row) => `  ${row.file.padEnd(48)} ${kb(row.raw).padStart(9)}  gzip ${kb(row.gzip).padStart(8)}`),
  ];
}

/**
 * The relative modules a built chunk imports statically (`import … from "./x.js"`, `import "./x.js"`,
 * `export … from "./x.js"`); dynamic `import()` is left out: it loads only when something asks.
 * @param {string} code
 * @returns {string[]}
 */
export function staticImports(code) {
  const found = code.matchAll(/(?:^|[;\s})])(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?(["'])(\.{0,2}\/[^"']+)\1/g);
  return [...found].map((match) => /** @type {string} */ (match[2]));
}

/**
 * What an HTML page of the build loads at once: its module scripts and module preloads (with
 * everything they import statically), and its style sheets.
 * @param {string} html
 * @returns {{ scripts: string[], styles: string[] }}  paths as the page writes them
 */
export function pageLoads(html) {
  /** @param {string} tag @param {string} name */
  const attribute = (tag, name) => tag.match(new RegExp(`\\b${name}="([^"]+)"`))?.[1];
  const tags = [...html.matchAll(/<(script|link)\b[^>]*>/g)].map((match) => match[0]);
  const scripts = tags
    .filter((tag) => tag.startsWith('<script') || /\brel="modulepreload"/.test(tag))
    .map((tag) => attribute(tag, 'src') ?? attribute(tag, 'href'))
    .filter((path) => path !== undefined);
  const styles = tags
    .filter((tag) => /\brel="stylesheet"/.test(tag))
    .map((tag) => attribute(tag, 'href'))
    .filter((path) => path !== undefined);
  return { scripts, styles };
}

/**
 * Follows static imports from `entries` through the build in `root`.
 * @param {string} root
 * @param {string[]} entries  paths inside the build, from its root
 * @returns {string[]}  every file reached, from the build's root
 */
export function moduleGraph(root, entries) {
  const seen = new Set();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = posix.normalize(/** @type {string} */ (queue.shift())).replace(/^\/+/, '');
    if (seen.has(file)) continue;
    seen.add(file);
    for (const specifier of staticImports(readFileSync(join(root, file), 'utf8')))
      queue.push(specifier.startsWith('/') ? specifier : posix.join(posix.dirname(file), specifier));
  }
  return [...seen];
}

/**
 * @typedef {object} BundleSize
 * @property {number} raw
 * @property {number} gzip  each file gzipped on its own, then added up
 * @property {string[]} files
 */

/**
 * @param {string} root
 * @param {string[]} files
 * @returns {BundleSize}
 */
function sumOf(root, files) {
  const sizes = files.map((file) => sizeOf(join(root, file)));
  return {
    raw: sizes.reduce((sum, size) => sum + size.raw, 0),
    gzip: sizes.reduce((sum, size) => sum + size.gzip, 0),
    files,
  };
}

/** @param {string} root */
const manifestOf = (root) => JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));

/**
 * Everything the popup page loads when it opens: its JavaScript, followed through static imports
 * wherever the bundler put it (what it loads only when asked, such as the token reader for a
 * token kept without a reading, is left out), and its CSS.
 * @param {string} root  e.g. dist/chrome
 */
export function popupSizes(root) {
  const htmlPath = manifestOf(root).action.default_popup;
  const loads = pageLoads(readFileSync(join(root, htmlPath), 'utf8'));
  /** @param {string} path */
  const fromRoot = (path) => (path.startsWith('/') ? path : posix.join(posix.dirname(htmlPath), path));
  return {
    js: sumOf(root, moduleGraph(root, loads.scripts.map(fromRoot))),
    css: sumOf(
      root,
      loads.styles.map(fromRoot).map((path) => path.replace(/^\/+/, '')),
    ),
  };
}

/**
 * What the background runs when it starts: the worker (Chrome) or the event page's scripts
 * (Firefox), with everything they import statically.
 * @param {string} root
 */
export function backgroundSizes(root) {
  const background = manifestOf(root).background;
  const entries = background.service_worker ? [background.service_worker] : background.scripts;
  return sumOf(root, moduleGraph(root, entries));
}

/**
 * The content script(s) every page of a capture site runs.
 * @param {string} root
 */
export function captureScriptSizes(root) {
  const scripts = manifestOf(root).content_scripts.flatMap((/** @type {{ js: string[] }} */ entry) => entry.js);
  return sumOf(root, scripts);
}
