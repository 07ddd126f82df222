import { describe, expect, it } from 'vitest';
import { manualCaseOf, readSoapAnswer } from './answer';
import { S12, XML, ID, envelope, answered } from '../../test-support/soap-answers';

describe('manualCaseOf', () => {
  it.each([
    ['1', 1],
    ['1: Token is valid', 1],
    ['  token   IS valid. ', 1],
    ['2 - Token is expired', 2],
    ['Token is expired', 2],
    ['3: Mismatch data in received token', 3],
    ['MISMATCH DATA IN RECEIVED TOKEN', 3],
    ['4', 4],
    ['4: Unable to Authenticate Please Try Again', 4],
    ['unable to authenticate  please try again', 4],
  ] as const)('%j → case %i', (message, expected) => {
    expect(manualCaseOf(message)).toBe(expected);
  });

  it.each(['', '0', '5', '1: Token is expired', 'OK', 'Token valid', 'Success'])('%j → unrecognised', (message) => {
    expect(manualCaseOf(message)).toBeNull();
  });
});

describe('readSoapAnswer: where the fields are', () => {
  it('a JAX-WS structure in a namespaced response wrapper', () => {
    const body = envelope(
      `<ns2:DiwLoginChkResponse xmlns:ns2="http://diw.go.th/"><return><Username>somchai.j</Username><IDCard>${ID}</IDCard><Status>true</Status><Message>1: Token is valid</Message></return></ns2:DiwLoginChkResponse>`,
    );
    expect(answered(body)).toEqual({
      manualCase: 1,
      status: true,
      message: '1: Token is valid',
      username: 'somchai.j',
      idCard: ID,
    });
  });

  it('namespaced fields in another letter case, SOAP 1.2 envelope', () => {
    const body = envelope(
      `<r:resp xmlns:r="urn:x"><r:USERNAME>u1</r:USERNAME><r:idcard>${ID}</r:idcard><r:status>FALSE</r:status><r:message>Token is expired</r:message></r:resp>`,
      S12,
    );
    expect(answered(body, 200, 'application/soap+xml')).toEqual({
      manualCase: 2,
      status: false,
      message: 'Token is expired',
      username: 'u1',
      idCard: ID,
    });
  });

  it('rpc/encoded values with xsi:type attributes', () => {
    const body = envelope(
      `<ns1:DiwLoginChkResponse xmlns:ns1="urn:DiwAppChk" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><result xsi:type="ns1:Answer"><Status xsi:type="xsd:boolean">false</Status><Message xsi:type="xsd:string">3</Message><Username xsi:nil="true"/><IDCard xsi:nil="true"/></result></ns1:DiwLoginChkResponse>`,
    );
    expect(answered(body)).toEqual({ manualCase: 3, status: false, message: '3', username: null, idCard: null });
  });

  it('a string return that holds escaped XML', () => {
    const inner = `&lt;result&gt;&lt;Username&gt;somchai.j&lt;/Username&gt;&lt;IDCard&gt;${ID}&lt;/IDCard&gt;&lt;Status&gt;true&lt;/Status&gt;&lt;Message&gt;Token is valid&lt;/Message&gt;&lt;/result&gt;`;
    expect(
      answered(
        envelope(
          `<ns2:DiwLoginChkResponse xmlns:ns2="http://diw.go.th/"><return>${inner}</return></ns2:DiwLoginChkResponse>`,
        ),
      ),
    ).toEqual({
      manualCase: 1,
      status: true,
      message: 'Token is valid',
      username: 'somchai.j',
      idCard: ID,
    });
  });

  it('a string return that holds an XML fragment (several top-level elements, with a declaration)', () => {
    const inner = `<?xml version="1.0"?><Username>somchai.j</Username><IDCard>${ID}</IDCard><Status>false</Status><Message>2</Message>`;
    expect(
      answered(
        envelope(`<x:R xmlns:x="urn:x"><return>${inner.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</return></x:R>`),
      ),
    ).toEqual({ manualCase: 2, status: false, message: '2', username: 'somchai.j', idCard: ID });
  });

  it('XML inside a string inside a string is still read, but not without end', () => {
    const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const layered = (depth: number): string =>
      depth === 0 ? '<Status>true</Status><Message>1</Message>' : `<r>${escape(layered(depth - 1))}</r>`;
    expect(answered(envelope(`<x:R xmlns:x="urn:x">${layered(2)}</x:R>`))).toMatchObject({
      manualCase: 1,
      status: true,
    });
    expect(readSoapAnswer(200, XML, envelope(`<x:R xmlns:x="urn:x">${layered(8)}</x:R>`))).toMatchObject({
      kind: 'failed',
      code: 'missing-fields',
    });
  });

  it('a string return that holds XML in CDATA', () => {
    const body = envelope(
      `<x:R xmlns:x="urn:x"><return><![CDATA[<a:Answer xmlns:a="urn:a"><a:Status>false</a:Status><a:Message>4</a:Message></a:Answer>]]></return></x:R>`,
    );
    expect(answered(body)).toMatchObject({ manualCase: 4, status: false, message: '4' });
  });

  it('a string return that holds JSON', () => {
    const json = JSON.stringify({
      data: { Username: 'somchai.j', IDCard: ID, Status: true, Message: '1: Token is valid' },
    });
    expect(
      answered(
        envelope(`<x:R xmlns:x="urn:x"><return>${json.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</return></x:R>`),
      ),
    ).toEqual({
      manualCase: 1,
      status: true,
      message: '1: Token is valid',
      username: 'somchai.j',
      idCard: ID,
    });
  });

  it('a bare string return that is one of the manual messages', () => {
    expect(answered(envelope('<x:R xmlns:x="urn:x"><return>Token is expired</return></x:R>'))).toEqual({
      manualCase: 2,
      status: null,
      message: 'Token is expired',
      username: null,
      idCard: null,
    });
  });

  it('fields as attributes', () => {
    expect(
      answered(envelope(`<x:R xmlns:x="urn:x" Status="true" Message="1" Username="u" IDCard="${ID}"/>`)),
    ).toMatchObject({ manualCase: 1, status: true, username: 'u', idCard: ID });
  });

  it('blots a token or an ID number echoed in the Message, and still maps the case', () => {
    const echoed = answered(
      envelope(
        `<x:R xmlns:x="urn:x"><Status>false</Status><Message>bad token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abcdef for ${ID}</Message></x:R>`,
      ),
    );
    expect(echoed).toMatchObject({ manualCase: null, message: 'bad token [token] for [ID number]' });
    expect(
      answered(envelope('<x:R xmlns:x="urn:x"><Status>true</Status><Message>1: Token is valid</Message></x:R>')),
    ).toMatchObject({ manualCase: 1 });
  });

  it('keeps an unrecognised message as it came, with manualCase null', () => {
    expect(
      answered(envelope('<x:R xmlns:x="urn:x"><Status>true</Status><Message>Everything OK</Message></x:R>')),
    ).toEqual({ manualCase: null, status: true, message: 'Everything OK', username: null, idCard: null });
  });

  it('keeps leading zeros and does not turn values into numbers', () => {
    expect(
      answered(envelope('<x:R xmlns:x="urn:x"><Status>1</Status><Message>1</Message><IDCard>0012</IDCard></x:R>')),
    ).toMatchObject({ status: true, idCard: '0012' });
  });

  it('a real SOAP answer mislabelled text/html is still read', () => {
    expect(answered(envelope('<r><Status>true</Status><Message>1</Message></r>'), 200, 'text/html')).toMatchObject({
      manualCase: 1,
    });
  });

  it('a plain XML answer without an envelope is still read', () => {
    expect(answered('<Answer><Status>true</Status><Message>1</Message></Answer>')).toMatchObject({
      manualCase: 1,
      status: true,
    });
  });
});
