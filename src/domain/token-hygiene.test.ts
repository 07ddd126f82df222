import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  MAX_RESOURCE_ORIGINS,
  REFERRER_POLICIES,
  hygieneFindings,
  isLoopbackHost,
  readPageHygieneReport,
  readReferrerPolicy,
  sendsFullUrlTo,
  type TokenHygiene,
} from './token-hygiene';
import type { ManualCase, VerificationResult } from './soap/answer';

const APP = 'http://127.0.0.1:18082';
const SSO = 'http://127.0.0.1:18081';

function verified(manualCase: ManualCase): VerificationResult {
  return {
    checkedAt: 1,
    roundTripMs: 5,
    clockSkewMs: null,
    endpoint: 'http://127.0.0.1:18080/DiwAppChk/DiwAppChk',
    outcome: {
      kind: 'answered',
      answer: { manualCase, status: manualCase === 1, message: 'Token is valid', username: null, idCard: null },
    },
    findings: [],
  };
}

const codes = (hygiene: TokenHygiene | undefined, verification?: VerificationResult) =>
  hygieneFindings(hygiene, verification).map((finding) => finding.code);

describe('hygieneFindings', () => {
  it('says nothing without facts, or for a token that went by #fragment or form POST over https', () => {
    expect(codes(undefined)).toEqual([]);
    expect(codes({})).toEqual([]);
    expect(
      codes({
        hops: [
          { places: ['location'], url: 'https://sso.industry.go.th/authorize', status: 302 },
          { places: ['fragment'], url: 'https://app.example.go.th/callback#access_token=[token]', status: 200 },
          { places: ['form'], url: 'https://app.example.go.th/callback/form-post', status: 200 },
        ],
      }),
    ).toEqual([]);
  });

  it('a page whose URL still held the token at idle: the token is left in the address bar', () => {
    const findings = hygieneFindings(
      { page: { pageOrigin: APP, referrerPolicy: '', resourceOrigins: [SSO] } },
      undefined,
    );
    expect(findings.map((f) => [f.code, f.severity])).toEqual([['app-token-left-in-url', 'warning']]);
    expect(findings[0]!.nextStep.en).toContain('history.replaceState');
    expect(findings[0]!.nextStep.th).toContain('history.replaceState');
  });

  it('a token in a request query: named with the stripped URL', () => {
    const [finding] = hygieneFindings(
      { hops: [{ places: ['query'], url: `${APP}/callback?token=[token]`, status: 200 }] },
      undefined,
    );
    expect(finding).toMatchObject({ code: 'app-token-in-query', severity: 'warning' });
    expect(finding!.detail.en).toContain(`${APP}/callback?token=[token]`);
  });

  it('plain HTTP to a host that is not loopback is an error; loopback and https are not', () => {
    const hop = (url: string) => ({ hops: [{ places: ['form' as const], url, status: 200 }] });
    expect(codes(hop('http://app.example.go.th/cb'))).toEqual(['app-token-over-http']);
    expect(hygieneFindings(hop('http://app.example.go.th:8080/cb'), undefined)[0]!.detail.en).toContain(
      'app.example.go.th:8080',
    );
    expect(codes(hop('http://localhost:3000/cb'))).toEqual([]);
    expect(codes(hop('http://127.0.0.1/cb'))).toEqual([]);
    expect(codes(hop('https://app.example.go.th/cb'))).toEqual([]);
    // A #fragment never leaves the browser, even on an http page.
    expect(codes({ hops: [{ places: ['fragment'], url: 'http://app.example.go.th/cb', status: 200 }] })).toEqual([]);
  });

  it('resources from other origins under a policy that sends the full URL: the origins are named', () => {
    const findings = hygieneFindings(
      { page: { pageOrigin: APP, referrerPolicy: 'unsafe-url', resourceOrigins: [SSO, 'https://cdn.example'] } },
      undefined,
    );
    const leak = findings.find((f) => f.code === 'app-token-to-other-origins')!;
    expect(leak.severity).toBe('error');
    expect(leak.detail.en).toContain(`${SSO}, https://cdn.example`);
    expect(leak.detail.th).toContain(SSO);
  });

  it('the default policy, or no other origin, leaks nothing', () => {
    for (const referrerPolicy of ['', 'strict-origin-when-cross-origin', 'no-referrer', 'origin'] as const)
      expect(codes({ page: { pageOrigin: APP, referrerPolicy, resourceOrigins: [SSO] } })).toEqual([
        'app-token-left-in-url',
      ]);
    expect(codes({ page: { pageOrigin: APP, referrerPolicy: 'unsafe-url', resourceOrigins: [] } })).toEqual([
      'app-token-left-in-url',
    ]);
  });

  it('a callback answering 4xx/5xx is the application’s fault only once DiwLoginChk says the token is valid', () => {
    const hygiene: TokenHygiene = {
      hops: [{ places: ['query'], url: `${APP}/callback/broken?token=[token]`, status: 500 }],
    };
    expect(codes(hygiene)).toEqual(['app-token-in-query']);
    expect(codes(hygiene, verified(2))).toEqual(['app-token-in-query']);
    const withValid = hygieneFindings(hygiene, verified(1));
    expect(withValid.map((f) => f.code)).toEqual(['app-token-in-query', 'app-callback-error']);
    expect(withValid[1]!.detail.en).toContain('HTTP 500');
    // The SSO's own redirect carrying the token in its Location is not the application's callback.
    expect(codes({ hops: [{ places: ['location'], url: `${SSO}/authorize`, status: 502 }] }, verified(1))).toEqual([]);
    expect(codes({ hops: [{ places: ['form'], url: `${APP}/cb`, status: 200 }] }, verified(1))).toEqual([]);
  });

  it('gives every finding texts in both languages', () => {
    const all = hygieneFindings(
      {
        hops: [{ places: ['query'], url: 'http://app.example.go.th/cb?token=[token]', status: 500 }],
        page: { pageOrigin: APP, referrerPolicy: 'unsafe-url', resourceOrigins: [SSO] },
      },
      verified(1),
    );
    expect(all.map((f) => f.code)).toEqual([
      'app-token-left-in-url',
      'app-token-in-query',
      'app-token-over-http',
      'app-token-to-other-origins',
      'app-callback-error',
    ]);
    for (const finding of all)
      for (const text of [finding.title, finding.detail, finding.nextStep]) {
        expect(text.th).toMatch(/[\u0E00-\u0E7F]/);
        expect(text.en).toMatch(/[a-z]/);
      }
  });
});

