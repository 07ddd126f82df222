import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { decodeToken } from './decode-token';
import {
  findTokenInText,
  findTokensInForm,
  findTokensInUrl,
  normaliseTokenText,
  stripTokensFromUrl,
} from './find-tokens';
import { readSoapAnswer, MAX_ANSWER_BYTES } from './soap/answer';
import { parseWsdl } from './soap/wsdl';
import { readXml } from './soap/xml-tree';
import { buildTicketReport } from './report';
import { inspectToken } from './read-token';
import { redactText } from './redact';
import { hopUrl, keptHeaders } from './login-timeline';
import { readPageHygieneReport, readReferrerPolicy } from './token-hygiene';
import { NBF_SECONDS, makeToken, samplePayload } from '../test-support/tokens';
import type { VerificationResult } from './soap/answer';

/**
 * Every reader of text that a site or a service controls, fed the shapes that make a
 * backtracking regular expression or an argument spread blow up. Nothing here asserts a time:
 * the normal per-test timeout is the limit, and a quadratic reader blows through it at 64 KB
 * already (a SOAP Message of 40 KB of letters once took 7.5 s), so each shape runs at 64 KB and
 * at 256 KB, and the answer readers also at the 1 MiB the verifier accepts.
 */
const KB = 1024;
const SIZES = [64 * KB, 256 * KB] as const;
const S11 = 'http://schemas.xmlsoap.org/soap/envelope/';
const XML = 'text/xml; charset=utf-8';
const NOW = (NBF_SECONDS + 600) * 1000;

/**
 * Runs of one character, and the repeated prefixes that each open a new match attempt; each also
 * followed by one character that ends the run (an end-anchored pattern fails only there).
 */
function shapes(size: number): Record<string, string> {
  const runs = baseShapes(size - 1);
  return Object.fromEntries(
    Object.entries(runs).flatMap(([name, text]) => [
      [name, text],
      [`${name}, then x`, `${text}x`],
    ]),
  );
}

function baseShapes(size: number): Record<string, string> {
  const fill = (unit: string) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
  return {
    letters: fill('a'),
    commas: fill(','),
    quotes: fill('"'),
    dots: fill('.'),
    'less-than': fill('<'),
    digits: fill('1'),
    'digits and dots': fill('1.'),
    'eyJ and dots': `eyJ${fill('.')}`,
    'eyJ runs': fill('eyJa.'),
    'token-ish words': fill('abcdefg.'),
    '<title runs': fill('<title'),
    'percent escapes': fill('%2'),
  };
}

const envelope = (inner: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><S:Envelope xmlns:S="${S11}"><S:Body>${inner}</S:Body></S:Envelope>`;
const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

describe.each(SIZES)('token readers at %i characters', (size) => {
  const all = Object.entries(shapes(size));

  it('normaliseTokenText and decodeToken', () => {
    for (const [, text] of all) {
      expect(normaliseTokenText(text).length).toBeLessThanOrEqual(text.length);
      expect(normaliseTokenText(`"eyJ${text}`).length).toBeLessThanOrEqual(text.length + 4);
      expect(decodeToken(text.slice(0, 4 * 64 * KB - 8)).ok).toBe(false);
      expect(decodeToken(`'${text.slice(0, 4 * 64 * KB - 8)}`).ok).toBe(false);
    }
  });

  it('findTokenInText', () => {
    for (const [, text] of all) {
      expect(findTokenInText(text)).toBeNull();
      expect(findTokenInText(`Bearer ${text}`)).toBeNull();
      expect(findTokenInText(`{"token":"${text}`)).toBeNull();
    }
  });

  it('findTokensInUrl and stripTokensFromUrl', () => {
    for (const [, text] of all) {
      for (const url of [
        `https://app.example/${text}`,
        `https://app.example/cb?t=${text}&u=${text}`,
        `https://app.example/cb#${text}`,
        `https://app.example/#/r?${text}`,
        text,
      ]) {
        expect(findTokensInUrl(url)).toEqual([]);
        // `new URL` percent-encodes what a URL may not hold, three characters for one.
        expect(stripTokensFromUrl(url).display.length).toBeLessThanOrEqual(3 * url.length + 16);
      }
    }
  });

  it('findTokensInUrl with thousands of distinct token parameters', () => {
    const value = makeToken({ a: 1 });
    const url = `https://app.example/cb?${Array.from({ length: Math.floor(size / (value.length + 8)) }, (_, i) => `p${i}=${value}`).join('&')}`;
    expect(findTokensInUrl(url).length).toBeGreaterThan(10);
  });

  it('findTokensInForm', () => {
    for (const [name, text] of all) expect(findTokensInForm({ [name]: [text, ` ${text} `] })).toEqual([]);
  });
});

