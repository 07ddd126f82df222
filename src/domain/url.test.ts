import { describe, expect, it } from 'vitest';
import {
  documentOf,
  endpointSecurity,
  httpUrl,
  isHttpUrl,
  isLoopbackHost,
  matchesPattern,
  normaliseOrigin,
  originToPattern,
  parseParameters,
  resolveAgainst,
  splitUrl,
} from './url';

describe('http(s) addresses', () => {
  it('takes an absolute http(s) URL with a host and no credentials, trimmed', () => {
    expect(httpUrl(' http://10.1.2.3:8080/svc ')?.href).toBe('http://10.1.2.3:8080/svc');
    expect(isHttpUrl('https://diwinfo.diw.go.th/DiwAppChk?wsdl')).toBe(true);
  });

  it('refuses other schemes, relative text and credentials (fetch could never call those)', () => {
    for (const text of [
      'mailto:x@y',
      'javascript:alert(1)',
      'ftp://x/',
      '/relative',
      '',
      'not a url',
      'http://a:b@10.1.2.3/',
      'http://a@10.1.2.3/',
    ]) {
      expect(httpUrl(text), text).toBeNull();
      expect(isHttpUrl(text), text).toBe(false);
    }
  });

  it('resolves a document’s reference against it, and only to http(s)', () => {
    expect(resolveAgainst('?xsd=1', 'http://127.0.0.1:8080/svc?wsdl')?.href).toBe('http://127.0.0.1:8080/svc?xsd=1');
    expect(resolveAgainst('schema.xsd', 'http://127.0.0.1/a/b?wsdl')?.href).toBe('http://127.0.0.1/a/schema.xsd');
    expect(resolveAgainst('file:///etc/passwd', 'http://127.0.0.1/')).toBeNull();
    expect(resolveAgainst('x', 'not a base')).toBeNull();
  });

  it('names the document a URL points at, without query or fragment', () => {
    expect(documentOf('http://127.0.0.1:8080/src/options/index.html?x#y')).toBe(
      'http://127.0.0.1:8080/src/options/index.html',
    );
    expect(documentOf('not a url')).toBe('');
  });
});

describe('origins and match patterns', () => {
  it('normalises origins and makes port-free permission patterns (Firefox cannot match a port)', () => {
    expect(normaliseOrigin(' https://app.example.go.th/callback ')).toBe('https://app.example.go.th');
    expect(normaliseOrigin('ftp://x')).toBeNull();
    expect(normaliseOrigin('not a url')).toBeNull();
    expect(originToPattern('http://10.1.2.3:8080')).toBe('http://10.1.2.3/*');
    expect(originToPattern('*://*.diw.go.th')).toBe('*://*.diw.go.th/*');
  });

  it('reads the pattern forms the manifest uses', () => {
    expect(matchesPattern(new URL('https://a.b.diw.go.th/x'), '*://*.diw.go.th/*')).toBe(true);
    expect(matchesPattern(new URL('https://diw.go.th/x'), '*://*.diw.go.th/*')).toBe(true);
    expect(matchesPattern(new URL('https://evildiw.go.th/x'), '*://*.diw.go.th/*')).toBe(false);
    expect(matchesPattern(new URL('http://a.diw.go.th/x'), 'https://*.diw.go.th/*')).toBe(false);
    expect(matchesPattern(new URL('http://127.0.0.1:9999/x'), '*://127.0.0.1/*')).toBe(true);
    expect(matchesPattern(new URL('http://a.diw.go.th/x'), 'garbage')).toBe(false);
  });
});

describe('loopback and endpoint security', () => {
  it('knows the names of this PC', () => {
    for (const host of ['localhost', 'app.localhost', '127.0.0.1', '127.9.8.7', '[::1]', '::1', 'LOCALHOST'])
      expect(isLoopbackHost(host), host).toBe(true);
    for (const host of ['10.1.2.3', 'localhost.example.com', '128.0.0.1', 'diwinfo.diw.go.th'])
      expect(isLoopbackHost(host), host).toBe(false);
  });

  it('calls http to a non-loopback host plain HTTP, and loopback or https not', () => {
    expect(endpointSecurity('http://diwinfo.diw.go.th:8080/DiwAppChk/DiwAppChk')).toBe('plain-http');
    expect(endpointSecurity('http://10.1.2.3/svc')).toBe('plain-http');
    expect(endpointSecurity('http://127.0.0.1:18082/svc')).toBe('loopback');
    expect(endpointSecurity('http://127.9.8.7/svc')).toBe('loopback');
    expect(endpointSecurity('http://localhost:8080/svc')).toBe('loopback');
    expect(endpointSecurity('http://[::1]:8080/svc')).toBe('loopback');
    expect(endpointSecurity('https://diwinfo.diw.go.th/svc')).toBe('https');
    expect(endpointSecurity('javascript:alert(1)')).toBe('none');
    expect(endpointSecurity('')).toBe('none');
  });
});

describe('taking apart a URL that may not parse', () => {
  it('splits query and fragment without new URL', () => {
    expect(splitUrl('http://x/cb?a=1#b=2')).toEqual({ beforeQuery: 'http://x/cb', query: 'a=1', fragment: 'b=2' });
    expect(splitUrl('::not a url#?x')).toEqual({ beforeQuery: '::not a url', query: null, fragment: '?x' });
    expect(splitUrl('http://x/')).toEqual({ beforeQuery: 'http://x/', query: null, fragment: null });
  });

  it('decodes parameters as a form does, and keeps a malformed escape as it was', () => {
    expect(parseParameters('a=b+c&&d&e=%E0%B8%81&f=%zz')).toEqual([
      ['a', 'b c'],
      ['d', ''],
      ['e', 'ก'],
      ['f', '%zz'],
    ]);
    expect(parseParameters('')).toEqual([]);
  });
});
