import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildTicketReport } from './report';
import { inspectToken } from './read-token';
import { formatIsoUtc, formatThaiDateTime } from './time-format';
import { isValidThaiIdChecksum } from './id-card';
import { EXP_SECONDS, NBF_SECONDS, SAMPLE_ID, makeToken, samplePayload, withCheckDigit } from '../test-support/tokens';
import type { VerificationResult } from './soap/answer';

const NOW = (NBF_SECONDS + 600) * 1000;
const SIGNATURE = 'QmVzdFNpZ25hdHVyZUV2ZXJfMTIzNDU2Nzg5MA';
const token = makeToken(samplePayload(), undefined, SIGNATURE);
const capture = {
  source: 'query',
  parameter: 'token',
  pageOrigin: 'https://app.example',
  pagePath: '/sso/callback',
  capturedAt: NOW - 5000,
};
const verified: VerificationResult = {
  checkedAt: NOW,
  roundTripMs: 123.4,
  clockSkewMs: -2000,
  endpoint: 'http://127.0.0.1:8080/DiwAppChk/DiwAppChk',
  outcome: {
    kind: 'answered',
    answer: { manualCase: 1, status: true, message: 'Token is valid', username: 'somchai.t', idCard: SAMPLE_ID },
  },
  findings: [],
};

function report(overrides: Partial<Parameters<typeof buildTicketReport>[0]> = {}): string {
  return buildTicketReport({
    inspection: inspectToken(token, NOW),
    capture,
    verification: verified,
    nowMs: NOW,
    language: 'en',
    format: 'markdown',
    ...overrides,
  });
}

/** A report on `compact` alone, read at `nowMs`: no capture and no verification unless `extra` gives them. */
function reportOn(compact: string, nowMs = NOW, extra: Partial<Parameters<typeof buildTicketReport>[0]> = {}): string {
  return buildTicketReport({
    inspection: inspectToken(compact, nowMs),
    nowMs,
    language: 'en',
    format: 'markdown',
    ...extra,
  });
}

