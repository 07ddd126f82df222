// `npm run package`: the release files, built from this commit.
//   1. both browser builds (vite), the version in each built manifest checked against package.json;
//   2. release/<name>-<version>-chrome.zip and -firefox.zip: the content of dist/chrome and
//      dist/firefox, manifest.json at the zip root (the Chrome Web Store and AMO want it there);
//   3. release/<name>-<version>-sources.zip: the tracked files at HEAD, read from git (not the
//      working tree), for AMO's reviewers to rebuild from;
//   4. release/SHA256SUMS, in `sha256sum` format.
// The zips are reproducible: every entry carries the same time (SOURCE_DATE_EPOCH, else the last
// commit's time), the same permissions, no extra fields, in sorted order. Two runs from one commit
// give the same bytes, which `npm run package -- --check` proves by building everything twice.
//
// `-- --rebuild-from-sources` then does what an AMO reviewer does (npm ci and npm run build in the
// unpacked sources zip) and checks that the same files come out.
//
// The zip writer is here, by hand (the ZIP format is small), so that the project needs no zip
// library and nothing in the output depends on a tool's version or the machine's clock or umask.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { deflateRawSync, inflateRawSync } from 'node:zlib';

export const PACKAGE_NAME = 'industry-sso-token-inspector';
export const TARGETS = /** @type {const} */ (['chrome', 'firefox']);

const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** What never goes into the sources zip even if someone commits it: installs and build output. */
const NOT_SOURCE = ['node_modules/', 'dist/', 'release/', 'artifacts/', '.vite/', '.vitest/'];

/**
 * @typedef {object} ZipEntry
 * @property {string} name  the path inside the zip, with forward slashes
 * @property {Buffer} data
 * @property {number} [mode]  Unix mode bits (type and permissions); default a plain 0644 file
 */

// ── CRC-32 (the ZIP polynomial, 0xEDB88320 reflected) ─────────────────────────────────────────

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** @param {Uint8Array} data */
export function crc32(data) {
  let crc = 0xffffffff;
  for (const byte of data) crc = /** @type {number} */ (CRC_TABLE[(crc ^ byte) & 0xff]) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

// ── ZIP writing ───────────────────────────────────────────────────────────────────────────────

/**
 * The MS-DOS date and time a ZIP entry carries. DOS time has no zone; we write UTC so that the
 * bytes do not depend on the machine's TZ. It counts from 1980 and in 2-second steps.
 * @param {number} epochSeconds
 */
export function dosDateTime(epochSeconds) {
  const date = new Date(Math.max(epochSeconds, Date.UTC(1980, 0, 1) / 1000) * 1000);
  return {
    date: ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2),
  };
}

const MADE_BY_UNIX = (3 << 8) | 20; // host system Unix (so external attributes hold a mode), ZIP 2.0
const UTF8_NAMES = 0x0800; // general-purpose flag bit 11: names are UTF-8
const STORED = 0;
const DEFLATED = 8;
const REGULAR_FILE = 0o100644;

/**
 * The fields a local file header and its central directory record both carry, in the same order
 * (version needed to extract through file name length).
 * @param {Buffer} buffer
 * @param {number} at
 * @param {{ versionNeeded: number, flags: number, method: number, time: number, date: number, crc: number, compressedSize: number, size: number, nameLength: number }} fields
 */
function writeSharedHeaderFields(buffer, at, fields) {
  buffer.writeUInt16LE(fields.versionNeeded, at);
  buffer.writeUInt16LE(fields.flags, at + 2);
  buffer.writeUInt16LE(fields.method, at + 4);
  buffer.writeUInt16LE(fields.time, at + 6);
  buffer.writeUInt16LE(fields.date, at + 8);
  buffer.writeUInt32LE(fields.crc, at + 10);
  buffer.writeUInt32LE(fields.compressedSize, at + 14);
  buffer.writeUInt32LE(fields.size, at + 18);
  buffer.writeUInt16LE(fields.nameLength, at + 22);
}

