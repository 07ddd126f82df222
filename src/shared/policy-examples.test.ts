// The example policies in docs/policies are what administrators copy, and what the real-browser
// tests install. Here they are read by the extension's own policy reader, and held to one another,
// so that the Linux, Firefox and Windows forms always say the same thing.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import identity from '../../extension-identity.json' with { type: 'json' };
import schema from '../../public/managed-schema.json' with { type: 'json' };
import { POLICY_KEYS, readManagedPolicy } from './managed-policy';

const read = (path: string): string => readFileSync(new URL(`../../docs/policies/${path}`, import.meta.url), 'utf8');
// The example files are JSON whose shape each test names as it reads; any level may be absent.
type Json = { [key: string]: Json } & Record<string, unknown>;
const readJson = (path: string): Json => JSON.parse(read(path)) as Json;

const chromium = readJson('chromium/industry-sso-inspector.json');
const settings: Record<string, unknown> = chromium['3rdparty']!.extensions![identity.chromeId]!;

/**
 * The values of a .reg file under `keyPath` (and its list subkeys), typed as Chrome types them by
 * the schema: a dword is a number, or a boolean where the schema says boolean.
 */
function readRegistryPolicy(text: string, keyPath: string): Record<string, unknown> {
  const properties: Record<string, { type: string }> = schema.properties;
  const policy: Record<string, unknown> = {};
  let section = '';
  for (const line of text.split(/\r?\n/)) {
    const header = /^\[(.*)\]$/.exec(line);
    if (header) {
      section = header[1]!;
      continue;
    }
    const entry = /^"([^"]*)"=(?:"((?:[^"\\]|\\.)*)"|dword:([0-9a-f]{8}))$/.exec(line);
    if (!entry || !section.startsWith(keyPath)) continue;
    const [, name, text_, dword] = entry;
    const value = dword === undefined ? text_!.replace(/\\(.)/g, '$1') : parseInt(dword, 16);
    const listName = section.slice(keyPath.length + 1);
    if (listName) {
      policy[listName] = [...((policy[listName] as unknown[]) ?? []), value];
    } else {
      policy[name!] = properties[name!]?.type === 'boolean' ? value === 1 : value;
    }
  }
  return policy;
}

describe('example policies in docs/policies', () => {
  it('the Chromium policy names the Chrome build’s id and sets every key but one, all usable', () => {
    const policy = readManagedPolicy(settings);
    expect(policy.problems).toEqual([]);
    expect(policy.keys).toEqual(POLICY_KEYS.filter((key) => key !== 'autoVerifyOverPlainHttp'));
  });

  it('the Chromium install policy force-installs and pins the same id', () => {
    const install = readJson('chromium/industry-sso-inspector-install.json');
    expect(install.ExtensionSettings![identity.chromeId]).toMatchObject({
      installation_mode: 'force_installed',
      toolbar_pin: 'force_pinned',
    });
  });

  it('the Firefox policies say the same, under the gecko id', () => {
    for (const file of ['firefox/policies.json', 'firefox/policies-with-install.json']) {
      const firefox = readJson(file);
      expect(firefox.policies!['3rdparty']!.Extensions![identity.geckoId], file).toEqual(settings);
    }
    const install = readJson('firefox/policies-with-install.json').policies!.ExtensionSettings![identity.geckoId]!;
    expect(install.installation_mode).toBe('force_installed');
  });

  it('the Windows registry files say the same, for Chrome and for Firefox', () => {
    const chrome = readRegistryPolicy(
      read('windows/chrome.reg'),
      `HKEY_LOCAL_MACHINE\\Software\\Policies\\Google\\Chrome\\3rdparty\\extensions\\${identity.chromeId}\\policy`,
    );
    expect(chrome).toEqual(settings);
    const firefoxText = read('windows/firefox.reg');
    const firefox = readRegistryPolicy(
      firefoxText,
      `HKEY_LOCAL_MACHINE\\Software\\Policies\\Mozilla\\Firefox\\3rdparty\\Extensions\\${identity.geckoId}`,
    );
    expect(firefox).toEqual(settings);
    // Firefox passes registry numbers on as they are: the reader takes 1 and 0 as yes and no.
    const asFirefoxGivesIt = { ...firefox, autoVerify: 1 };
    expect(readManagedPolicy(asFirefoxGivesIt).verification.autoVerify).toBe(true);
    expect(readManagedPolicy(asFirefoxGivesIt).problems).toEqual([]);
  });
});
