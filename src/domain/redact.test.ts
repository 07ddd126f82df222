import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CLIENT_ID_MARK,
  ID_NUMBER_MARK,
  MAX_REDACTED_LENGTH,
  TOKEN_MARK,
  redactText,
  redactVerificationResult,
} from './redact';
import { makeToken, withCheckDigit } from '../test-support/tokens';
import type { VerificationResult } from './soap/answer';

// Made-up people: only their check digits are right.
const ID = withCheckDigit('310060054321');
const OTHER_ID = withCheckDigit('570020098765');
const TOKEN = makeToken({ sub: 'x', idcard: ID });
const CLIENT_ID = 'c0ffee-4b1d-office-42';
const THAI_DIGITS = '๐๑๒๓๔๕๖๗๘๙';
const toThai = (digits: string) => digits.replace(/[0-9]/g, (d) => THAI_DIGITS[Number(d)]!);
/** The text's digits alone, Thai ones in ASCII: an ID "in sequence" is there whatever separates it. */
const digitsOf = (text: string) => text.replace(/[๐-๙]/g, (d) => String(THAI_DIGITS.indexOf(d))).replace(/[^0-9]/g, '');

describe('redactText', () => {
  it('replaces a JWT-shaped run, and only that', () => {
    expect(redactText(`bad token ${TOKEN} here`)).toBe(`bad token ${TOKEN_MARK} here`);
    expect(redactText(`token=${TOKEN}&next=1`)).toBe(`token=${TOKEN_MARK}&next=1`);
    for (const text of [
      'The service redirected to http://attacker.example.com/steal; not followed.',
      'see eyes.example.com and www.example.com or abcdefg.hijklmn.opq',
      'HTTP 500 at line 12, version 1.2.3, 10.0.0.1:8080',
      'a.b.c eyfoo.bar.baz',
    ]) {
      expect(redactText(text)).toBe(text);
    }
  });

  it.each([
    ['none', ID],
    ['dashes', `${ID[0]}-${ID.slice(1, 5)}-${ID.slice(5, 10)}-${ID.slice(10, 12)}-${ID[12]}`],
    ['dots', `${ID[0]}.${ID.slice(1, 5)}.${ID.slice(5, 10)}.${ID.slice(10, 12)}.${ID[12]}`],
    ['spaces', `${ID[0]} ${ID.slice(1, 5)} ${ID.slice(5, 10)} ${ID.slice(10, 12)} ${ID[12]}`],
    ['underscores', `${ID.slice(0, 5)}_${ID.slice(5)}`],
    ['slashes', `${ID.slice(0, 1)}/${ID.slice(1, 5)}/${ID.slice(5)}`],
    ['spaced dashes', `${ID[0]} - ${ID.slice(1, 5)} - ${ID.slice(5)}`],
    ['URL-encoded spaces', `${ID[0]}%20${ID.slice(1, 5)}%20${ID.slice(5)}`],
    ['Thai digits', toThai(ID)],
    ['Thai digits with dashes', toThai(`${ID[0]}-${ID.slice(1, 5)}-${ID.slice(5)}`)],
  ])('masks an ID number written with %s', (_name, written) => {
    const out = redactText(`user ${written}@example.go.th says hi`);
    expect(out).toBe(`user ${ID_NUMBER_MARK}@example.go.th says hi`);
    expect(digitsOf(out)).not.toContain(ID);
  });

  it('masks an ID with a digit typed beside it, but not shorter numbers', () => {
    expect(redactText(`9${ID}`)).toBe(ID_NUMBER_MARK);
    expect(redactText('call 02 202 4000 ext 12')).toBe('call 02 202 4000 ext 12');
    expect(redactText('2026-12-02 13:55:26')).toBe('2026-12-02 13:55:26');
  });

  // The fuzz target's counterexample (redact.fuzz.test.ts, seed 485928974, path "565"): `%` then an ID
  // written whole. Read as URL encoding, `%20` is a space, which left only 12 digits in the run
  // (`5` and `92719082593`) and the ID unmasked; as written, the run holds all 13.
  it('masks an ID written whole right after a `%`, where `%20` could be read as a space', () => {
    const id = '2092719082593';
    expect(withCheckDigit(id.slice(0, 12))).toBe(id);
    const client = 'x_C~5.~_b~_7-__.-8';
    const out = redactText(`=yXd5%${id} ${client} =yXd5%""""`, { clientId: client });
    expect(out).toBe(`=yXd${ID_NUMBER_MARK} ${CLIENT_ID_MARK} =yXd5%""""`);
    expect(digitsOf(out)).not.toContain(id);
    for (const before of ['5%', '5 %', '5-%', '5%20%', '%', 'x%']) {
      expect(redactText(`a ${before}${ID} b`), before).not.toContain(ID);
      expect(redactText(`a ${before}${ID.slice(0, 2)}`), before).toBe(`a ${before}${ID.slice(0, 2)}`);
    }
    // An ID that is URL-encoded itself is still masked, and a 12-digit number beside an escape is not.
    expect(redactText(`${ID[0]}%20${ID.slice(1)}`)).toBe(ID_NUMBER_MARK);
    expect(redactText('tel 02%2D202%2D4000%2D123')).toBe('tel 02%2D202%2D4000%2D123');
  });

  it('removes the ClientID, also URL-encoded or in another letter case, when it has 4 characters or more', () => {
    const spaced = 'my office id';
    expect(redactText(`ClientID=${CLIENT_ID} rejected`, { clientId: CLIENT_ID })).toBe(
      `ClientID=${CLIENT_ID_MARK} rejected`,
    );
    expect(redactText(`x=${CLIENT_ID.toUpperCase()}`, { clientId: CLIENT_ID })).toBe(`x=${CLIENT_ID_MARK}`);
    expect(
      redactText(`q=${encodeURIComponent(spaced)} f=${spaced.replace(/ /g, '+')} ${spaced}`, { clientId: spaced }),
    ).toBe(`q=${CLIENT_ID_MARK} f=${CLIENT_ID_MARK} ${CLIENT_ID_MARK}`);
    expect(redactText('a/b', { clientId: 'a/b&c' })).toBe('a/b');
    expect(redactText('path a%2Fb%26c', { clientId: 'a/b&c' })).toBe(`path ${CLIENT_ID_MARK}`);
    expect(redactText('path a%2fb%26c', { clientId: 'a/b&c' })).toBe(`path ${CLIENT_ID_MARK}`);
    // A 1-3 character ClientID would blot out ordinary words: it is left alone.
    expect(redactText('abc def', { clientId: 'abc' })).toBe('abc def');
    expect(redactText('abc def', { clientId: null })).toBe('abc def');
  });

  it('cuts long text at 4 KB, never leaving half a secret at the cut', () => {
    const long = `${'word '.repeat(2000)}`;
    const out = redactText(long);
    expect(out.length).toBeLessThanOrEqual(MAX_REDACTED_LENGTH + 1);
    expect(out.endsWith('…')).toBe(true);
    for (let shift = 0; shift < 40; shift += 1) {
      const pad = 'x '.repeat((MAX_REDACTED_LENGTH - 20 + shift) / 2) + (shift % 2 ? 'x' : '');
      for (const secret of [
        `${ID[0]}-${ID.slice(1, 5)}-${ID.slice(5, 10)}-${ID.slice(10, 12)}-${ID[12]}`,
        TOKEN,
        CLIENT_ID,
      ]) {
        const cut = redactText(`${pad}${secret} and more text after it`, { clientId: CLIENT_ID });
        expect(cut.length).toBeLessThanOrEqual(MAX_REDACTED_LENGTH + 1);
        expect(digitsOf(cut)).not.toContain(ID.slice(0, 5));
        expect(cut).not.toContain(TOKEN.slice(0, 12));
        expect(cut).not.toContain(CLIENT_ID.slice(0, 8));
      }
    }
  });

  it('never throws on what is not a string', () => {
    expect(redactText(undefined as unknown as string)).toBe('');
    expect(redactText(42 as unknown as string)).toBe('');
  });
});

