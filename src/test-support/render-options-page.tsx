/**
 * Test support (never imported by product code): renders the options page over a test client
 * and names the demo service's settings, for the options page's tests.
 */
import { fireEvent, render, screen } from '@testing-library/preact';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SETTINGS, type Settings } from '../shared/settings';
import { parseWsdl } from '../domain/soap/wsdl';
import type { WsdlDescription } from '../domain/soap/wsdl';
import { OptionsPage } from '../options/options-page';
import { OptionsTestClient, type OptionsTestClientOptions } from './options-test-client';

export const DEMO_ENDPOINT = 'http://127.0.0.1:8088/DiwAppChk/DiwAppChk';
export const DEMO_WSDL_URL = `${DEMO_ENDPOINT}?wsdl`;

/** The demo service's WSDL, read by the real parser: what the background would hand back. */
export function demoDescription(): WsdlDescription {
  const xml = readFileSync(join(process.cwd(), 'demo/diwappchk.wsdl'), 'utf8').replace(
    'REPLACED_AT_RUNTIME',
    DEMO_ENDPOINT,
  );
  const parsed = parseWsdl(xml);
  if (!parsed.ok) throw new Error(parsed.reason.en);
  return parsed.description;
}

export function settings(
  overrides: { language?: 'th' | 'en'; verification?: Partial<Settings['verification']>; captureSites?: string[] } = {},
): Settings {
  return {
    ...DEFAULT_SETTINGS,
    language: overrides.language ?? 'en',
    verification: { ...DEFAULT_SETTINGS.verification, ...overrides.verification },
    captureSites: overrides.captureSites ?? [],
  };
}

/** Everything a demo configuration needs, as the demo WSDL describes it. */
export const DEMO_VERIFICATION = {
  wsdlUrl: DEMO_WSDL_URL,
  clientId: 'DEMO-CLIENT-7F3A',
  endpoint: DEMO_ENDPOINT,
  namespace: 'http://ws.diwappchk.diw.go.th/',
  operation: 'DiwLoginChk',
  tokenParameter: 'AccessToken',
  clientIdParameter: 'ClientID',
};

export async function renderPage(options: OptionsTestClientOptions = {}) {
  const client = new OptionsTestClient({ settings: settings(), ...options });
  render(<OptionsPage client={client} />);
  await screen.findByTestId('save-settings');
  return client;
}

export const byTestId = <T extends HTMLElement = HTMLInputElement>(id: string) => screen.getByTestId(id) as T;
export const type = (id: string, value: string) => fireEvent.input(byTestId(id), { target: { value } });
export const choose = (id: string, value: string) =>
  fireEvent.change(byTestId<HTMLSelectElement>(id), { target: { value } });
export const status = () => screen.getByTestId('status-message');

export function savedVerification(client: OptionsTestClient) {
  const saves = client.callsTo('saveSettings');
  return (saves.at(-1)?.[0] as Settings | undefined)?.verification;
}
