/**
 * Speed of the domain work a person waits for: opening the popup (inspect + report), and reading
 * a verification answer and a WSDL. Run with `npm run bench`; never asserted in tests.
 */
import { test } from 'vitest';
import { Bench } from 'tinybench';
import { readFileSync } from 'node:fs';
import { inspectToken } from './inspect';
import { decodeToken, findTokensInUrl } from './token';
import { resolveOrg } from './org';
import { buildTicketReport } from './report';
import { readSoapAnswer } from './soap/answer';
import { parseWsdl } from './soap/wsdl';
import { makeToken, samplePayload, NBF_SECONDS } from './test-support';

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
  'buildTicketReport (markdown)': () => buildTicketReport({ inspection: inspectToken(TOKEN, NOW), nowMs: NOW, language: 'th', format: 'markdown' }),
  'decodeToken on 64 KB of junk': () => decodeToken(HOSTILE_64K),
  'readSoapAnswer (structure answer)': () => readSoapAnswer(200, 'text/xml; charset=utf-8', ANSWER),
  'parseWsdl (demo DiwAppChk WSDL)': () => parseWsdl(WSDL),
};

// A vitest "test" only so that TypeScript sources run as they are; it measures and prints, and
// asserts nothing about time. It runs in the `bench` project only, never in `npm test`.
test('domain speed', async () => {
  const bench = new Bench({ time: 300, warmupTime: 50 });
  for (const [name, fn] of Object.entries(CASES)) bench.add(name, fn);
  await bench.run();
  console.table(bench.table());
}, 120_000);
