// @vitest-environment happy-dom
/** The options page under an organisation's policy: locked fields, the organisation's sites, named problems. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { DEMO_VERIFICATION, byTestId, renderPage, settings, status } from '../test-support/render-options-page';
import type { PolicyView } from '../shared/managed-policy';

afterEach(cleanup);

const POLICY: PolicyView = {
  keys: ['clientId', 'endpoint', 'autoVerify', 'captureSites'],
  captureSites: ['https://app.industry.go.th'],
  problems: [],
};

/** What the background hands this page under POLICY: the settings in force, without the ClientID. */
const IN_FORCE = settings({
  verification: { ...DEMO_VERIFICATION, clientId: '' },
  captureSites: ['https://app.industry.go.th', 'http://10.1.2.3:8080'],
});

describe('options page under a policy', () => {
  it('names what the organisation set, and shows those fields locked', async () => {
    await renderPage({ settings: IN_FORCE, policy: POLICY });
    expect(byTestId('policy-locked').textContent).toBe(
      'Your IT department sets these through the browser’s policies, so they cannot be changed here: ' +
        'ClientID, Service address (endpoint), Verify automatically, Capture sites',
    );
    expect(byTestId('client-id').disabled).toBe(true);
    expect(byTestId('client-id').value).toBe('');
    expect(byTestId('client-id').placeholder).toBe('Set by your organisation (not shown)');
    expect(screen.queryByRole('button', { name: 'Show' })).toBeNull();
    expect(byTestId('endpoint').disabled).toBe(true);
    expect(byTestId('auto-verify').disabled).toBe(true);
    expect(byTestId('load-wsdl').hasAttribute('disabled')).toBe(true);
    // What the policy leaves alone stays the person's.
    expect(byTestId('timeout').disabled).toBe(false);
    expect(byTestId('operation').disabled).toBe(false);
  });

  it('lists the organisation’s capture sites apart, with no Remove, and the person’s own with it', async () => {
    await renderPage({ settings: IN_FORCE, policy: POLICY });
    const policySites = byTestId<HTMLElement>('policy-capture-sites');
    expect(policySites.textContent).toContain('https://app.industry.go.th');
    expect(policySites.querySelector('button[aria-label^="Remove"]')).toBeNull();
    const own = byTestId<HTMLElement>('added-capture-sites');
    expect(own.textContent).toContain('http://10.1.2.3:8080');
    expect(own.textContent).not.toContain('app.industry.go.th');
  });

  it('saves without warning that no ClientID is set, when the organisation set it', async () => {
    const client = await renderPage({ settings: IN_FORCE, policy: POLICY });
    fireEvent.click(byTestId('save-settings'));
    await waitFor(() => expect(client.callsTo('saveSettings')).toHaveLength(1));
    await waitFor(() => expect(status().textContent).not.toBe(''));
    expect(status().textContent).not.toMatch(/ClientID/);
  });

  it('names each policy value that could not be used', async () => {
    await renderPage({
      settings: IN_FORCE,
      policy: {
        ...POLICY,
        problems: [
          { th: 'นโยบาย "style" ...', en: 'policy "style" (Style): must be one of: document, rpc, so it is ignored' },
        ],
      },
    });
    const problems = screen.getByRole('alert');
    expect(problems.textContent).toContain('policy "style" (Style): must be one of: document, rpc, so it is ignored');
    expect(problems.textContent).toContain('Tell your IT department');
  });

  it('shows a changed policy without reloading the page, as Chrome reports it', async () => {
    const client = await renderPage({ settings: settings({ verification: DEMO_VERIFICATION }) });
    expect(screen.queryByTestId('policy-notice')).toBeNull();
    expect(byTestId('client-id').disabled).toBe(false);
    client.policy = POLICY;
    client.settings = IN_FORCE;
    client.emitSettingsChanged();
    await waitFor(() => expect(byTestId('client-id').disabled).toBe(true));
    expect(screen.getByTestId('policy-notice')).toBeTruthy();
  });

  it('shows nothing of a policy when there is none', async () => {
    await renderPage({ settings: settings({ verification: DEMO_VERIFICATION }) });
    expect(screen.queryByTestId('policy-notice')).toBeNull();
    expect(screen.queryByTestId('policy-capture-sites')).toBeNull();
    expect(byTestId('client-id').disabled).toBe(false);
  });
});
