import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { appendFileSync, readFileSync } from 'node:fs';
import { decodeToken } from './decode-token';
import { findTokenInText, findTokensInForm, isJwtShaped } from './find-tokens';
import { inspectToken } from './inspect';
import { buildTicketReport } from './report';
import { resolveOrg } from './org';
import { readSoapAnswer, MAX_ANSWER_BYTES } from './soap/answer';
import { parseWsdl } from './soap/wsdl';
import { redactText, MAX_REDACTED_LENGTH } from './redact';
import { base64url, makeToken, samplePayload, withCheckDigit, NBF_SECONDS } from '../test-support/tokens';
import { SOAP_FRAGMENTS } from '../test-support/soap-answers';

/**
 * Fuzzing of every reader of input a site, a person or a service controls. Each target is a
 * fast-check property: it never throws, its output stays bounded, and the report never holds
 * the token or an unmasked ID number. The generators reach nesting thousands deep, runs of tens
 * of KB and tens of thousands of siblings.
 *
 * In `npm run unit` each target runs FUZZ_RUNS times (a few thousand by default) and fails with a
 * shrunk counterexample. `npm run fuzz` (scripts/fuzz.mjs) sets FUZZ_MODE, runs 100,000 cases per
 * target, and instead of failing counts the throws and broken properties and keeps the slowest
 * input's time, appending one JSON line per target to FUZZ_REPORT for the script to print.
 */
const FUZZ_MODE = process.env.FUZZ_MODE === '1';
const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
const TIMEOUT = Math.max(120_000, RUNS * 20);
/**
 * Long runs and sibling counts are a quarter as long in the unit run, so a few thousand cases per
 * target stay quick; nesting keeps its thousands of levels. `npm run fuzz` uses the full sizes.
 */
const SCALE = FUZZ_MODE ? 1 : 0.25;
const upTo = (max: number) => Math.round(max * SCALE);
const NOW = (NBF_SECONDS + 600) * 1000;
const THAI_DIGITS = '๐๑๒๓๔๕๖๗๘๙';
/** The text's digits alone, Thai ones in ASCII: an ID is "there" whatever separates its digits. */
const digitsOf = (text: string) => text.replace(/[๐-๙]/g, (d) => String(THAI_DIGITS.indexOf(d))).replace(/[^0-9]/g, '');

interface Summary {
  target: string;
  runs: number;
  throws: number;
  broken: number;
  slowestMs: number;
  slowestInput: string;
  firstProblem: string | null;
}

/** A few words about an input, never the whole of it (it may be 60 KB). */
function describeInput(input: unknown): string {
  const text =
    typeof input === 'string'
      ? input
      : (JSON.stringify(input, (_key, value) =>
          typeof value === 'string' && value.length > 60 ? `${value.slice(0, 60)}… (${value.length} chars)` : value,
        ) ?? String(input));
  return text.length > 300 ? `${text.slice(0, 300)}… (${text.length} chars)` : text;
}

/**
 * Runs `check` on `runs` generated inputs. It returns a problem in words, or null. Outside
 * FUZZ_MODE, a throw or a problem fails the test with fast-check's shrunk counterexample.
 */
function fuzz<T>(target: string, input: fc.Arbitrary<T>, check: (value: T) => string | null, runs = RUNS): void {
  const summary: Summary = {
    target,
    runs: 0,
    throws: 0,
    broken: 0,
    slowestMs: 0,
    slowestInput: '',
    firstProblem: null,
  };
  fc.assert(
    fc.property(input, (value) => {
      summary.runs += 1;
      const started = performance.now();
      let problem: string | null;
      try {
        problem = check(value);
      } catch (error) {
        if (!FUZZ_MODE) throw error;
        summary.throws += 1;
        summary.firstProblem ??= `throws ${error instanceof Error ? `${error.name}: ${error.message.slice(0, 120)}` : String(error)} on ${describeInput(value)}`;
        return true;
      }
      const elapsed = performance.now() - started;
      if (elapsed > summary.slowestMs) {
        summary.slowestMs = elapsed;
        summary.slowestInput = describeInput(value);
      }
      if (problem !== null) {
        if (!FUZZ_MODE) throw new Error(problem);
        summary.broken += 1;
        summary.firstProblem ??= `${problem} on ${describeInput(value)}`;
      }
      return true;
    }),
    { numRuns: runs, endOnFailure: true },
  );
  if (FUZZ_MODE && process.env.FUZZ_REPORT) appendFileSync(process.env.FUZZ_REPORT, `${JSON.stringify(summary)}\n`);
}

// ---------------------------------------------------------------------------------------------
// Building blocks

