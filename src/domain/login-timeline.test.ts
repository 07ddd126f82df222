import { describe, expect, it } from 'vitest';
import { timelineHop } from '../test-support/timeline-hops';
import fc from 'fast-check';
import {
  MASKED,
  MAX_HEADERS,
  MAX_HEADER_VALUE,
  MAX_URL_LENGTH,
  hopUrl,
  keptHeaders,
  timelineText,
  tokenHopsOf,
} from './login-timeline';
import { makeToken, samplePayload, SAMPLE_ID } from '../test-support/tokens';

const TOKEN = makeToken(samplePayload());

const hop = timelineHop;

describe('hopUrl', () => {
  it('keeps host, path and other parameters, and takes the token out of the query, the #fragment and the path', () => {
    expect(hopUrl(`http://127.0.0.1:18082/callback?state=1&token=${TOKEN}`)).toBe(
      'http://127.0.0.1:18082/callback?state=1&token=[token]',
    );
    expect(hopUrl(`http://127.0.0.1:18082/landing#id_token=${TOKEN}`)).toBe(
      'http://127.0.0.1:18082/landing#id_token=[token]',
    );
    expect(hopUrl(`http://127.0.0.1:18082/t/${TOKEN}/x`)).not.toContain(TOKEN.split('.')[1]);
    expect(hopUrl(`http://127.0.0.1/u?id=${SAMPLE_ID}`)).not.toContain(SAMPLE_ID);
  });

  it('is bounded, and never throws on what is not a URL', () => {
    expect(hopUrl(`https://a.example/${'a'.repeat(100_000)}`).length).toBeLessThanOrEqual(MAX_URL_LENGTH + 1);
    expect(hopUrl('not a url')).toBe('not a url');
    expect(hopUrl(undefined as unknown as string)).toBe('');
  });
});

describe('keptHeaders', () => {
  it('masks Cookie, Set-Cookie and Authorization, in any letter case, and redacts the rest', () => {
    const kept = keptHeaders([
      { name: 'Cookie', value: 'session=abc' },
      { name: 'set-cookie', value: 'demo_app_session=xyz; HttpOnly' },
      { name: 'AUTHORIZATION', value: `Bearer ${TOKEN}` },
      { name: 'Location', value: `http://127.0.0.1:18082/callback?token=${TOKEN}` },
      { name: 'Content-Type', value: 'text/html' },
    ]);
    expect(kept).toEqual([
      { name: 'Cookie', value: MASKED },
      { name: 'set-cookie', value: MASKED },
      { name: 'AUTHORIZATION', value: MASKED },
      { name: 'Location', value: 'http://127.0.0.1:18082/callback?token=[token]' },
      { name: 'Content-Type', value: 'text/html' },
    ]);
  });

  it('keeps a bounded number of bounded headers, and skips what is not one', () => {
    const many = Array.from({ length: 500 }, (_, i) => ({ name: `x-${i}`, value: 'v'.repeat(10_000) }));
    const kept = keptHeaders(many);
    expect(kept).toHaveLength(MAX_HEADERS);
    for (const header of kept) expect(header.value.length).toBeLessThanOrEqual(MAX_HEADER_VALUE + 1);
    expect(keptHeaders([{ name: 3 }, { value: 'x' }, null as never])).toEqual([]);
    expect(keptHeaders(undefined)).toEqual([]);
  });

  it('property: no kept header ever holds the token or a cookie value', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            name: fc.constantFrom('Cookie', 'Referer', 'Location', 'X-Any', 'set-COOKIE'),
            value: fc.string(),
          }),
        ),
        (headers) => {
          const withToken = headers.map((h) => ({ ...h, value: `${h.value} ${TOKEN} ` }));
          for (const header of keptHeaders(withToken)) {
            expect(header.value).not.toContain(TOKEN);
            if (/cookie/i.test(header.name)) expect(header.value).toBe(MASKED);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('tokenHopsOf and timelineText', () => {
  const hops = [
    hop({
      url: 'http://127.0.0.1:18081/authorize?user=somchai',
      status: 302,
      location: 'http://127.0.0.1:18082/callback?token=[token]',
      tokenPlaces: ['location'],
      tokenIds: ['7:abc'],
    }),
    hop({
      requestId: '1',
      url: 'http://127.0.0.1:18082/callback?token=[token]',
      tokenPlaces: ['query'],
      tokenIds: ['7:abc'],
    }),
    hop({ requestId: '2', url: 'http://127.0.0.1:18082/frame', frame: 'sub', status: null, durationMs: null }),
    hop({ requestId: '3', url: 'http://127.0.0.1:18082/gone', status: null, error: 'net::ERR_ABORTED' }),
  ];

  it('gives the hygiene rules the hops that carried one token', () => {
    expect(tokenHopsOf(hops, '7:abc')).toEqual([
      { places: ['location'], url: 'http://127.0.0.1:18081/authorize?user=somchai', status: 302 },
      { places: ['query'], url: 'http://127.0.0.1:18082/callback?token=[token]', status: 200 },
    ]);
    expect(tokenHopsOf(hops, '7:other')).toEqual([]);
  });

  it('writes one numbered line per hop, the redirect and the token’s place beneath, in either language', () => {
    const en = timelineText(hops, 'en');
    expect(en).toContain('Login timeline (tokens removed)');
    expect(en).toContain('1. 2026-11-24T03:00:00Z GET 302 12 ms http://127.0.0.1:18081/authorize?user=somchai');
    expect(en).toContain('   → http://127.0.0.1:18082/callback?token=[token]');
    expect(en).toContain('   token in: Location');
    expect(en).toContain('   token in: query');
    expect(en).toContain('3. 2026-11-24T03:00:00Z GET pending [frame] http://127.0.0.1:18082/frame');
    expect(en).toContain('net::ERR_ABORTED');
    expect(timelineText(hops, 'th')).toContain('โทเค็นอยู่ใน: Location');
    expect(timelineText([], 'en')).toContain('No navigation');
  });

  it('never lets a token through, even one a hop was stored with by mistake', () => {
    const text = timelineText([hop({ url: `http://127.0.0.1/cb?token=${TOKEN}` })], 'en');
    expect(text).not.toContain(TOKEN);
    expect(text).toContain('[token]');
  });
});
