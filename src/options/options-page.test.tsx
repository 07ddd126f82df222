// @vitest-environment happy-dom
/** The options page as a whole: its language and its labels. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { settings, DEMO_VERIFICATION, renderPage, byTestId, type, choose } from '../test-support/render-options-page';

afterEach(cleanup);

describe('Language', () => {
  it('is Thai by default and switches to English, saving the choice', async () => {
    const client = await renderPage({ settings: settings({ language: 'th' }) });
    expect(byTestId('save-settings').textContent).toBe('บันทึกการตั้งค่า');
    expect(document.documentElement.lang).toBe('th');
    choose('language', 'en');
    await waitFor(() => expect(byTestId('save-settings').textContent).toBe('Save settings'));
    expect(client.settings.language).toBe('en');
    await waitFor(() => expect(document.documentElement.lang).toBe('en'));
  });

  it('translates a message already on screen when the language changes', async () => {
    await renderPage({ settings: settings({ language: 'th' }) });
    type('capture-site-input', 'nonsense');
    fireEvent.click(byTestId('add-capture-site'));
    expect(screen.getByTestId('capture-site-error').textContent).toContain('ใช้เป็น origin ไม่ได้');
    choose('language', 'en');
    await waitFor(() =>
      expect(screen.getByTestId('capture-site-error').textContent).toContain('is not a usable origin'),
    );
  });
});

describe('Accessibility basics', () => {
  it('labels every form control', async () => {
    await renderPage({ settings: settings({ verification: DEMO_VERIFICATION }) });
    for (const control of document.querySelectorAll('input, select')) {
      const id = control.getAttribute('id');
      expect(id, control.outerHTML).toBeTruthy();
      expect(document.querySelector(`label[for="${id}"]`), control.outerHTML).not.toBeNull();
    }
  });
});