/**
 * A ZIP archive of `entries`, the same bytes for the same input: entries sorted by name, one
 * fixed time for all, no extra fields, no comment, no directory entries (the names imply them).
 * @param {ZipEntry[]} entries
 * @param {{ epochSeconds: number }} options  the time written into every entry
 * @returns {Buffer}
 */
export function createZip(entries, { epochSeconds }) {
  const { date, time } = dosDateTime(epochSeconds);
  // Plain code-unit order, never locale order: the same on every machine.
  const sorted = [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  /** @type {Buffer[]} */
  const locals = [];
  /** @type {Buffer[]} */
  const centrals = [];
  let offset = 0;
  let previous = '';
  for (const entry of sorted) {
    if (entry.name === previous) throw new Error(`Two zip entries named ${entry.name}`);
    if (!entry.name || entry.name.startsWith('/') || entry.name.includes('\\') || entry.name.split('/').includes('..'))
      throw new Error(`Not a safe relative zip entry name: ${JSON.stringify(entry.name)}`);
    previous = entry.name;
    const name = Buffer.from(entry.name, 'utf8');
    const deflated = deflateRawSync(entry.data, { level: 9 });
    // Deflate can grow incompressible data (PNGs); store those as they are.
    const method = deflated.length < entry.data.length ? DEFLATED : STORED;
    const body = method === DEFLATED ? deflated : entry.data;
    const crc = crc32(entry.data);
    if (offset > 0xffffffff || entry.data.length > 0xffffffff) throw new Error('Too large for a ZIP without ZIP64');
    const flags = /[^\x20-\x7e]/.test(entry.name) ? UTF8_NAMES : 0;
    const versionNeeded = method === DEFLATED ? 20 : 10;

    const shared = {
      versionNeeded,
      flags,
      method,
      time,
      date,
      crc,
      compressedSize: body.length,
      size: entry.data.length,
      nameLength: name.length,
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    writeSharedHeaderFields(local, 4, shared);
    local.writeUInt16LE(0, 28); // no extra field: no timestamps or uid/gid that differ per machine

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(MADE_BY_UNIX, 4);
    writeSharedHeaderFields(central, 6, shared);
    // extra length, comment length, disk number, internal attributes: all 0 (already zero)
    central.writeUInt32LE(((entry.mode ?? REGULAR_FILE) << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);

    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(sorted.length, 8);
  end.writeUInt16LE(sorted.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  if (sorted.length > 0xffff) throw new Error('Too many entries for a ZIP without ZIP64');
  return Buffer.concat([...locals, directory, end]);
}

// ── ZIP reading (for the tests and --check: only what createZip writes) ───────────────────────

/**
 * @typedef {object} ReadEntry
 * @property {string} name
 * @property {Buffer} data
 * @property {number} mode
 * @property {number} dosDate
 * @property {number} dosTime
 * @property {number} extraLength  central and local extra fields together
 */

/**
 * The entries of a ZIP, in central-directory order, each CRC-checked. Reads what createZip
 * writes (and any plain ZIP without ZIP64, encryption or a data descriptor).
 * @param {Buffer} zip
 * @returns {ReadEntry[]}
 */
export function readZip(zip) {
  const endAt = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (endAt < 0) throw new Error('No ZIP end-of-central-directory record');
  const count = zip.readUInt16LE(endAt + 10);
  let at = zip.readUInt32LE(endAt + 16);
  /** @type {ReadEntry[]} */
  const entries = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`Bad central directory entry at ${at}`);
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const compressedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const centralExtra = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localAt = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const localExtra = zip.readUInt16LE(localAt + 28);
    const bodyAt = localAt + 30 + zip.readUInt16LE(localAt + 26) + localExtra;
    const body = zip.subarray(bodyAt, bodyAt + compressedSize);
    const data = method === DEFLATED ? inflateRawSync(body) : Buffer.from(body);
    if (crc32(data) !== crc) throw new Error(`CRC mismatch in ${name}`);
    entries.push({
      name,
      data,
      mode: zip.readUInt32LE(at + 38) >>> 16,
      dosTime: zip.readUInt16LE(at + 12),
      dosDate: zip.readUInt16LE(at + 14),
      extraLength: centralExtra + localExtra,
    });
    at += 46 + nameLength + centralExtra + commentLength;
  }
  return entries;
}

/**
 * Unpacks a ZIP into `dir` (made if missing). Refuses names that would leave `dir`.
 * @param {Buffer} zip
 * @param {string} dir
 */
export function extractZip(zip, dir) {
  const root = resolve(dir);
  for (const entry of readZip(zip)) {
    const target = resolve(root, entry.name);
    if (!target.startsWith(root + sep)) throw new Error(`Zip entry outside the target: ${entry.name}`);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, entry.data, { mode: entry.mode & 0o777 || 0o644 });
  }
}

// ── What goes in ──────────────────────────────────────────────────────────────────────────────

/**
 * Every file under `dir`, named by its path relative to `dir` with forward slashes.
 * @param {string} dir
 * @returns {ZipEntry[]}
 */
export function filesOfDir(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((dirent) => dirent.isFile())
    .map((dirent) => {
      const path = join(dirent.parentPath, dirent.name);
      return { name: relative(dir, path).split(sep).join('/'), data: readFileSync(path) };
    });
}

/**
 * @param {string[]} args
 * @param {string} cwd
 * @param {Buffer | string} [input]
 */
function git(args, cwd, input) {
  return execFileSync('git', args, { cwd, input, maxBuffer: 1 << 30 });
}

/**
 * The files git tracks at HEAD, with their content at HEAD (not the working tree), the way
 * `git archive HEAD` would give them: executables keep 0755, symlinks stay symlinks.
 * @param {string} cwd  inside the repository
 * @returns {ZipEntry[]}
 */
export function trackedFilesAtHead(cwd) {
  const listing = git(['ls-tree', '-r', '-z', '--full-tree', 'HEAD'], cwd).toString('utf8');
  /** @type {Array<{ mode: string, id: string, name: string }>} */
  const blobs = [];
  for (const record of listing.split('\0')) {
    if (!record) continue;
    const [info = '', name = ''] = record.split('\t');
    const [mode = '', type, id = ''] = info.split(' ');
    // Submodules (type "commit") have no content here.
    if (type !== 'blob' || NOT_SOURCE.some((prefix) => name.startsWith(prefix))) continue;
    blobs.push({ mode, id, name });
  }
  // One `git cat-file --batch` for all blobs: "<id> blob <size>\n<content>\n" each.
  const output = git(['cat-file', '--batch'], cwd, blobs.map((blob) => blob.id).join('\n') + '\n');
  let at = 0;
  return blobs.map((blob) => {
    const headerEnd = output.indexOf(0x0a, at);
    const [id, type, size] = output.toString('utf8', at, headerEnd).split(' ');
    if (id !== blob.id || type !== 'blob') throw new Error(`git cat-file answered ${id} ${type} for ${blob.name}`);
    const data = output.subarray(headerEnd + 1, headerEnd + 1 + Number(size));
    at = headerEnd + 1 + Number(size) + 1;
    const mode = blob.mode === '120000' ? 0o120777 : blob.mode === '100755' ? 0o100755 : REGULAR_FILE;
    return { name: blob.name, data: Buffer.from(data), mode };
  });
}

/**
 * The time written into every zip entry: SOURCE_DATE_EPOCH (the reproducible-builds convention)
 * if set, else the last commit's time, so that it moves only when the source does.
 * @param {string} cwd
 * @param {NodeJS.ProcessEnv} [env]
 */
export function releaseEpoch(cwd, env = process.env) {
  const fromEnv = env.SOURCE_DATE_EPOCH;
  if (fromEnv !== undefined && fromEnv !== '') {
    if (!/^\d+$/.test(fromEnv)) throw new Error(`SOURCE_DATE_EPOCH must be whole seconds, not ${fromEnv}`);
    return Number(fromEnv);
  }
  return Number(git(['log', '-1', '--format=%ct'], cwd).toString('utf8').trim());
}

/**
 * Tracked files whose working-tree content differs from HEAD: then the browser zips (built from
 * the working tree) would not match the sources zip (HEAD).
 * @param {string} cwd
 */
export function uncommittedChanges(cwd) {
  return git(['status', '--porcelain', '--untracked-files=no'], cwd).toString('utf8').trimEnd();
}

// ── Building and packaging ────────────────────────────────────────────────────────────────────

/**
 * Builds both targets into `<distRoot>/chrome` and `<distRoot>/firefox`.
 * @param {{ root?: string, distRoot?: string, quiet?: boolean }} [options]
 */
export function buildTargets({ root = PROJECT_ROOT, distRoot = join(root, 'dist'), quiet = false } = {}) {
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  for (const target of TARGETS) {
    const args = [vite, 'build', '--mode', target, '--outDir', join(distRoot, target), '--emptyOutDir'];
    const result = spawnSync(process.execPath, [...args, '--logLevel', quiet ? 'error' : 'warn'], {
      cwd: root,
      stdio: 'inherit',
    });
    if (result.status !== 0) throw new Error(`vite build --mode ${target} failed (exit ${result.status})`);
  }
}

/** @param {string} root */
export function packageVersion(root = PROJECT_ROOT) {
  return /** @type {{ version: string }} */ (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))).version;
}