describe('referrer policy', () => {
  it('sendsFullUrlTo: unsafe-url always, no-referrer-when-downgrade unless https → http, nothing else', () => {
    expect(sendsFullUrlTo('unsafe-url', 'https://a.example', 'http://b.example')).toBe(true);
    expect(sendsFullUrlTo('no-referrer-when-downgrade', 'http://a.example', 'http://b.example')).toBe(true);
    expect(sendsFullUrlTo('no-referrer-when-downgrade', 'https://a.example', 'https://b.example')).toBe(true);
    expect(sendsFullUrlTo('no-referrer-when-downgrade', 'https://a.example', 'http://b.example')).toBe(false);
    expect(sendsFullUrlTo('unsafe-url', 'https://a.example', 'https://a.example')).toBe(false);
    for (const policy of REFERRER_POLICIES.filter((p) => p !== 'unsafe-url' && p !== 'no-referrer-when-downgrade'))
      expect(sendsFullUrlTo(policy, 'http://a.example', 'http://b.example')).toBe(false);
  });

  it('readReferrerPolicy: the last known value of a list, legacy meta keywords, nothing from junk', () => {
    expect(readReferrerPolicy('unsafe-url')).toBe('unsafe-url');
    expect(readReferrerPolicy(' Unsafe-URL ')).toBe('unsafe-url');
    expect(readReferrerPolicy('no-referrer, bogus, strict-origin')).toBe('strict-origin');
    expect(readReferrerPolicy('strict-origin, bogus')).toBe('strict-origin');
    expect(readReferrerPolicy('always')).toBe('unsafe-url');
    expect(readReferrerPolicy('never')).toBe('no-referrer');
    expect(readReferrerPolicy('constructor')).toBeNull();
    expect(readReferrerPolicy('')).toBeNull();
    expect(readReferrerPolicy(42)).toBeNull();
    expect(readReferrerPolicy(`unsafe-url,${' '.repeat(300)}`)).toBeNull();
  });

  it('isLoopbackHost', () => {
    for (const host of ['localhost', 'app.localhost', '127.0.0.1', '127.5.6.7', '[::1]', '::1'])
      expect(isLoopbackHost(host)).toBe(true);
    for (const host of ['10.1.2.3', 'localhost.example', '128.0.0.1', 'example.com'])
      expect(isLoopbackHost(host)).toBe(false);
  });
});