/** A run of one unit, up to `max` characters: the shape that makes a backtracking pattern slow. */
const run = (max: number) =>
  fc
    .tuple(
      fc.constantFrom('a', ',', '.', '<', '>', '1', '"', '\\', 'eyJa.', '&amp;', ' ', '๑', '-', '%2', '/', '{"', '['),
      fc.integer({ min: 1, max }),
    )
    .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length));

/** Nesting `depth` deep around `inner`, for any opening and closing pair. */
const nested = (
  depth: fc.Arbitrary<number>,
  pairs: ReadonlyArray<readonly [string, string]>,
  inner: fc.Arbitrary<string>,
) =>
  fc
    .tuple(depth, fc.constantFrom(...pairs), inner)
    .map(([d, [open, close], core]) => `${open.repeat(d)}${core}${close.repeat(d)}`);

/** A made-up person's ID (right check digit), and how it is written this time. */
const person = fc
  .tuple(fc.stringMatching(/^[1-8][0-9]{11}$/), fc.constantFrom('plain', 'dashes', 'dots', 'spaces', 'thai', 'number'))
  .map(([first12, form]) => {
    const id = withCheckDigit(first12);
    const grouped = (sep: string) =>
      `${id[0]}${sep}${id.slice(1, 5)}${sep}${id.slice(5, 10)}${sep}${id.slice(10, 12)}${sep}${id[12]}`;
    const written: unknown =
      form === 'dashes'
        ? grouped('-')
        : form === 'dots'
          ? grouped('.')
          : form === 'spaces'
            ? grouped(' ')
            : form === 'thai'
              ? id.replace(/[0-9]/g, (d) => THAI_DIGITS[Number(d)]!)
              : form === 'number'
                ? Number(id)
                : id;
    return { id, written };
  });

// JSON text, written as text so that its depth is not limited by JSON.stringify's own recursion.
const jsonScalar = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)),
  run(upTo(20_000)).map((s) => JSON.stringify(s)),
);
const manySiblings = fc
  .tuple(fc.integer({ min: 1, max: upTo(20_000) }), fc.boolean())
  .map(([count, asObject]) =>
    asObject
      ? `{${Array.from({ length: count }, (_, i) => `"k${i}":${i}`).join(',')}}`
      : `[${Array.from({ length: count }, (_, i) => i).join(',')}]`,
  );
const jsonDeep = (maxArrayDepth: number) =>
  fc.oneof(
    nested(fc.integer({ min: 1, max: 6_000 }), [['{"a":', '}']], jsonScalar),
    nested(
      fc.integer({ min: 1, max: maxArrayDepth }),
      [
        ['[', ']'],
        ['[{"b":', '}]'],
      ],
      jsonScalar,
    ),
  );
const jsonValueText = (maxArrayDepth: number) =>
  fc.oneof(
    { weight: 4, arbitrary: jsonScalar },
    { weight: 1, arbitrary: jsonDeep(maxArrayDepth) },
    { weight: 1, arbitrary: manySiblings },
  );

const TIME_AND_ORG = ['exp', 'nbf', 'iat', 'org'];
const claimName = fc.oneof(
  fc.constantFrom(
    'sid',
    'username',
    'idcard',
    'firstname',
    'lastname',
    'email',
    'iss',
    'sub',
    'kid',
    'exp',
    'nbf',
    'iat',
    'org',
    'updated_at',
  ),
  fc.string({ maxLength: 12 }),
);

/** A compact token whose payload is the manual's claims plus hostile ones, and the ID it carries. */
function hostileToken(claims: fc.Arbitrary<string>, maxArrayDepth: number) {
  return fc
    .tuple(
      person,
      fc.array(fc.tuple(claims, jsonValueText(maxArrayDepth)), { maxLength: 4 }),
      fc.constantFrom('none', 'email', 'kid', 'key', 'note'),
      fc.stringMatching(/^[A-Za-z0-9_-]{0,80}$/),
    )
    .map(([{ id, written }, extra, hideAlsoIn, signature]) => {
      const base = JSON.stringify(
        samplePayload({
          idcard: written,
          ...(hideAlsoIn === 'email' ? { email: `${String(written)}@example.go.th` } : {}),
          ...(hideAlsoIn === 'note' ? { note: `id ${String(written)}` } : {}),
        }),
      ).slice(0, -1);
      const hostile = extra.map(([name, value]) => `,${JSON.stringify(name)}:${value}`).join('');
      const keyed = hideAlsoIn === 'key' ? `,${JSON.stringify(String(written))}:true` : '';
      const header = `{"alg":"HS256"${hideAlsoIn === 'kid' ? `,"kid":${JSON.stringify(String(written))}` : ''}}`;
      return { id, compact: `${base64url(header)}.${base64url(`${base}${hostile}${keyed}}`)}.${signature}`, signature };
    });
}

