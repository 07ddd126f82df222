import { describe, expect, it } from 'vitest';
import { isCaptureSite } from './capture-sites';
import { DEFAULT_CAPTURE_PATTERNS } from '../shared/capture-sites';

describe('capture sites', () => {
  it('defaults to the ministry hosts and loopback, from the manifest', () => {
    expect(DEFAULT_CAPTURE_PATTERNS).toEqual([
      '*://*.industry.go.th/*',
      '*://*.diw.go.th/*',
      '*://localhost/*',
      '*://127.0.0.1/*',
    ]);
  });

  it.each([
    ['https://sso.industry.go.th/callback', true],
    ['https://industry.go.th/', true],
    ['http://diwinfo.diw.go.th:8080/DiwAppChk', true],
    ['http://127.0.0.1:43123/callback?token=x', true],
    ['http://localhost:3000/', true],
    ['https://evilindustry.go.th/', false],
    ['https://industry.go.th.example.com/', false],
    ['http://10.1.2.3:8080/', false],
    ['ftp://127.0.0.1/', false],
    ['not a url', false],
  ])('%s → %s', (url, expected) => {
    expect(isCaptureSite(url, [])).toBe(expected);
  });

  it('adds a person’s origins with their exact port', () => {
    expect(isCaptureSite('http://10.1.2.3:8080/cb', ['http://10.1.2.3:8080'])).toBe(true);
    expect(isCaptureSite('http://10.1.2.3:9090/cb', ['http://10.1.2.3:8080'])).toBe(false);
    expect(isCaptureSite('https://10.1.2.3:8080/cb', ['http://10.1.2.3:8080'])).toBe(false);
  });
});
