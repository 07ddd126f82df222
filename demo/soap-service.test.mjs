import { describe, expect, it } from 'vitest';
import { diwLoginChk, startSoapService } from './soap-service.mjs';
import { DEMO_CLIENT_ID, signToken } from './demo-tokens.mjs';

const NOW = Date.UTC(2026, 0, 15, 3, 0, 0);
const claims = { username: 'somchai.t', idcard: '1100700000019', exp: NOW / 1000 + 600, nbf: NOW / 1000 - 3300 };

describe('diwLoginChk (the demo service decision, manual §4.2)', () => {
  it('case 1: a genuine, unexpired token with the right ClientID', () => {
    expect(diwLoginChk({ AccessToken: signToken(claims), ClientID: DEMO_CLIENT_ID }, NOW)).toEqual({
      Username: 'somchai.t',
      IDCard: '1100700000019',
      Status: true,
      Message: 'Token is valid',
    });
  });
  it('case 2: genuine but expired — Status false, the owner still named', () => {
    expect(diwLoginChk({ AccessToken: signToken(claims), ClientID: DEMO_CLIENT_ID }, NOW + 601_000)).toEqual({
      Username: 'somchai.t',
      IDCard: '1100700000019',
      Status: false,
      Message: 'Token is expired',
    });
  });
  it('case 3: a token signed with another key, or not a token at all', () => {
    expect(
      diwLoginChk({ AccessToken: signToken(claims, { key: 'other' }), ClientID: DEMO_CLIENT_ID }, NOW),
    ).toMatchObject({ Status: false, Message: 'Mismatch data in received token', Username: '' });
    expect(diwLoginChk({ ClientID: DEMO_CLIENT_ID }, NOW)).toMatchObject({
      Message: 'Mismatch data in received token',
    });
  });
  it('case 4: a wrong or missing ClientID wins over everything else', () => {
    expect(diwLoginChk({ AccessToken: signToken(claims), ClientID: 'WRONG' }, NOW)).toEqual({
      Username: '',
      IDCard: '',
      Status: false,
      Message: 'Unable to Authenticate Please Try Again',
    });
    expect(diwLoginChk({ AccessToken: signToken(claims) }, NOW)).toMatchObject({
      Status: false,
      Message: 'Unable to Authenticate Please Try Again',
    });
  });
  it('refuses to listen anywhere but 127.0.0.1', () => {
    expect(() => startSoapService({ host: '0.0.0.0' })).toThrow(/127\.0\.0\.1/);
  });
  it('serves its WSDL with the address it listens on', async () => {
    const service = await startSoapService();
    try {
      const wsdl = await (await fetch(service.wsdlUrl)).text();
      expect(service.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/DiwAppChk\/DiwAppChk$/);
      expect(wsdl).toContain(`location="${service.url}"`);
    } finally {
      await service.close();
    }
  });
  it('answers an unknown operation with a SOAP Fault, as JAX-WS does, without a stack trace', async () => {
    const service = await startSoapService();
    try {
      const body =
        '<?xml version="1.0"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><tns:Nope xmlns:tns="http://ws.diwappchk.diw.go.th/"/></soapenv:Body></soapenv:Envelope>';
      const response = await fetch(service.url, {
        method: 'POST',
        headers: { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: '""' },
        body,
      });
      const text = await response.text();
      expect(response.status).toBe(500);
      expect(text).toContain('<S:Fault><faultcode>S:Server</faultcode><faultstring>');
      expect(text).not.toContain('node_modules');
    } finally {
      await service.close();
    }
  });
});
