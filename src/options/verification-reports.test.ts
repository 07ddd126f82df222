import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../shared/settings';
import { formFromSettings } from './verification-form';
import {
  grantReport,
  invalidFields,
  invalidReport,
  savedReport,
  testReport,
  wsdlFailedReport,
} from './verification-reports';

const reason = { th: 'หมดเวลา', en: 'timed out' };

describe('verification reports', () => {
  it('names the invalid fields in the order the form lists them', () => {
    const errors = { tokenParameter: 'error.required', wsdlUrl: 'error.httpUrl' } as const;
    expect(invalidFields(errors)).toEqual(['wsdlUrl', 'tokenParameter']);
    expect(invalidReport(errors, (field) => field.toUpperCase()).headline).toEqual({
      key: 'status.invalid',
      values: { fields: 'WSDLURL, TOKENPARAMETER' },
    });
  });

  it('gives the missing permission as the likely cause of a failed load, and only then', () => {
    expect(wsdlFailedReport(reason, 'http://a', false).lines).toEqual([
      { key: 'status.wsdlNoPermission', values: { origin: 'http://a' } },
    ]);
    expect(wsdlFailedReport(reason, 'http://a', true).lines).toEqual([]);
  });

  it('says a save without the permission plainly, with how to allow it, and keeps the warnings', () => {
    const denied = savedReport({ granted: false, error: reason }, 'http://a', ['warning.noClientId']);
    expect(denied.tone).toBe('warning');
    expect(denied.lines.map((line) => line.key)).toEqual([
      'status.permissionError',
      'permission.howTo',
      'warning.noClientId',
    ]);
    expect(savedReport({ granted: true }, 'http://a', []).tone).toBe('success');
    expect(savedReport({ granted: true }, 'http://a', ['warning.noNamespace']).tone).toBe('warning');
  });

  it('tells how to grant when the grant was refused', () => {
    expect(grantReport({ granted: false }, 'http://a').lines).toEqual([{ key: 'permission.howTo' }]);
    expect(grantReport({ granted: true }, 'http://a').tone).toBe('success');
  });

  it('says the test used the saved settings when the form holds other ones', () => {
    const failed = { ok: false as const, error: reason };
    const saved = {
      ...DEFAULT_SETTINGS.verification,
      endpoint: 'https://svc.example/x',
      operation: 'Op',
      tokenParameter: 'a',
      clientIdParameter: 'b',
    };
    expect(testReport(failed, formFromSettings(saved), saved).lines).toEqual([]);
    expect(testReport(failed, { ...formFromSettings(saved), operation: 'Other' }, saved).lines).toEqual([
      { key: 'test.unsaved' },
    ]);
  });
});