describe('redactVerificationResult', () => {
  const dirty = `${TOKEN} ${CLIENT_ID} ${ID}`;
  const clean = `${TOKEN_MARK} ${CLIENT_ID_MARK} ${ID_NUMBER_MARK}`;
  const finding = {
    code: 'verify-soap-fault' as const,
    severity: 'error' as const,
    title: { th: dirty, en: dirty },
    detail: { th: dirty, en: dirty },
    nextStep: { th: dirty, en: dirty },
  };

  it('redacts every free-text field of a failure, and the endpoint', () => {
    const result: VerificationResult = {
      checkedAt: 1,
      roundTripMs: 2,
      clockSkewMs: null,
      endpoint: `https://svc.example/chk?client=${encodeURIComponent(CLIENT_ID)}`,
      outcome: {
        kind: 'failed',
        code: 'soap-fault',
        detail: dirty,
        httpStatus: 500,
        faultCode: dirty,
        faultString: dirty,
      },
      findings: [finding],
    };
    const out = redactVerificationResult(result, { clientId: CLIENT_ID });
    expect(out.endpoint).toBe(`https://svc.example/chk?client=${CLIENT_ID_MARK}`);
    expect(out.outcome).toEqual({
      kind: 'failed',
      code: 'soap-fault',
      detail: clean,
      httpStatus: 500,
      faultCode: clean,
      faultString: clean,
    });
    expect(out.findings).toEqual([
      {
        ...finding,
        title: { th: clean, en: clean },
        detail: { th: clean, en: clean },
        nextStep: { th: clean, en: clean },
      },
    ]);
    expect(out.checkedAt).toBe(1);
    expect(result.outcome).toMatchObject({ detail: dirty });
  });

  it('redacts the Message, keeps Username and IDCard (masking a Username that is an ID number)', () => {
    const answered = (username: string | null): VerificationResult => ({
      checkedAt: 1,
      roundTripMs: null,
      clockSkewMs: null,
      endpoint: 'http://127.0.0.1:8080/DiwAppChk/DiwAppChk',
      outcome: { kind: 'answered', answer: { manualCase: null, status: false, message: dirty, username, idCard: ID } },
      findings: [],
    });
    const out = redactVerificationResult(answered('somchai.t'), { clientId: CLIENT_ID });
    expect(out.endpoint).toBe('http://127.0.0.1:8080/DiwAppChk/DiwAppChk');
    expect(out.outcome).toEqual({
      kind: 'answered',
      answer: { manualCase: null, status: false, message: clean, username: 'somchai.t', idCard: ID },
    });
    const asId = redactVerificationResult(answered(`${OTHER_ID.slice(0, 6)}-${OTHER_ID.slice(6)}`));
    expect(asId.outcome.kind === 'answered' && asId.outcome.answer.username).toBe(
      `x-xxxx-xxxxx-${OTHER_ID.slice(10, 12)}-${OTHER_ID[12]}`,
    );
    expect(redactVerificationResult(answered(null)).outcome).toMatchObject({ answer: { username: null } });
  });
});

