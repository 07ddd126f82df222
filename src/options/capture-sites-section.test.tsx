// @vitest-environment happy-dom
/** The capture sites section: listing, adding and removing sites with their permissions. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { settings, DEMO_VERIFICATION, renderPage, byTestId, type } from '../test-support/render-options-page';

afterEach(cleanup);

describe('Capture sites', () => {
  const captureStatus = () => screen.getByTestId('capture-site-status');

  it('lists the built-in sites read-only with their permission state, and a Grant button where missing', async () => {
    const client = await renderPage({ granted: ['*://*.industry.go.th', '*://localhost', '*://127.0.0.1'] });
    const defaults = screen.getByTestId('default-capture-sites');
    await waitFor(() => expect(within(defaults).getAllByText('permission granted')).toHaveLength(3));
    expect(within(defaults).getByText('*.diw.go.th')).toBeTruthy();
    expect(within(defaults).queryByRole('button', { name: /Remove/ })).toBeNull();
    expect(screen.getByText(/Firefox lets the person decide on site access/)).toBeTruthy();

    fireEvent.click(within(defaults).getByRole('button', { name: 'Grant *.diw.go.th' }));
    expect(client.callsTo('requestOrigin')).toEqual([['*://*.diw.go.th']]);
    await waitFor(() => expect(captureStatus().textContent).toContain('Permission for *://*.diw.go.th granted.'));
    expect(within(defaults).getAllByText('permission granted')).toHaveLength(4);
  });

  it('rejects a bad origin with a clear message, asking nothing and keeping the text', async () => {
    const client = await renderPage();
    type('capture-site-input', 'ftp://10.1.2.3');
    fireEvent.click(byTestId('add-capture-site'));
    expect(screen.getByTestId('capture-site-error').textContent).toContain('“ftp://10.1.2.3” is not a usable origin');
    expect(byTestId('capture-site-input').getAttribute('aria-describedby')).toContain('capture-site-input-error');
    expect(byTestId('capture-site-input').getAttribute('aria-invalid')).toBe('true');
    expect(byTestId('capture-site-input').value).toBe('ftp://10.1.2.3');

    type('capture-site-input', '10.1.2.3:8080');
    fireEvent.keyDown(byTestId('capture-site-input'), { key: 'Enter' });
    expect(screen.getByTestId('capture-site-error').textContent).toContain('“10.1.2.3:8080” is not a usable origin');
    expect(client.callsTo('requestOrigin')).toEqual([]);
    expect(client.callsTo('saveSettings')).toEqual([]);
  });

  it('adds an origin once granted: asks in the click, saves, then registers capture', async () => {
    const client = await renderPage();
    type('capture-site-input', ' http://10.1.2.3:8080/some/path ');
    fireEvent.click(byTestId('add-capture-site'));
    expect(client.callsTo('requestOrigin')).toEqual([['http://10.1.2.3:8080']]);
    expect(client.callsTo('saveSettings')).toEqual([]);

    await waitFor(() => expect(captureStatus().textContent).toContain('http://10.1.2.3:8080 added.'));
    expect(captureStatus().textContent).toContain('Capture registered on: http://10.1.2.3:8080');
    expect(client.settings.captureSites).toEqual(['http://10.1.2.3:8080']);
    const order = client.callOrder();
    expect(order.indexOf('requestOrigin')).toBeLessThan(order.indexOf('saveSettings'));
    expect(order.indexOf('saveSettings')).toBeLessThan(order.indexOf('syncCaptureSites'));
    const added = screen.getByTestId('added-capture-sites');
    await waitFor(() => expect(within(added).getByText('permission granted')).toBeTruthy());
    expect(byTestId('capture-site-input').value).toBe('');
  });

  it('does not add an origin whose permission was denied, and says why', async () => {
    const client = await renderPage({ answerPrompt: () => false });
    type('capture-site-input', 'http://10.1.2.3:8080');
    fireEvent.click(byTestId('add-capture-site'));
    await waitFor(() =>
      expect(captureStatus().textContent).toContain('http://10.1.2.3:8080 was not added: permission was not granted'),
    );
    expect(client.callsTo('saveSettings')).toEqual([]);
    expect(client.callsTo('syncCaptureSites')).toEqual([]);
    expect(screen.queryByTestId('added-capture-sites')).toBeNull();
    expect(byTestId('capture-site-input').value).toBe('http://10.1.2.3:8080');
  });

  it('removes an origin: gives the permission back, saves without it, re-registers', async () => {
    const client = await renderPage({
      settings: settings({ captureSites: ['http://10.1.2.3:8080'] }),
      granted: ['http://10.1.2.3:8080'],
    });
    fireEvent.click(screen.getByRole('button', { name: 'Remove http://10.1.2.3:8080' }));
    await waitFor(() =>
      expect(captureStatus().textContent).toContain('http://10.1.2.3:8080 removed, and its permission given back.'),
    );
    expect(client.callsTo('removeOrigin')).toEqual([['http://10.1.2.3:8080']]);
    expect(client.settings.captureSites).toEqual([]);
    expect(client.callsTo('syncCaptureSites')).toHaveLength(1);
    expect(client.granted.has('http://10.1.2.3:8080')).toBe(false);
  });

  it('keeps a host permission that another site or the verification endpoint still needs', async () => {
    const client = await renderPage({
      settings: settings({
        captureSites: ['http://10.1.2.3:8080', 'http://10.1.2.3:9090'],
        verification: { endpoint: 'http://10.9.9.9:8088/svc' },
      }),
      granted: ['http://10.1.2.3:8080', 'http://10.1.2.3:9090'],
    });
    fireEvent.click(screen.getByRole('button', { name: 'Remove http://10.1.2.3:8080' }));
    await waitFor(() =>
      expect(captureStatus().textContent).toContain(
        'http://10.1.2.3:8080 removed, but its permission could not be given back: the same host is still needed by http://10.1.2.3:9090',
      ),
    );
    expect(client.callsTo('removeOrigin')).toEqual([]);
    expect(client.settings.captureSites).toEqual(['http://10.1.2.3:9090']);
  });

  it('keeps verification edits apart: adding a site does not save the unsaved form', async () => {
    const client = await renderPage({ settings: settings({ verification: DEMO_VERIFICATION }) });
    type('timeout', '77');
    type('capture-site-input', 'http://10.1.2.3:8080');
    fireEvent.click(byTestId('add-capture-site'));
    await waitFor(() => expect(client.settings.captureSites).toEqual(['http://10.1.2.3:8080']));
    expect(client.settings.verification.timeoutMs).toBe(10_000);
    expect(byTestId('timeout').value).toBe('77');
  });
});