function reportProblems({ id, compact, signature }: { id: string; compact: string; signature: string }): string | null {
  const inspection = inspectToken(compact, NOW);
  // One format per case, chosen by the token's length: both are covered across the runs.
  for (const format of [compact.length % 2 === 0 ? 'text' : 'markdown'] as const) {
    const report = buildTicketReport({ inspection, nowMs: NOW, language: format === 'text' ? 'th' : 'en', format });
    if (report.includes(compact)) return 'the report holds the token';
    if (signature.length >= 8 && report.includes(signature)) return 'the report holds the signature';
    if (compact.length > 40 && report.includes(compact.split('.')[1]!.slice(0, 40)))
      return 'the report holds the encoded payload';
    if (digitsOf(report).includes(id)) return 'the report holds the ID number';
    // Bounded: the payload shown is at most the token's, pretty-printed and with its texts cut.
    if (report.length > 8 * compact.length + 64 * 1024)
      return `the report is ${report.length} characters for a ${compact.length}-character token`;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------

describe('fuzz', () => {
  it(
    'decode → inspect → report: never throws, bounded, never the token nor an unmasked ID',
    { timeout: TIMEOUT },
    () => {
      const names = claimName.filter((name) => !TIME_AND_ORG.includes(name));
      fuzz('decode→inspect→report', hostileToken(names, 6_000), reportProblems);
    },
  );

  it('decode → inspect → report, with time and org claims nested thousands deep', { timeout: TIMEOUT }, () => {
    fuzz('decode→inspect→report (exp/nbf/iat/org)', hostileToken(claimName, 6_000), reportProblems);
    // Each time and org claim alone as an array 5,000 to 20,000 deep: the shapes that once made
    // the popup's readers overflow the stack.
    const deep = nested(fc.integer({ min: 5_000, max: 20_000 }), [['[', ']']], fc.constant('1'));
    fuzz(
      'decode→inspect→report (exp/nbf/iat/org arrays ≥ 5,000 deep)',
      fc.tuple(fc.constantFrom(...TIME_AND_ORG), deep).map(([claim, value]) => {
        const compact = `${base64url('{"alg":"HS256"}')}.${base64url(`${JSON.stringify(samplePayload()).slice(0, -1)},"${claim}":${value}}`)}.c2ln`;
        return { id: String(samplePayload().idcard), compact, signature: 'c2ln' };
      }),
      reportProblems,
      // Each case is a 20 KB parse and walk; a few hundred cover the four claims and the depths.
      Math.min(RUNS, 300),
    );
  });

  it('decodeToken: never throws, on any text', { timeout: TIMEOUT }, () => {
    const text = fc.oneof(
      fc.string({ maxLength: 200 }),
      run(upTo(300_000)),
      hostileToken(claimName, 6_000).map((t) => t.compact),
      fc.tuple(run(upTo(2_000)), fc.constantFrom('Bearer ', '"', '“', ' ')).map(([r, p]) => `${p}eyJ${r}${p}`),
    );
    fuzz('decodeToken', text, (value) => {
      const result = decodeToken(value);
      if (!result.ok && JSON.stringify(result.failure).length > 2_000) return 'the failure message is not bounded';
      return null;
    });
  });

  it('the org parser: never throws, bounded, whatever the claim holds', { timeout: TIMEOUT }, () => {
    const org = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.stringMatching(/^[0-9/ .-]{0,40}$/),
      run(upTo(70_000)),
      fc.jsonValue({ maxDepth: 4 }),
      fc.array(fc.integer(), { maxLength: upTo(20_000) }),
      // Deep values travel as JSON text and are parsed in the check: fast-check's own printing of
      // a value recurses, and would overflow on them before the parser is even reached.
      nested(fc.integer({ min: 1, max: 900 }), [['[', ']']], fc.constant('1')).map((json) => ({ json })),
      nested(fc.integer({ min: 1, max: 6_000 }), [['{"a":', '}']], fc.constant('"9/59/73"')).map((json) => ({ json })),
    );
    fuzz('org (resolveOrg)', org, (value) => {
      const isDeep =
        typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        Object.keys(value).length === 1 &&
        typeof (value as { json?: unknown }).json === 'string';
      const resolution = resolveOrg(isDeep ? (JSON.parse((value as { json: string }).json) as unknown) : value);
      if (resolution.raw.length > 200) return `raw is ${resolution.raw.length} characters`;
      if (JSON.stringify(resolution).length > 64 * 1024) return 'the resolution is not bounded';
      return null;
    });
  });

  it('readSoapAnswer: never throws, always a known reading, texts bounded', { timeout: TIMEOUT }, () => {
    const S11 = 'http://schemas.xmlsoap.org/soap/envelope/';
    const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const fragment = fc.constantFrom(...SOAP_FRAGMENTS);
    const inner = fc.oneof(
      fc.array(fc.oneof(fragment, fc.string({ maxLength: 4 })), { maxLength: 40 }).map((parts) => parts.join('')),
      run(upTo(60_000)).map((text) => `<R><Status>false</Status><Message>${escape(text)}</Message></R>`),
      run(upTo(60_000)).map(
        (text) =>
          `<S:Fault><faultcode>${escape(text.slice(0, 500))}</faultcode><faultstring>${escape(text)}</faultstring></S:Fault>`,
      ),
      run(upTo(60_000)).map((text) => `<R><Status>${escape(text)}</Status></R>`),
      nested(
        fc.integer({ min: 1, max: 6_000 }),
        [
          ['<a>', '</a>'],
          ['<x:a xmlns:x="urn:x">', '</x:a>'],
        ],
        fc.constant('<Status>true</Status><Message>1</Message>'),
      ),
      fc.integer({ min: 1, max: upTo(30_000) }).map((count) => `<R>${'<a/>'.repeat(count)}<Status>true</Status></R>`),
      nested(
        fc.integer({ min: 1, max: 6_000 }),
        [
          ['[', ']'],
          ['{"a":', '}'],
        ],
        fc.constant('{"Status":"true","Message":"1"}'),
      ).map((json) => `<R><return>${escape(json)}</return></R>`),
      fc.tuple(fc.integer({ min: 1, max: 6 }), run(upTo(2_000))).map(([layers, text]) => {
        let xml = `<Message>${escape(text)}</Message><Status>1</Status>`;
        for (let i = 0; i < layers; i += 1) xml = `<return>${escape(xml)}</return>`;
        return xml;
      }),
    );
    const body = fc.oneof(
      {
        weight: 4,
        arbitrary: inner.map((content) => `<S:Envelope xmlns:S="${S11}"><S:Body>${content}</S:Body></S:Envelope>`),
      },
      { weight: 1, arbitrary: inner },
      { weight: 1, arbitrary: run(upTo(300_000)) },
      {
        weight: 1,
        arbitrary: run(upTo(60_000)).map(
          (text) => `<html><head><title>${text}</title></head><body>${text}</body></html>`,
        ),
      },
    );
    const codes = ['http-status', 'soap-fault', 'not-xml', 'missing-fields', 'too-large'];
    fuzz(
      'readSoapAnswer',
      fc.tuple(fc.constantFrom(200, 500, 502), fc.constantFrom('text/xml', 'text/html', null), body),
      ([status, type, text]) => {
        const reading = readSoapAnswer(status, type, text);
        if (reading.kind === 'answered') {
          if (reading.answer.status === null && reading.answer.message === null) return 'an answer that says nothing';
          if ((reading.answer.message?.length ?? 0) > MAX_REDACTED_LENGTH + 1) return 'the Message is not cut';
          return null;
        }
        if (!codes.includes(reading.code)) return `unknown code ${reading.code}`;
        if (reading.detail.length > MAX_REDACTED_LENGTH + 1) return 'the detail is not cut';
        if (
          (reading.faultString?.length ?? 0) > MAX_REDACTED_LENGTH + 1 ||
          (reading.faultCode?.length ?? 0) > MAX_REDACTED_LENGTH + 1
        )
          return 'the fault is not cut';
        if (text.length > MAX_ANSWER_BYTES && reading.code !== 'too-large') return 'a body over the limit was read';
        return null;
      },
    );
  });

  it('parseWsdl: never throws, bounded', { timeout: TIMEOUT }, () => {
    const wsdl = readFileSync(new URL('../../demo/diwappchk.wsdl', import.meta.url), 'utf8');
    const insert = fc.oneof(
      run(upTo(60_000)).map((text) => `<documentation>${text.replace(/[<&]/g, '.')}</documentation>`),
      nested(
        fc.integer({ min: 1, max: 6_000 }),
        [
          ['<documentation>', '</documentation>'],
          ['<message name="m">', '</message>'],
        ],
        fc.constant('x'),
      ),
      fc
        .integer({ min: 1, max: upTo(30_000) })
        .map((count) =>
          '<message name="m"><part name="p" element="tns:DiwLoginChk"/></message>'.repeat(Math.ceil(count / 2)),
        ),
      fc
        .integer({ min: 1, max: upTo(10_000) })
        .map((count) => Array.from({ length: count }, (_, i) => `<portType name="p${i}"/>`).join('')),
      fc
        .array(
          fc.constantFrom(
            '<',
            '>',
            '</',
            '/>',
            '<operation name="',
            '"',
            '<binding ',
            '<service>',
            '<port ',
            'xmlns:x="',
          ),
          { maxLength: 30 },
        )
        .map((parts) => parts.join('')),
    );
    const document = fc.oneof(
      { weight: 3, arbitrary: insert.map((text) => wsdl.replace('<types>', `${text}<types>`)) },
      { weight: 1, arbitrary: run(upTo(300_000)) },
      { weight: 1, arbitrary: insert },
    );
    fuzz('parseWsdl', fc.tuple(document, fc.array(insert, { maxLength: 2 })), ([xml, extra]) => {
      const result = parseWsdl(xml, extra);
      if (JSON.stringify(result).length > 2 * xml.length + 64 * 1024) return 'the result is not bounded';
      return null;
    });
  });

  it('the request-body token reader: never throws, finds only JWT-shaped values', { timeout: TIMEOUT }, () => {
    const token = makeToken(samplePayload());
    const body = fc.oneof(
      run(upTo(300_000)),
      fc
        .tuple(run(upTo(30_000)), fc.constantFrom(token, `"${token}"`, `Bearer ${token}`, ''), run(upTo(30_000)))
        .map(([a, t, b]) => `${a} ${t} ${b}`),
      fc.string({ maxLength: 200 }),
      nested(
        fc.integer({ min: 1, max: 6_000 }),
        [
          ['{"a":', '}'],
          ['[', ']'],
        ],
        fc.constant(JSON.stringify(token)),
      ),
    );
    fuzz('findTokenInText', body, (text) => {
      const found = findTokenInText(text);
      if (found !== null && !isJwtShaped(found.value)) return 'found a value that is not JWT-shaped';
      return null;
    });
    const form = fc.dictionary(
      fc.string({ maxLength: 20 }),
      fc.array(fc.oneof(body, fc.constant(token)), { maxLength: 3 }),
      { maxKeys: 20 },
    );
    const wide = fc
      .integer({ min: 1, max: upTo(20_000) })
      .map((count) =>
        Object.fromEntries(Array.from({ length: count }, (_, i) => [`f${i}`, [i % 2 ? token : `x${i}`]])),
      );
    fuzz('findTokensInForm', fc.oneof(form, wide), (fields) => {
      const found = findTokensInForm(fields);
      const values = Object.values(fields).reduce((sum, list) => sum + list.length, 0);
      if (found.length > values) return 'more candidates than values';
      if (found.some((candidate) => !isJwtShaped(candidate.value))) return 'a candidate that is not JWT-shaped';
      return null;
    });
  });

  it('redactText: never throws, bounded, never the ID nor the ClientID', { timeout: TIMEOUT }, () => {
    const clientId = fc
      .stringMatching(/^[A-Za-z0-9][A-Za-z0-9._~-]{7,23}$/)
      .filter((id) => !/client|token|number/i.test(id));
    fuzz(
      'redactText',
      fc.tuple(run(upTo(60_000)), person, clientId, fc.string({ maxLength: 40 })),
      ([filler, { id, written }, client, around]) => {
        const text = `${around}${String(written)} ${client} ${around}${filler.slice(0, 2_000)}`;
        const out = redactText(text, { clientId: client });
        if (out.length > MAX_REDACTED_LENGTH + 1) return 'not cut';
        if (digitsOf(out).includes(id)) return 'the ID is there';
        if (out.includes(client)) return 'the ClientID is there';
        if (redactText(filler).length > MAX_REDACTED_LENGTH + 1) return 'a long run is not cut';
        return null;
      },
    );
  });
});

describe('fuzz generators reach the shapes they promise', () => {
  it('nesting thousands deep, long runs, many siblings', () => {
    const samples = fc.sample(fc.tuple(jsonDeep(900), run(upTo(60_000)), manySiblings), { numRuns: 300, seed: 7 });
    // Depth in levels (each level is at least two characters), length in characters.
    expect(Math.max(...samples.map(([deep]) => deep.length))).toBeGreaterThan(2 * 3_000);
    expect(Math.max(...samples.map(([, long]) => long.length))).toBeGreaterThan(upTo(60_000) / 2);
    expect(Math.max(...samples.map(([, , siblings]) => siblings.length))).toBeGreaterThan(upTo(20_000) * 2);
  });
});