/**
 * The release file names for a version.
 * @param {string} version
 */
export function releaseFileNames(version) {
  const base = `${PACKAGE_NAME}-${version}`;
  return { chrome: `${base}-chrome.zip`, firefox: `${base}-firefox.zip`, sources: `${base}-sources.zip` };
}

/**
 * `sha256sum` output for files in `dir`: "<hex>  <name>" per line, sorted by name.
 * @param {string} dir
 * @param {string[]} names
 */
export function sha256sums(dir, names) {
  return [...names]
    .sort()
    .map(
      (name) =>
        `${createHash('sha256')
          .update(readFileSync(join(dir, name)))
          .digest('hex')}  ${name}\n`,
    )
    .join('');
}

/**
 * @typedef {object} PackageOptions
 * @property {string} [root]  the project (default: this repository)
 * @property {string} [distRoot]  where the builds are (default <root>/dist)
 * @property {string} [releaseDir]  where the release files go (default <root>/release); emptied first
 * @property {boolean} [build]  build both targets first (default true)
 * @property {boolean} [quiet]  less build output
 * @property {NodeJS.ProcessEnv} [env]  for SOURCE_DATE_EPOCH
 */

/**
 * The whole release: builds (unless `build: false`), then the three zips and SHA256SUMS.
 * @param {PackageOptions} [options]
 * @returns {{ releaseDir: string, version: string, files: ReturnType<typeof releaseFileNames>, sums: string }}
 */
