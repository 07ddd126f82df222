import { describe, expect, it } from 'vitest';
import manifest from '../../manifest.json' with { type: 'json' };
import { originToPattern } from '../domain/url';
import { DEFAULT_CAPTURE_SITES } from './capture-sites';

describe('DEFAULT_CAPTURE_SITES', () => {
  it('is exactly the manifest’s host permissions and content-script matches', () => {
    const patterns = DEFAULT_CAPTURE_SITES.map((site) => originToPattern(site.origin)).sort();
    expect(patterns).toEqual([...manifest.host_permissions].sort());
    expect(patterns).toEqual([...manifest.content_scripts[0]!.matches].sort());
  });

  it('reads as a person would say it', () => {
    expect(DEFAULT_CAPTURE_SITES.map((site) => site.label)).toEqual([
      '*.industry.go.th',
      '*.diw.go.th',
      'localhost',
      '127.0.0.1',
    ]);
  });
});
