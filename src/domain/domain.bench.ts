/**
 * Speed of the domain work a person waits for: opening the popup (inspect + report), and reading
 * a verification answer and a WSDL. Then how each reader of hostile input grows: the same shape
 * at 64 KB and at 256 KB, so a ratio near 4 is linear and one near 16 is quadratic. Run with
 * `npm run bench`; never asserted in tests.
 */
import { test } from 'vitest';
import { Bench } from 'tinybench';
import { readFileSync } from 'node:fs';
import { inspectToken } from './read-token';
import { decodeToken } from './decode-token';
import { findTokenInText, findTokensInUrl, normaliseTokenText, stripTokensFromUrl } from './find-tokens';
import { resolveOrg } from './org';
import { buildTicketReport } from './report';
import { readSoapAnswer } from './soap/answer';
import { parseWsdl } from './soap/wsdl';
import { redactText } from './redact';
import { makeToken, samplePayload, NBF_SECONDS } from '../test-support/tokens';
import type { VerificationResult } from './soap/answer';

const NOW = NBF_SECONDS * 1000 + 60_000;
const TOKEN = makeToken(samplePayload());
const CALLBACK_URL = `https://app.industry.go.th/callback?state=xyz&token=${TOKEN}#after`;
const HOSTILE_64K = `eyJ${'A'.repeat(64 * 1024)}.${'B'.repeat(1000)}.c`;
const ANSWER = `<?xml version="1.0"?><S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body><ns2:DiwLoginChkResponse xmlns:ns2="http://diwappchk.diw.go.th/"><return><Username>somchai.t</Username><IDCard>1101700123456</IDCard><Status>true</Status><Message>Token is valid</Message></return></ns2:DiwLoginChkResponse></S:Body></S:Envelope>`;
const WSDL = readFileSync(new URL('../../demo/diwappchk.wsdl', import.meta.url), 'utf8');

const CASES: Record<string, () => unknown> = {
  'inspectToken (Industry SSO token)': () => inspectToken(TOKEN, NOW),
  'findTokensInUrl (callback URL)': () => findTokensInUrl(CALLBACK_URL),
  'resolveOrg 9/60/73': () => resolveOrg('9/60/73'),
  'buildTicketReport (markdown)': () =>
    buildTicketReport({ inspection: inspectToken(TOKEN, NOW), nowMs: NOW, language: 'th', format: 'markdown' }),
  'decodeToken on 64 KB of junk': () => decodeToken(HOSTILE_64K),
  'readSoapAnswer (structure answer)': () => readSoapAnswer(200, 'text/xml; charset=utf-8', ANSWER),
  'parseWsdl (demo DiwAppChk WSDL)': () => parseWsdl(WSDL),
};

const KB = 1024;
/** `BENCH_SIZES=16384,65536` measures other sizes (e.g. on code too slow for 256 KB). */
const SIZES = (process.env.BENCH_SIZES ?? `${64 * KB},${256 * KB}`).split(',').map(Number);
/** The unit repeated to `size` characters, then one other character (an end-anchored pattern fails only there). */
const run = (unit: string, size: number) => `${unit.repeat(Math.ceil(size / unit.length)).slice(0, size - 1)}x`;
const envelope = (inner: string) =>
  `<S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body>${inner}</S:Body></S:Envelope>`;
const inspection = inspectToken(TOKEN, NOW);
const failedWith = (text: string): VerificationResult => ({
  checkedAt: NOW,
  roundTripMs: 1,
  clockSkewMs: null,
  endpoint: 'https://svc.example/chk',
  outcome: { kind: 'failed', code: 'soap-fault', detail: text, faultCode: 'S:Server', faultString: text },
  findings: [],
});

/**
 * A reader fed `unit` repeated to each size, the input built before timing starts; `wrap` puts the
 * repeated text where the reader meets it (a URL, an envelope, a WSDL).
 */
const growing =
  (unit: string, read: (input: string) => unknown, wrap: (text: string) => string = (text) => text) =>
  (size: number) => {
    const input = wrap(run(unit, size));
    return () => read(input);
  };

/** Each reader with the input shape that used to be its worst. */
const GROWTH: Record<string, (size: number) => () => unknown> = {
  'normaliseTokenText (commas)': growing(',', normaliseTokenText),
  'findTokenInText (commas)': growing(',', findTokenInText),
  'findTokensInUrl (query of eyJa.)': growing('eyJa.', findTokensInUrl, (text) => `https://app.example/cb?t=${text}`),
  'stripTokensFromUrl (path of eyJa.)': growing('eyJa.', stripTokensFromUrl, (text) => `https://app.example/${text}`),
  'readSoapAnswer (Message of letters)': growing(
    'a',
    (body) => readSoapAnswer(200, 'text/xml', body),
    (text) => envelope(`<R><Status>false</Status><Message>${text}</Message></R>`),
  ),
  'readSoapAnswer (faultstring of letters)': growing(
    'a',
    (body) => readSoapAnswer(500, 'text/xml', body),
    (text) => envelope(`<S:Fault><faultcode>S:Server</faultcode><faultstring>${text}</faultstring></S:Fault>`),
  ),
  'readSoapAnswer (HTML page of <title)': growing('<title', (body) => readSoapAnswer(200, 'text/html', body)),
  'parseWsdl (documentation of letters)': growing('a', parseWsdl, (text) =>
    WSDL.replace('<types>', `<documentation>${text}</documentation><types>`),
  ),
  'buildTicketReport (faultstring of letters)': (size) => {
    const verification = failedWith(run('a', size));
    return () => buildTicketReport({ inspection, verification, nowMs: NOW, language: 'en', format: 'text' });
  },
  'redactText (letters)': growing('a', redactText),
  'redactText (digits and dots)': growing('1.', redactText),
};

/** The fastest of a few calls, in ms: one call of a quadratic reader at 256 KB can take minutes. */
function timeOf(fn: () => unknown): number {
  let best = Infinity;
  const started = performance.now();
  for (let i = 0; i < 5 && performance.now() - started < 2_000; i += 1) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

// A vitest "test" only so that TypeScript sources run as they are; it measures and prints, and
// asserts nothing about time. It runs in the `bench` project only, never in `npm test`.
test('domain speed', async () => {
  const bench = new Bench({ time: 300, warmupTime: 50 });
  for (const [name, fn] of Object.entries(CASES)) bench.add(name, fn);
  await bench.run();
  console.table(bench.table());
}, 120_000);

test('growth of the readers of hostile input', () => {
  const rows = Object.entries(GROWTH).map(([name, make]) => {
    const times = SIZES.map((size) => timeOf(make(size)));
    const row: Record<string, string> = { reader: name };
    SIZES.forEach((size, i) => (row[`${size / KB} KB (ms)`] = times[i]!.toFixed(1)));
    if (SIZES.length > 1)
      row[`× for ${SIZES.at(-1)! / SIZES[0]!}× input`] = (times.at(-1)! / Math.max(times[0]!, 0.01)).toFixed(1);
    return row;
  });
  console.table(rows);
}, 1_800_000);