export function packageRelease(options = {}) {
  const root = options.root ?? PROJECT_ROOT;
  const distRoot = options.distRoot ?? join(root, 'dist');
  const releaseDir = options.releaseDir ?? join(root, 'release');
  if (options.build ?? true) buildTargets({ root, distRoot, quiet: options.quiet });

  const version = packageVersion(root);
  const epochSeconds = releaseEpoch(root, options.env);
  const files = releaseFileNames(version);
  rmSync(releaseDir, { recursive: true, force: true });
  mkdirSync(releaseDir, { recursive: true });

  for (const target of TARGETS) {
    const dir = join(distRoot, target);
    const built = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    if (built.version !== version)
      throw new Error(`${dir}/manifest.json says version ${built.version}, package.json ${version}: rebuild.`);
    writeFileSync(join(releaseDir, files[target]), createZip(filesOfDir(dir), { epochSeconds }));
  }
  writeFileSync(join(releaseDir, files.sources), createZip(trackedFilesAtHead(root), { epochSeconds }));

  const sums = sha256sums(releaseDir, Object.values(files));
  writeFileSync(join(releaseDir, 'SHA256SUMS'), sums);
  return { releaseDir, version, files, sums };
}

/**
 * Builds and packages twice, each in its own temporary directory, and compares the checksums.
 * @param {{ root?: string, env?: NodeJS.ProcessEnv }} [options]
 */