describe('redactText properties', () => {
  const separator = fc.constantFrom('', ' ', '.', '-', '_', '/', ' - ', '%20', '+', '\u00a0');
  /** An ID written in groups, each joined by a separator, in ASCII or Thai digits. */
  const writtenId = fc
    .tuple(fc.stringMatching(/^[1-8][0-9]{11}$/), fc.array(separator, { minLength: 12, maxLength: 12 }), fc.boolean())
    .map(([first12, separators, thai]) => {
      const id = withCheckDigit(first12);
      const written = id
        .split('')
        .map((digit, i) => `${i === 0 ? '' : separators[i - 1]}${thai ? toThai(digit) : digit}`)
        .join('');
      return { id, written };
    });
  const clientId = fc
    .stringMatching(/^[A-Za-z0-9][A-Za-z0-9._~-]{7,23}$/)
    .filter((id) => !/client|token|number/i.test(id));
  const around = fc.string({ maxLength: 60 });

  it('the output never holds the ID digits in sequence, nor the ClientID', () => {
    fc.assert(
      fc.property(
        around,
        writtenId,
        around,
        clientId,
        around,
        fc.boolean(),
        (a, { id, written }, b, client, c, encoded) => {
          const text = `${a}${written}${b}${encoded ? encodeURIComponent(client) : client}${c}`;
          const out = redactText(text, { clientId: client });
          expect(digitsOf(out)).not.toContain(id);
          expect(out).not.toContain(client);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('an ID written whole is masked whatever digits, separators and `%` escapes stand beside it', () => {
    // The fuzz target's flake: `5%` before an ID let `%20` take the ID's first two digits.
    const beside = fc
      .array(fc.constantFrom('%', '%2', '%20', '%2D', '5', '๕', ' ', '-', '.', 'a'), { maxLength: 6 })
      .map((parts) => parts.join(''));
    // Half the IDs start with `20` or `2`, the digits an escape (`%20`, `%2D`) can take.
    const id = fc
      .tuple(fc.constantFrom('', '2', '20'), fc.stringMatching(/^[1-8][0-9]{11}$/))
      .map(([start, rest]) => withCheckDigit(`${start}${rest}`.slice(0, 12)));
    fc.assert(
      fc.property(beside, fc.constantFrom('', '%'), id, fc.boolean(), beside, (before, percent, id, thai, after) => {
        const out = redactText(`${before}${percent}${thai ? toThai(id) : id}${after}`);
        expect(out).not.toContain(id);
        expect(out).not.toContain(toThai(id));
      }),
      { numRuns: 2000 },
    );
  });

  it('text without a token, an ID or the ClientID comes back unchanged (URLs, dotted host names)', () => {
    const label = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/);
    const host = fc.array(label, { minLength: 2, maxLength: 4 }).map((labels) => labels.join('.'));
    const word = fc.oneof(
      label,
      host,
      fc
        .tuple(fc.constantFrom('http', 'https'), host, fc.array(label, { maxLength: 4 }))
        .map(([scheme, h, path]) => `${scheme}://${h}/${path.join('/')}`),
      fc
        .tuple(fc.stringMatching(/^[a-z]{1,8}$/), fc.integer({ min: 0, max: 999_999_999_999 }))
        .map(([l, n]) => `${l}${n}`),
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 12 }), clientId, (words, client) => {
        const text = words.join(' ');
        fc.pre(!text.includes(client) && !text.toLowerCase().includes(client.toLowerCase()));
        expect(redactText(text, { clientId: client })).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });
});
