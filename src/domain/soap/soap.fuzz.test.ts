import { describe, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { readSoapAnswer, MAX_ANSWER_BYTES } from './answer';
import { parseWsdl } from './wsdl';
import { MAX_REDACTED_LENGTH } from '../redact';
import { fuzz, TIMEOUT, upTo } from '../../test-support/fuzz';
import { nested, run } from '../../test-support/fuzz-arbitraries';
import { S11, SOAP_FRAGMENTS } from '../../test-support/soap-answers';

// The readers of what the verifier's service sends: its SOAP answer and its WSDL (harness:
// src/test-support/fuzz.ts).
describe('fuzz', () => {
  it('readSoapAnswer: never throws, always a known reading, texts bounded', { timeout: TIMEOUT }, () => {
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
    const wsdl = readFileSync(new URL('../../../demo/diwappchk.wsdl', import.meta.url), 'utf8');
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
});