describe.each(SIZES)('login timeline and page hygiene readers at %i characters', (size) => {
  const all = Object.entries(shapes(size));

  it('hopUrl, keptHeaders, readReferrerPolicy and readPageHygieneReport', () => {
    for (const [, text] of all) {
      expect(hopUrl(`https://app.example/cb?t=${text}#${text}`).length).toBeLessThanOrEqual(1024);
      expect(keptHeaders([{ name: text, value: text }])[0]!.value.length).toBeLessThanOrEqual(1024);
      expect(readReferrerPolicy(text)).toBeNull();
      const report = readPageHygieneReport(
        { referrerPolicy: text, resourceOrigins: [text, `https://${text}`] },
        'https://app.example',
      );
      expect(report?.resourceOrigins).toEqual([]);
    }
  });
});

describe.each(SIZES)('SOAP readers at %i characters', (size) => {
  const all = Object.entries(shapes(size));

  it('readSoapAnswer: a Message, a faultstring and a status of every shape', () => {
    for (const [, text] of all) {
      const escaped = escapeXml(text);
      const body = envelope(`<R><Status>false</Status><Message>${escaped}</Message></R>`);
      const message = readSoapAnswer(200, XML, body);
      // 256 KB of `<` is 1 MiB once escaped: over the limit, and refused as such.
      expect(message.kind === 'answered' || body.length > MAX_ANSWER_BYTES).toBe(true);
      if (message.kind === 'answered') expect(message.answer.message!.length).toBeLessThanOrEqual(4 * KB + 1);
      const faultBody = envelope(
        `<S:Fault><faultcode>${escaped}</faultcode><faultstring>${escaped}</faultstring></S:Fault>`,
      );
      const fault = readSoapAnswer(500, XML, faultBody);
      expect(fault).toMatchObject({
        kind: 'failed',
        code: faultBody.length > MAX_ANSWER_BYTES ? 'too-large' : 'soap-fault',
      });
      if (fault.kind === 'failed' && fault.code === 'soap-fault') {
        expect(fault.faultString!.length).toBeLessThanOrEqual(4 * KB + 1);
        expect(fault.faultCode!.length).toBeLessThanOrEqual(4 * KB + 1);
        expect(fault.detail.length).toBeLessThanOrEqual(16 * KB);
      }
      const status = readSoapAnswer(200, XML, envelope(`<R><Status>${escaped}</Status></R>`));
      expect(status).toMatchObject({ kind: 'failed' });
      if (status.kind === 'failed') expect(status.detail.length).toBeLessThanOrEqual(16 * KB);
    }
  });

  it('readSoapAnswer: a body that is not XML, or an HTML page', () => {
    for (const [, text] of all) {
      for (const [contentType, body] of [
        [XML, text],
        ['text/html', text],
        ['text/html', `<html><head><title>${text}</title></head><body>${text}</body></html>`],
        [XML, `<html>${text}`],
      ] as const) {
        const reading = readSoapAnswer(200, contentType, body);
        expect(reading.kind).toBe('failed');
        if (reading.kind === 'failed') expect(reading.detail.length).toBeLessThanOrEqual(16 * KB);
      }
    }
  });

  it('parseWsdl: documentation, names and locations of every shape', () => {
    const wsdl = readFileSync(new URL('../../demo/diwappchk.wsdl', import.meta.url), 'utf8');
    for (const [, text] of all) {
      const escaped = escapeXml(text);
      expect(parseWsdl(text).ok).toBe(false);
      expect(parseWsdl(`<html>${text}`).ok).toBe(false);
      const stuffed = wsdl
        .replace('<types>', `<documentation>${escaped}</documentation><types>`)
        .replace('REPLACED_AT_RUNTIME', `http://x/${encodeURIComponent(text)}`);
      expect(stuffed.length).toBeGreaterThan(wsdl.length + size);
      expect(parseWsdl(stuffed).ok).toBe(true);
    }
  });
});