describe('buildTicketReport', () => {
  it('gives verdict, times in Thai BE and ISO, time left, office path and claims', () => {
    const text = report();
    expect(text).toContain('**Verdict:** **Valid (not expired)**');
    expect(text).toContain(formatThaiDateTime(EXP_SECONDS * 1000));
    expect(text).toContain(formatIsoUtc(EXP_SECONDS * 1000));
    expect(text).toContain('**Time left:** 55 min');
    expect(text).toContain('กลุ่มสนับสนุนการตรวจราชการ 1 › สำนักงานอุตสาหกรรมจังหวัดนครปฐม');
    expect(text).toContain('นครปฐม (73)');
    expect(text).toContain('"username": "somchai.t"');
    expect(text).toContain('"alg": "HS256"');
    expect(text).toContain('1: Token is valid');
    expect(text).toContain('https://app.example/sso/callback');
    expect(text).toContain('No problems found');
  });

  it('never contains the raw national ID, the signature or the compact token', () => {
    for (const language of ['th', 'en'] as const) {
      for (const format of ['text', 'markdown'] as const) {
        const text = report({ language, format });
        expect(text).not.toContain(SAMPLE_ID);
        expect(text).not.toContain(SIGNATURE);
        expect(text).not.toContain(token);
        expect(text).not.toContain(token.split('.')[1]!);
        expect(text).toContain(`x-xxxx-xxxxx-${SAMPLE_ID.slice(10, 12)}-${SAMPLE_ID.slice(12)}`);
      }
    }
  });

  it('masks an ID hidden in an unknown claim, the verification answer, or a grouped form', () => {
    const other = withCheckDigit('510090054321');
    const grouped = `${other[0]}-${other.slice(1, 5)}-${other.slice(5, 10)}-${other.slice(10, 12)}-${other[12]}`;
    const inspection = inspectToken(makeToken(samplePayload({ legacy: { pid: grouped }, idcard: grouped })), NOW);
    const answer: VerificationResult = {
      ...verified,
      outcome: {
        kind: 'answered',
        answer: { manualCase: 1, status: true, message: `ok ${other}`, username: 'u', idCard: other },
      },
    };
    const text = buildTicketReport({ inspection, verification: answer, nowMs: NOW, language: 'th', format: 'text' });
    expect(text.replace(/\D/g, ' ')).not.toMatch(/\d{13}/);
    expect(text).not.toContain(grouped);
    expect(text).not.toContain(other);
  });

  it('drops a token from the page URL and says when it is not verified', () => {
    const text = report({
      capture: { ...capture, pagePath: `/cb/${token}` },
      verification: null,
      language: 'en',
      format: 'text',
    });
    expect(text).toContain('https://app.example/cb/[token]');
    expect(text).toContain('Not verified with the DiwLoginChk service');
  });

  it('lists findings with their next steps, in Thai by default wording', () => {
    const expiredAt = (EXP_SECONDS + 300) * 1000;
    const text = reportOn(token, expiredAt, { language: 'th', format: 'text' });
    expect(text).toContain('หมดอายุแล้ว');
    expect(text).toContain('(token-expired)');
    expect(text).toContain('สิ่งที่ควรทำ: ให้ผู้ใช้ล็อกอินใหม่');
    expect(text).toContain('หมดอายุมาแล้ว 5 นาที');
  });

  it('reports a failed verification and an unreadable token', () => {
    const failed: VerificationResult = {
      ...verified,
      roundTripMs: null,
      clockSkewMs: null,
      outcome: { kind: 'failed', code: 'connection-refused', detail: 'ECONNREFUSED 127.0.0.1:8080' },
    };
    const text = reportOn(`${token.split('.').slice(0, 2).join('.')}`, NOW, { verification: failed });
    expect(text).toContain('The token cannot be read');
    expect(text).toContain('(decode-wrong-part-count)');
    expect(text).toContain('connection-refused');
  });

  it('never leaks the ID or signature, whatever the payload holds', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[1-8]\d{11}$/),
        fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 })),
        fc.boolean(),
        (first12, extra, grouped) => {
          const id = withCheckDigit(first12);
          const shown = grouped ? `${id.slice(0, 1)} ${id.slice(1, 5)} ${id.slice(5, 10)} ${id.slice(10)}` : id;
          const compact = makeToken(
            { ...extra, ...samplePayload({ idcard: shown, note: `id ${id}` }) },
            undefined,
            SIGNATURE,
          );
          const text = reportOn(compact);
          expect(text).not.toContain(id);
          expect(text).not.toContain(SIGNATURE);
          expect(text).not.toContain(compact);
        },
      ),
      { numRuns: 100 },
    );
  });

  describe('leak probes: an ID written anywhere, in any form, is masked', () => {
    // Another person's ID than the token's own (SAMPLE_ID), so that only the redactor can catch it.
    const id = withCheckDigit('470030011223');
    const dotted = `${id[0]}.${id.slice(1, 5)}.${id.slice(5, 10)}.${id.slice(10, 12)}.${id[12]}`;
    const digitsOf = (text: string) => text.replace(/[^0-9]/g, '');
    const build = (
      payload: Record<string, unknown>,
      header?: Record<string, unknown>,
      extra: Partial<Parameters<typeof buildTicketReport>[0]> = {},
    ) => reportOn(makeToken(samplePayload(payload), header ?? { alg: 'HS256' }), NOW, extra);

    it.each([
      ['dotted, in a claim', { note: dotted }],
      ['as a JSON number that passes the check digit', { pid2: Number(id) }],
      ['in sub', { sub: `user-${id}` }],
      ['dotted inside email', { email: `${dotted}@example.go.th` }],
      ["dotted inside email, the token's own ID", { idcard: id, email: `${dotted}@example.go.th` }],
      ['as a key', { [id]: true }],
      ['in Thai digits', { note: id.replace(/[0-9]/g, (d) => '๐๑๒๓๔๕๖๗๘๙'[Number(d)]!) }],
    ])('%s', (_name, payload) => {
      const text = build(payload);
      expect(digitsOf(text.replace(/[๐-๙]/g, (d) => String('๐๑๒๓๔๕๖๗๘๙'.indexOf(d))))).not.toContain(id);
    });

    it('in the header kid', () => {
      expect(digitsOf(build({}, { alg: 'HS256', kid: dotted }))).not.toContain(id);
      expect(digitsOf(build({}, { alg: 'HS256', kid: Number(id) }))).not.toContain(id);
    });

    it("in the capture's page path and parameter name", () => {
      const text = build({}, undefined, {
        capture: {
          source: 'query',
          parameter: `p${dotted}`,
          pageOrigin: 'https://app.example',
          pagePath: `/u/${dotted}/cb`,
          capturedAt: NOW,
        },
      });
      expect(digitsOf(text)).not.toContain(id);
    });

    it('in a faultcode, a faultstring, a detail quoting a Status value, and a Message', () => {
      const failed: VerificationResult = {
        ...verified,
        outcome: {
          kind: 'failed',
          code: 'soap-fault',
          detail: `Status "${dotted}" says nothing`,
          faultCode: `S:${dotted}`,
          faultString: `no user ${id}`,
        },
      };
      expect(digitsOf(build({}, undefined, { verification: failed }))).not.toContain(id);
      const answered: VerificationResult = {
        ...verified,
        outcome: {
          kind: 'answered',
          answer: { manualCase: null, status: false, message: `user ${dotted}`, username: dotted, idCard: dotted },
        },
      };
      expect(digitsOf(build({}, undefined, { verification: answered }))).not.toContain(id);
    });

    it('keeps millisecond times and ordinary URLs as they are', () => {
      // A millisecond time that passes the ID check digit by chance is still a time under exp.
      let ms = NOW + 3_600_000;
      while (!isValidThaiIdChecksum(String(ms))) ms += 1;
      const redirected: VerificationResult = {
        ...verified,
        outcome: {
          kind: 'failed',
          code: 'http-status',
          detail: 'The service redirected to http://attacker.example.com/steal; not followed.',
        },
      };
      const text = build({ exp: ms, updated_at: ms }, undefined, { verification: redirected });
      expect(text).toContain(`"exp": ${ms}`);
      expect(text).toContain(`"updated_at": ${ms}`);
      expect(text).toContain('http://attacker.example.com/steal');
    });

    it('takes the ClientID out when the caller gives it', () => {
      const clientId = 'office-client-0042';
      const failed: VerificationResult = {
        ...verified,
        endpoint: `https://svc.example/chk?c=${clientId}`,
        outcome: { kind: 'failed', code: 'soap-fault', detail: `bad ClientID ${clientId}`, faultString: clientId },
      };
      const text = build({}, undefined, { verification: failed, secrets: { clientId } });
      expect(text).not.toContain(clientId);
      expect(text).toContain('[ClientID]');
    });
  });
});
