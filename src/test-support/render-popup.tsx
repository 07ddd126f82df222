/**
 * Test-only helper (never imported by product code): renders the whole popup over a mock
 * client with a fixed clock and waits until it has loaded its captures.
 */
import { render, screen, waitFor } from '@testing-library/preact';
import { expect, vi } from 'vitest';
import { FIXED_NOW } from './fixtures';
import { MockClient, type MockClientOptions } from './mock-client';
import { PopupApp } from '../popup/popup-app';

export async function renderPopup(options: MockClientOptions & { clock?: () => number } = {}) {
  const client = new MockClient(options);
  const writeText = vi.fn(async (_text: string) => undefined);
  const clock = options.clock ?? (() => FIXED_NOW);
  const rendered = render(<PopupApp client={client} now={clock} writeText={writeText} />);
  await waitFor(() =>
    expect(client.callsTo('readSessionArea').length + client.callsTo('getCaptures').length).toBeGreaterThan(0),
  );
  await waitFor(() => expect(screen.queryByText(/กำลังโหลด…|Loading…/)).toBeNull());
  return { client, writeText, ...rendered };
}