describe('SOAP readers at the 1 MiB the verifier accepts', () => {
  const fill = (unit: string, bytes: number) => unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);
  const room = MAX_ANSWER_BYTES - 400;

  it('a Message, a faultstring, an HTML page and plain text of letters, dots, digits or "<"', () => {
    for (const unit of ['a', '.', '1', 'abcdefg.', 'eyJa.']) {
      const text = fill(unit, room);
      expect(readSoapAnswer(200, XML, envelope(`<R><Status>false</Status><Message>${text}</Message></R>`)).kind).toBe(
        'answered',
      );
      expect(
        readSoapAnswer(
          500,
          XML,
          envelope(`<S:Fault><faultcode>c</faultcode><faultstring>${text}</faultstring></S:Fault>`),
        ),
      ).toMatchObject({ code: 'soap-fault' });
      const half = text.slice(0, room / 2);
      expect(readSoapAnswer(502, 'text/html', `<html><title>${half}</title>${half}`)).toMatchObject({
        code: 'http-status',
      });
      expect(readSoapAnswer(200, null, text)).toMatchObject({ code: 'not-xml' });
    }
    expect(readSoapAnswer(200, 'text/html', fill('<', room))).toMatchObject({ code: 'not-xml' });
    expect(readSoapAnswer(200, 'text/html', fill('<title', room))).toMatchObject({ code: 'not-xml' });
  });

  it('200,000 siblings under one Body child come back as a reading, not a RangeError', () => {
    const body = envelope(`<R>${'<a/>'.repeat(200_000)}</R>`);
    expect(body.length).toBeLessThan(MAX_ANSWER_BYTES);
    const reading = readSoapAnswer(200, XML, body);
    expect(reading).toMatchObject({ kind: 'failed', code: 'not-xml' });
    if (reading.kind === 'failed') expect(reading.detail).toMatch(/too many elements/i);
    expect(readXml(body)).toMatchObject({ ok: false, problem: 'too-many-elements' });
    expect(
      parseWsdl(`<definitions xmlns="http://schemas.xmlsoap.org/wsdl/">${'<a/>'.repeat(200_000)}</definitions>`).ok,
    ).toBe(false);
  });

  it('nesting thousands deep comes back as a reading', () => {
    for (const depth of [1_000, 10_000, 60_000]) {
      const body = envelope(`${'<a>'.repeat(depth)}<Status>true</Status>${'</a>'.repeat(depth)}`);
      expect(readSoapAnswer(200, XML, body).kind).toBeDefined();
      expect(parseWsdl(body).ok).toBe(false);
    }
  });
});

describe.each(SIZES)('buildTicketReport at %i characters', (size) => {
  const all = Object.entries(shapes(size));
  const inspection = inspectToken(makeToken(samplePayload()), NOW);

  it('a verification and a capture whose texts are of every shape', () => {
    for (const [, text] of all) {
      const answered: VerificationResult = {
        checkedAt: NOW,
        roundTripMs: 1,
        clockSkewMs: null,
        endpoint: `https://svc.example/${text}`,
        outcome: {
          kind: 'answered',
          answer: { manualCase: null, status: null, message: text, username: text, idCard: text },
        },
        findings: [
          {
            code: 'verify-unrecognised',
            severity: 'info',
            title: { th: text, en: text },
            detail: { th: text, en: text },
            nextStep: { th: text, en: text },
          },
        ],
      };
      const failed: VerificationResult = {
        ...answered,
        outcome: { kind: 'failed', code: 'soap-fault', detail: text, faultCode: text, faultString: text },
      };
      for (const verification of [answered, failed]) {
        const capture = {
          source: text,
          parameter: text,
          pageOrigin: 'https://app.example',
          pagePath: `/${text}`,
          capturedAt: NOW,
        };
        expect(
          buildTicketReport({ inspection, capture, verification, nowMs: NOW, language: 'en', format: 'markdown' }),
        ).toContain('Industry SSO');
      }
    }
  });

  it('a token whose claims are of every shape', () => {
    for (const [, text] of all) {
      const claim = text.slice(0, 40 * KB);
      const compact = makeToken(samplePayload({ email: claim, sub: claim, org: claim, exp: claim }), {
        alg: 'none',
        kid: claim,
      });
      const report = buildTicketReport({
        inspection: inspectToken(compact, NOW),
        nowMs: NOW,
        language: 'th',
        format: 'text',
      });
      expect(report).not.toContain(compact);
    }
  });
});

describe.each(SIZES)('redactText at %i characters', (size) => {
  it('every shape, with and without a ClientID', () => {
    for (const [, text] of Object.entries(shapes(size))) {
      expect(redactText(text).length).toBeLessThanOrEqual(4 * 64 * KB + 1);
      expect(redactText(text, { clientId: 'aaaa' }).length).toBeLessThanOrEqual(4 * 64 * KB + 1);
      expect(redactText(text, { clientId: text.slice(0, 200) }).length).toBeLessThanOrEqual(4 * 64 * KB + 1);
    }
  });
});
