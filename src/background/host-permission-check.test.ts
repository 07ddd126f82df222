import { describe, expect, it } from 'vitest';
import { createHostPermissionCheck, type PermissionsApi } from './host-permission-check';

/** `browser.permissions` with granted origin patterns, counting the questions, and its two events. */
function fakePermissions(granted: string[]) {
  const asked: string[] = [];
  const added: Array<() => void> = [];
  const removed: Array<() => void> = [];
  let failNext = false;
  const api: PermissionsApi = {
    async contains({ origins }) {
      asked.push(...origins);
      if (failNext) {
        failNext = false;
        throw new Error('the browser did not answer');
      }
      return origins.every((origin) => granted.includes(origin));
    },
    onAdded: { addListener: (listener) => void added.push(listener) },
    onRemoved: { addListener: (listener) => void removed.push(listener) },
  };
  return {
    api,
    asked,
    grant: (pattern: string) => (granted.push(pattern), added.forEach((listener) => listener())),
    revoke: (pattern: string) => (granted.splice(granted.indexOf(pattern), 1), removed.forEach((l) => l())),
    failNext: () => (failNext = true),
  };
}

describe('host permission check', () => {
  it('asks the browser once per origin, whatever the path, until a permission is granted or removed', async () => {
    const permissions = fakePermissions(['http://127.0.0.1/*']);
    const mayReach = createHostPermissionCheck(permissions.api);
    expect(await mayReach('http://127.0.0.1:18082/DiwAppChk/DiwAppChk')).toBe(true);
    expect(await mayReach('http://127.0.0.1:18082/other')).toBe(true);
    expect(await mayReach('https://diwinfo.diw.go.th/DiwAppChk')).toBe(false);
    expect(permissions.asked).toEqual(['http://127.0.0.1/*', 'https://diwinfo.diw.go.th/*']);

    permissions.grant('https://diwinfo.diw.go.th/*');
    expect(await mayReach('https://diwinfo.diw.go.th/DiwAppChk')).toBe(true);
    permissions.revoke('http://127.0.0.1/*');
    expect(await mayReach('http://127.0.0.1:18082/DiwAppChk/DiwAppChk')).toBe(false);
  });

  it('keeps no failed question: the next check asks again', async () => {
    const permissions = fakePermissions(['http://127.0.0.1/*']);
    const mayReach = createHostPermissionCheck(permissions.api);
    permissions.failNext();
    await expect(mayReach('http://127.0.0.1/x')).rejects.toThrow('did not answer');
    expect(await mayReach('http://127.0.0.1/x')).toBe(true);
    await expect(mayReach('not a url')).rejects.toThrow();
  });
});