describe('readPageHygieneReport (what a page says: hostile input)', () => {
  it('keeps a known policy and other http(s) origins, bounded, without the page’s own', () => {
    const report = readPageHygieneReport(
      {
        referrerPolicy: 'unsafe-url',
        resourceOrigins: [SSO, `${SSO}/logo.svg`, APP, 'javascript:alert(1)', 7, 'data:,x'],
      },
      APP,
    );
    expect(report).toEqual({ pageOrigin: APP, referrerPolicy: 'unsafe-url', resourceOrigins: [SSO] });
  });

  it('takes the header’s policy when the page set none, the meta’s over the header', () => {
    expect(readPageHygieneReport({ referrerPolicy: '' }, APP, 'unsafe-url')?.referrerPolicy).toBe('unsafe-url');
    expect(readPageHygieneReport({ referrerPolicy: 'no-referrer' }, APP, 'unsafe-url')?.referrerPolicy).toBe(
      'no-referrer',
    );
    expect(readPageHygieneReport({}, APP, null)?.referrerPolicy).toBe('');
  });

  it('refuses what is not an object', () => {
    for (const report of [null, undefined, 'x', 3, true]) expect(readPageHygieneReport(report, APP)).toBeNull();
  });

  it('property: whatever a page sends, the result is bounded, known and made of origins', () => {
    fc.assert(
      fc.property(
        fc.anything(),
        fc.array(fc.oneof(fc.webUrl(), fc.string(), fc.anything()), { maxLength: 250 }),
        fc.option(fc.string()),
        (policy, origins, header) => {
          const report = readPageHygieneReport({ referrerPolicy: policy, resourceOrigins: origins }, APP, header);
          expect(report).not.toBeNull();
          expect((REFERRER_POLICIES as readonly string[]).includes(report!.referrerPolicy)).toBe(true);
          expect(report!.resourceOrigins.length).toBeLessThanOrEqual(MAX_RESOURCE_ORIGINS);
          for (const origin of report!.resourceOrigins) {
            expect(new URL(origin).origin).toBe(origin);
            expect(origin).not.toBe(APP);
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('property: findings never repeat a code, and never show without facts that raise them', () => {
    const place = fc.constantFrom('query', 'fragment', 'location', 'form' as const);
    const hop = fc.record({
      places: fc.uniqueArray(place, { maxLength: 4 }),
      url: fc.oneof(fc.webUrl(), fc.string()),
      status: fc.option(fc.integer({ min: 100, max: 599 })),
    });
    fc.assert(
      fc.property(
        fc.array(hop, { maxLength: 10 }),
        fc.constantFrom(1, 2, 3, 4) as fc.Arbitrary<ManualCase>,
        (hops, manualCase) => {
          const found = codes({ hops }, verified(manualCase));
          expect(new Set(found).size).toBe(found.length);
          expect(found).not.toContain('app-token-left-in-url');
          expect(found).not.toContain('app-token-to-other-origins');
          if (manualCase !== 1) expect(found).not.toContain('app-callback-error');
          if (!hops.some((h) => h.places.includes('query'))) expect(found).not.toContain('app-token-in-query');
        },
      ),
      { numRuns: 300 },
    );
  });
});
