import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readSoapAnswer, MAX_ANSWER_BYTES } from './answer';
import { S11, S12, XML, ID, envelope, answered, SOAP_FRAGMENTS } from '../../test-support/soap-answers';

describe('readSoapAnswer: failures', () => {
  it('SOAP 1.1 Fault', () => {
    const body = envelope(
      '<S:Fault><faultcode>S:Server</faultcode><faultstring>java.lang.NullPointerException</faultstring></S:Fault>',
    );
    expect(readSoapAnswer(500, XML, body)).toMatchObject({
      kind: 'failed',
      code: 'soap-fault',
      faultCode: 'S:Server',
      faultString: 'java.lang.NullPointerException',
      httpStatus: 500,
    });
  });

  it('SOAP 1.2 Fault with a subcode and several reason texts', () => {
    const body = envelope(
      '<S:Fault><S:Code><S:Value>S:Sender</S:Value><S:Subcode><S:Value>m:BadToken</S:Value></S:Subcode></S:Code><S:Reason><S:Text xml:lang="th">ผิด</S:Text><S:Text xml:lang="en">Bad token</S:Text></S:Reason></S:Fault>',
      S12,
    );
    expect(readSoapAnswer(400, 'application/soap+xml', body)).toMatchObject({
      code: 'soap-fault',
      faultCode: 'S:Sender / m:BadToken',
      faultString: 'Bad token',
    });
  });

  it('a fault that echoes the token and an ID number is redacted', () => {
    const body = envelope(
      `<S:Fault><faultcode>S:Client</faultcode><faultstring>bad eyJhbGciOi.eyJzdWIiOiIx.c2lnbmF0dXJl for ${ID}</faultstring></S:Fault>`,
    );
    const reading = readSoapAnswer(500, XML, body);
    expect(reading).toMatchObject({ code: 'soap-fault', faultString: 'bad [token] for [ID number]' });
    expect(JSON.stringify(reading)).not.toContain(ID);
  });

  it('HTTP 500 without a fault → http-status', () => {
    expect(readSoapAnswer(500, 'text/plain', 'Internal Server Error')).toMatchObject({
      code: 'http-status',
      httpStatus: 500,
    });
    expect(
      readSoapAnswer(404, 'text/html', '<!DOCTYPE html><html><head><title>404 Not Found</title></head></html>'),
    ).toMatchObject({ code: 'http-status', httpStatus: 404 });
    expect(readSoapAnswer(503, XML, '<error>busy</error>')).toMatchObject({ code: 'http-status', httpStatus: 503 });
    expect(readSoapAnswer(502, null, '')).toMatchObject({ code: 'http-status', httpStatus: 502 });
  });

  it('HTTP 200 with an HTML login page → not-xml, showing the page title', () => {
    const page =
      '<!DOCTYPE html><html><head><title>Proxy login</title></head><body><form><input name=u></form></body></html>';
    const reading = readSoapAnswer(200, 'text/html; charset=utf-8', page);
    expect(reading).toMatchObject({ code: 'not-xml' });
    expect(reading.kind === 'failed' && reading.detail).toContain('Proxy login');
    // Even when the proxy calls it XML, or well-formed XHTML.
    expect(readSoapAnswer(200, XML, page)).toMatchObject({ code: 'not-xml' });
    expect(readSoapAnswer(200, XML, '<html><body><p>Sign in</p></body></html>')).toMatchObject({ code: 'not-xml' });
    expect(readSoapAnswer(200, XML, '{"status":true}')).toMatchObject({ code: 'not-xml' });
    expect(readSoapAnswer(200, XML, '')).toMatchObject({ code: 'not-xml' });
  });

  it('XML with none of the fields → missing-fields, naming what it saw', () => {
    const reading = readSoapAnswer(200, XML, envelope('<x:R xmlns:x="urn:x"><return><code>0</code></return></x:R>'));
    expect(reading).toMatchObject({ code: 'missing-fields' });
    expect(reading.kind === 'failed' && reading.detail).toContain('code');
  });

  it('an empty Status and no Message (or an empty one) → missing-fields, not a blank answer', () => {
    // Found by the hostile-input property below: `<Status></Status>` once read as an answer with nothing in it.
    expect(readSoapAnswer(100, null, '<Status></Status>')).toMatchObject({ kind: 'failed', code: 'missing-fields' });
    const emptyBoth = readSoapAnswer(200, XML, envelope('<x:R xmlns:x="urn:x"><Status> </Status><Message/></x:R>'));
    expect(emptyBoth).toMatchObject({ kind: 'failed', code: 'missing-fields' });
    expect(emptyBoth.kind === 'failed' && emptyBoth.detail).toContain('say nothing');
    // A readable Status alone still answers; the empty Message is shown as absent.
    expect(answered(envelope('<x:R xmlns:x="urn:x"><Status>false</Status><Message></Message></x:R>'))).toMatchObject({
      status: false,
      message: null,
    });
  });

  it('bodies over 1 MB → too-large', () => {
    const big = envelope(`<x:R xmlns:x="urn:x"><Message>${'a'.repeat(MAX_ANSWER_BYTES)}</Message></x:R>`);
    expect(readSoapAnswer(200, XML, big)).toMatchObject({ code: 'too-large' });
    // Counted in UTF-8 bytes: Thai letters are three bytes each.
    expect(
      readSoapAnswer(200, XML, envelope(`<Message>${'ก'.repeat(MAX_ANSWER_BYTES / 3 + 10)}</Message>`)),
    ).toMatchObject({ code: 'too-large' });
  });

  it('a DOCTYPE with entities is refused, not expanded', () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><S:Envelope xmlns:S="${S11}"><S:Body><Message>&b;</Message></S:Body></S:Envelope>`;
    expect(readSoapAnswer(200, XML, bomb)).toMatchObject({ code: 'not-xml' });
  });
});

describe('readSoapAnswer on hostile input', () => {
  it('property: never throws, and always gives an answer or a known failure', () => {
    const codes = ['http-status', 'soap-fault', 'not-xml', 'missing-fields', 'too-large'];
    const fragment = fc.constantFrom(...SOAP_FRAGMENTS);
    const body = fc.oneof(
      fc.string(),
      fc.array(fc.oneof(fragment, fc.string({ maxLength: 4 })), { maxLength: 40 }).map((p) => p.join('')),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 599 }),
        fc.option(fc.string(), { nil: null }),
        body,
        (status, type, text) => {
          const reading = readSoapAnswer(status, type, text);
          if (reading.kind === 'failed') expect(codes).toContain(reading.code);
          else expect(reading.answer.status !== null || reading.answer.message !== null).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('property: a well-formed answer is read back whatever the values', () => {
    const value = fc
      .string({ minLength: 1, maxLength: 30 })
      // XML cannot carry these characters at all, so the generator leaves them out.
      // eslint-disable-next-line no-control-regex
      .map((s) => s.replace(/[\u0000-\u001F\uFFFE\uFFFF]/g, '').trim())
      .filter((s) => s !== '');
    const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    fc.assert(
      fc.property(value, value, fc.boolean(), fc.constantFrom(1, 2, 3, 4), (username, idCard, status, manualCase) => {
        const answer = answered(
          envelope(
            `<r:R xmlns:r="urn:r"><return><Username>${escape(username)}</Username><IDCard>${escape(idCard)}</IDCard><Status>${status}</Status><Message>${manualCase}</Message></return></r:R>`,
          ),
        );
        expect(answer).toEqual({ manualCase, status, message: String(manualCase), username, idCard });
      }),
    );
  });
});

describe('what the service said, redacted where it is read', () => {
  it('a Message that echoes a host name keeps it; a fault that quotes an ID with dots masks it', () => {
    expect(
      answered(envelope('<R><Status>false</Status><Message>Call www.example.com/help</Message></R>')).message,
    ).toBe('Call www.example.com/help');
    const dotted = `${ID[0]}.${ID.slice(1, 5)}.${ID.slice(5)}`;
    const fault = readSoapAnswer(
      500,
      XML,
      envelope(`<S:Fault><faultcode>S:${dotted}</faultcode><faultstring>user ${dotted}</faultstring></S:Fault>`),
    );
    expect(fault).toMatchObject({ code: 'soap-fault', faultCode: 'S:[ID number]', faultString: 'user [ID number]' });
  });
});
