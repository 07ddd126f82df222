// The release packager: its zips are readable by ordinary tools, carry the fixed time and
// permissions, and come out byte-identical from the same input; the sources zip is HEAD as git
// has it; and package.json's version is the one in both built manifests.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  crc32,
  createZip,
  dosDateTime,
  extractZip,
  readZip,
  releaseEpoch,
  releaseFileNames,
  trackedFilesAtHead,
} from './package.mjs';

// 2023-11-14 22:13:20 UTC: an even second, so the 2-second DOS time holds it exactly.
const EPOCH = 1_700_000_000;

/** A small fixture: nested paths, a Thai name, an incompressible body, an executable, unsorted. */
function fixture() {
  return [
    { name: 'src/popup/index.html', data: Buffer.from('<!doctype html><title>popup</title>\n'.repeat(20)) },
    { name: 'manifest.json', data: Buffer.from('{"manifest_version":3}\n') },
    { name: '_locales/th/ข้อความ.txt', data: Buffer.from('สวัสดี\n') },
    { name: 'icons/random.bin', data: Buffer.from(Array.from({ length: 256 }, (_, i) => (i * 97 + 13) % 251)) },
    { name: 'run.sh', data: Buffer.from('#!/bin/sh\necho hi\n'), mode: 0o100755 },
  ];
}

const scratch = mkdtempSync(join(tmpdir(), 'package-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * Whether a command runs here (unzip and python3 are optional on a developer machine).
 * @param {string} command
 * @param {string[]} args
 */
function available(command, args) {
  return spawnSync(command, args, { stdio: 'ignore' }).status === 0;
}

describe('zip writer', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(crc32(Buffer.alloc(0))).toBe(0);
  });

  it('gives byte-identical zips for the same input, whatever the input order', () => {
    const first = createZip(fixture(), { epochSeconds: EPOCH });
    const second = createZip(fixture().reverse(), { epochSeconds: EPOCH });
    expect(second.equals(first)).toBe(true);
    // …and a different time gives different bytes, so the time really is what we write.
    expect(createZip(fixture(), { epochSeconds: EPOCH + 2 }).equals(first)).toBe(false);
  });

  it('writes sorted entries with the fixed time, fixed modes, no extra fields, and the right content', () => {
    const entries = readZip(createZip(fixture(), { epochSeconds: EPOCH }));
    const names = entries.map((entry) => entry.name);
    expect(names).toEqual([...names].sort());
    const { date, time } = dosDateTime(EPOCH);
    for (const entry of entries) {
      expect([entry.dosDate, entry.dosTime, entry.extraLength]).toEqual([date, time, 0]);
      const original = fixture().find((file) => file.name === entry.name);
      expect(entry.data.equals(original?.data ?? Buffer.alloc(0))).toBe(true);
      expect(entry.mode).toBe(original?.mode ?? 0o100644);
    }
  });

  it('refuses names that could escape the directory they are unpacked into', () => {
    for (const name of ['../x', '/etc/passwd', 'a/../../x', 'a\\b'])
      expect(() => createZip([{ name, data: Buffer.from('') }], { epochSeconds: EPOCH })).toThrow(/safe/);
  });

  it.skipIf(!available('python3', ['--version']))('is a valid zip to Python, with the fixed time', () => {
    const path = join(scratch, 'python.zip');
    writeFileSync(path, createZip(fixture(), { epochSeconds: EPOCH }));
    execFileSync('python3', ['-m', 'zipfile', '-t', path]);
    const listed = execFileSync(
      'python3',
      [
        '-c',
        'import sys, zipfile, json; print(json.dumps([[i.filename, i.date_time] for i in zipfile.ZipFile(sys.argv[1]).infolist()]))',
        path,
      ],
      { encoding: 'utf8' },
    );
    const entries = /** @type {Array<[string, number[]]>} */ (JSON.parse(listed));
    expect(entries.map(([name]) => name)).toContain('_locales/th/ข้อความ.txt');
    for (const [, dateTime] of entries) expect(dateTime).toEqual([2023, 11, 14, 22, 13, 20]);
  });

  it.skipIf(!available('unzip', ['-v']))('is a valid zip to Info-ZIP unzip, and unpacks to the same files', () => {
    const path = join(scratch, 'unzip.zip');
    writeFileSync(path, createZip(fixture(), { epochSeconds: EPOCH }));
    expect(execFileSync('unzip', ['-t', path], { encoding: 'utf8' })).toMatch(/No errors detected/);
    const dir = join(scratch, 'unpacked');
    extractZip(readFileSync(path), dir);
    for (const file of fixture()) expect(readFileSync(join(dir, file.name)).equals(file.data)).toBe(true);
  });
});

describe('release inputs', () => {
  it('takes the sources from git at HEAD: every tracked file, with its committed content', () => {
    const files = trackedFilesAtHead(process.cwd());
    const tracked = execFileSync('git', ['ls-tree', '-r', '--name-only', '-z', 'HEAD'], { encoding: 'utf8' })
      .split('\0')
      .filter(Boolean);
    expect(files.map((file) => file.name).sort()).toEqual(tracked.sort());
    const packageJson = files.find((file) => file.name === 'package.json');
    expect(packageJson?.data.equals(execFileSync('git', ['show', 'HEAD:package.json']))).toBe(true);
    expect(files.some((file) => file.name.startsWith('node_modules/') || file.name.startsWith('dist/'))).toBe(false);
  });

  it('dates entries by SOURCE_DATE_EPOCH when set, else by the last commit', () => {
    expect(releaseEpoch(process.cwd(), { SOURCE_DATE_EPOCH: '1234567890' })).toBe(1234567890);
    const lastCommit = Number(execFileSync('git', ['log', '-1', '--format=%ct'], { encoding: 'utf8' }).trim());
    expect(releaseEpoch(process.cwd(), {})).toBe(lastCommit);
    expect(() => releaseEpoch(process.cwd(), { SOURCE_DATE_EPOCH: 'yesterday' })).toThrow(/whole seconds/);
  });

  it('names the release files after the package and version', () => {
    expect(releaseFileNames('1.2.3')).toEqual({
      chrome: 'industry-sso-token-inspector-1.2.3-chrome.zip',
      firefox: 'industry-sso-token-inspector-1.2.3-firefox.zip',
      sources: 'industry-sso-token-inspector-1.2.3-sources.zip',
    });
  });
});

describe('one version', () => {
  const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

  it("keeps manifest.json's own version field in step with package.json (the build overrides it)", () => {
    expect(JSON.parse(readFileSync('manifest.json', 'utf8')).version).toBe(version);
  });

  // `npm test` builds both targets before vitest runs.
  it.each(['chrome', 'firefox'])("puts package.json's version into the built %s manifest", (target) => {
    const path = join('dist', target, 'manifest.json');
    if (!existsSync(path)) expect.fail(`No ${path}: run \`npm run build\` first.`);
    expect(JSON.parse(readFileSync(path, 'utf8')).version).toBe(version);
  });
});