export function checkReproducible({ root = PROJECT_ROOT, env } = {}) {
  const runs = [1, 2].map((run) => {
    const dir = mkdtempSync(join(tmpdir(), `sso-inspector-package-${run}-`));
    console.log(`\n── run ${run}: building into ${dir}`);
    return packageRelease({ root, env, distRoot: join(dir, 'dist'), releaseDir: join(dir, 'release'), quiet: true });
  });
  const [first, second] = /** @type {[ReturnType<typeof packageRelease>, ReturnType<typeof packageRelease>]} */ (runs);
  const same = first.sums === second.sums;
  if (same) for (const run of runs) rmSync(dirname(run.releaseDir), { recursive: true, force: true });
  return { same, first, second };
}

/**
 * What an AMO reviewer does, done here: unpack the sources zip into a temporary directory, run
 * `npm ci` and `npm run build` there, and compare every built file with the browser zips. Needs
 * the npm registry. Returns the differences (empty when the rebuild gives the same files).
 * @param {{ releaseDir: string, files: ReturnType<typeof releaseFileNames> }} release
 * @returns {string[]}
 */
export function rebuildFromSources({ releaseDir, files }) {
  const dir = mkdtempSync(join(tmpdir(), 'sso-inspector-rebuild-'));
  console.log(`\n── rebuilding from ${files.sources} in ${dir}`);
  extractZip(readFileSync(join(releaseDir, files.sources)), dir);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  for (const args of [
    ['ci', '--no-audit', '--no-fund'],
    ['run', 'build'],
  ]) {
    const result = spawnSync(npm, args, { cwd: dir, stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`npm ${args.join(' ')} failed in ${dir} (exit ${result.status})`);
  }
  /** @type {string[]} */
  const differences = [];
  for (const target of TARGETS) {
    const packaged = new Map(readZip(readFileSync(join(releaseDir, files[target]))).map((e) => [e.name, e.data]));
    const rebuilt = new Map(filesOfDir(join(dir, 'dist', target)).map((e) => [e.name, e.data]));
    for (const name of new Set([...packaged.keys(), ...rebuilt.keys()])) {
      const [inZip, inRebuild] = [packaged.get(name), rebuilt.get(name)];
      if (!inZip) differences.push(`${target}: ${name} only in the rebuild`);
      else if (!inRebuild) differences.push(`${target}: ${name} only in ${files[target]}`);
      else if (!inZip.equals(inRebuild)) differences.push(`${target}: ${name} differs`);
    }
    console.log(`${target}: ${rebuilt.size} files rebuilt, ${packaged.size} in ${files[target]}`);
  }
  if (differences.length === 0) rmSync(dir, { recursive: true, force: true });
  return differences;
}

// ── Command line ──────────────────────────────────────────────────────────────────────────────

function main() {
  const args = process.argv.slice(2);
  const unknown = args.filter((arg) => arg !== '--check' && arg !== '--rebuild-from-sources');
  if (unknown.length > 0) {
    console.error(
      `Unknown argument(s): ${unknown.join(' ')}\nUsage: npm run package [-- --check | --rebuild-from-sources]`,
    );
    process.exit(2);
  }
  const changes = uncommittedChanges(PROJECT_ROOT);
  if (changes) {
    console.warn(
      `Warning: tracked files differ from HEAD. The browser zips are built from the working tree,\n` +
        `the sources zip from HEAD, so they will not match. Commit first for a release.\n${changes}\n`,
    );
  }

  if (args.includes('--check')) {
    const { same, first, second } = checkReproducible();
    console.log(`\nRun 1 SHA256SUMS:\n${first.sums}\nRun 2 SHA256SUMS:\n${second.sums}`);
    if (!same) {
      console.error(`The two runs differ: compare ${first.releaseDir} and ${second.releaseDir}.`);
      process.exit(1);
    }
    console.log('Reproducible: both runs gave byte-identical packages.');
    return;
  }

  const release = packageRelease();
  console.log(`\nWrote ${relative(process.cwd(), release.releaseDir) || '.'}/:\n${release.sums}`);

  if (args.includes('--rebuild-from-sources')) {
    const differences = rebuildFromSources(release);
    if (differences.length > 0) {
      console.error(`The rebuild from the sources zip differs from the packages:\n${differences.join('\n')}`);
      process.exit(1);
    }
    console.log('The sources zip rebuilds to exactly the files in the Chrome and Firefox zips.');
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    main();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
