/**
 * Puts a browser policy where an administrator puts it, for one suite, and takes it away after:
 * Chromium reads every JSON file in /etc/chromium/policies/managed/, Firefox reads
 * /etc/firefox/policies/policies.json. Both need root: CI runs as root; elsewhere the suite is
 * skipped with the reason (and fails under CI=true, like a missing browser).
 *
 * Firefox has one policies.json for the whole machine, so an existing one is kept aside and put
 * back afterwards.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { BrowserKind } from './browsers';

const POLICY_FILE: Record<BrowserKind, string> = {
  chromium: '/etc/chromium/policies/managed/industry-sso-inspector.json',
  firefox: '/etc/firefox/policies/policies.json',
};

/** The example policy in docs/policies that each browser's administrators would install. */
export const EXAMPLE_POLICY: Record<BrowserKind, string> = {
  chromium: 'docs/policies/chromium/industry-sso-inspector.json',
  firefox: 'docs/policies/firefox/policies.json',
};

export const canInstallPolicies = (): boolean => process.getuid?.() === 0;

export const policyFileFor = (kind: BrowserKind): string => POLICY_FILE[kind];

/** Writes `content` as the browser's policy; returns how to undo it. */
export async function installPolicy(kind: BrowserKind, content: string): Promise<() => Promise<void>> {
  const target = POLICY_FILE[kind];
  const keptAside = `${target}.kept-aside-by-tests`;
  const hadOne = existsSync(target) && kind === 'firefox';
  // The first folder this creates, if any, so that undoing leaves /etc as it was.
  const createdFolder = await mkdir(dirname(target), { recursive: true });
  if (hadOne) await rename(target, keptAside);
  await writeFile(target, content);
  return async () => {
    await rm(target, { force: true });
    if (hadOne) await rename(keptAside, target);
    else if (createdFolder) await rm(createdFolder, { recursive: true, force: true });
  };
}

/**
 * Installs the policy in beforeAll, before the browser of the suite starts (call this before
 * `useBrowser`), and removes it in afterAll, after the browser has closed.
 */
export function usePolicy(kind: BrowserKind, content: () => Promise<string> | string): void {
  let undo: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    undo = await installPolicy(kind, await content());
  });
  afterAll(async () => {
    await undo?.();
  });
}

/** The example policy file, exactly as docs/policies has it. */
export const examplePolicy = (kind: BrowserKind): Promise<string> => readFile(EXAMPLE_POLICY[kind], 'utf8');
