import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildSoapRequest, isXmlName, SOAP_ENVELOPE_NAMESPACE, type SoapRequestOptions } from './envelope';
import { childrenNamed, descendants, firstChild, readXml, type XmlElement } from './xml-tree';

const base: SoapRequestOptions = {
  endpoint: 'http://127.0.0.1:8080/DiwAppChk/DiwAppChk',
  soapVersion: '1.1',
  style: 'document',
  namespace: 'http://diw.go.th/',
  operation: 'DiwLoginChk',
  soapAction: '',
  parameters: { token: 'aaa.bbb.ccc', clientId: 'CLIENT-1' },
};

function parseBody(body: string): XmlElement {
  const read = readXml(body);
  if (!read.ok) throw new Error(read.detail);
  return read.root;
}

function wrapperOf(body: string, version: '1.1' | '1.2' = '1.1'): XmlElement {
  const envelope = parseBody(body);
  expect(envelope.local).toBe('Envelope');
  expect(envelope.ns).toBe(SOAP_ENVELOPE_NAMESPACE[version]);
  const soapBody = firstChild(envelope, 'Body', SOAP_ENVELOPE_NAMESPACE[version]);
  expect(soapBody).toBeDefined();
  expect(soapBody!.children).toHaveLength(1);
  return soapBody!.children[0]!;
}

describe('buildSoapRequest', () => {
  it('SOAP 1.1: text/xml with a quoted SOAPAction header and the 1.1 envelope namespace', () => {
    const request = buildSoapRequest({ ...base, soapAction: 'urn:DiwLoginChk' });
    expect(request.headers).toEqual({ 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: '"urn:DiwLoginChk"' });
    const wrapper = wrapperOf(request.body);
    expect(wrapper).toMatchObject({ local: 'DiwLoginChk', ns: 'http://diw.go.th/' });
    expect(wrapper.children.map((c) => [c.local, c.ns, c.text])).toEqual([
      ['token', '', 'aaa.bbb.ccc'],
      ['clientId', '', 'CLIENT-1'],
    ]);
  });

  it('SOAP 1.1 with no action still sends SOAPAction: "" (SOAP 1.1 §6.1.1)', () => {
    expect(buildSoapRequest(base).headers.SOAPAction).toBe('""');
  });

  it('SOAP 1.2: application/soap+xml with the action as a parameter, no SOAPAction header', () => {
    const request = buildSoapRequest({ ...base, soapVersion: '1.2', soapAction: 'urn:check' });
    expect(request.headers).toEqual({ 'Content-Type': 'application/soap+xml; charset=utf-8; action="urn:check"' });
    expect(wrapperOf(request.body, '1.2').local).toBe('DiwLoginChk');
    expect(buildSoapRequest({ ...base, soapVersion: '1.2' }).headers['Content-Type']).toBe(
      'application/soap+xml; charset=utf-8',
    );
  });

  it('rpc style puts the same wrapper named after the operation, parts unqualified', () => {
    const wrapper = wrapperOf(buildSoapRequest({ ...base, style: 'rpc', namespace: 'urn:DiwAppChk' }).body);
    expect(wrapper).toMatchObject({ local: 'DiwLoginChk', ns: 'urn:DiwAppChk' });
    expect(wrapper.children.map((c) => c.ns)).toEqual(['', '']);
  });

  it('an empty namespace gives an unqualified wrapper', () => {
    const request = buildSoapRequest({ ...base, namespace: '' });
    expect(request.body).not.toContain('xmlns:tns');
    expect(wrapperOf(request.body)).toMatchObject({ local: 'DiwLoginChk', ns: '' });
  });

  it('escapes <, & and ]]> inside a token, so the value cannot break out of its element', () => {
    const hostile = 'a<b>&c]]><evil/>"\'</token><injected>1</injected>';
    const request = buildSoapRequest({ ...base, parameters: { token: hostile } });
    expect(request.body).not.toContain('<evil');
    expect(request.body).not.toContain('<injected>');
    expect(request.body).not.toContain(']]>');
    expect(request.body).toContain('&lt;b&gt;&amp;c]]&gt;');
    const wrapper = wrapperOf(request.body);
    expect(wrapper.children).toHaveLength(1);
    expect(wrapper.children[0]!.text).toBe(hostile);
  });

  it('escapes a hostile namespace and action too', () => {
    const request = buildSoapRequest({ ...base, namespace: 'urn:"><x/>', soapAction: 'a"\r\nX-Evil: 1' });
    expect(wrapperOf(request.body).ns).toBe('urn:"><x/>');
    expect(request.headers.SOAPAction).toBe('"aX-Evil: 1"');
  });

  it('drops control characters XML 1.0 cannot carry', () => {
    const wrapper = wrapperOf(buildSoapRequest({ ...base, parameters: { token: 'a\u0000b\u0007c' } }).body);
    expect(wrapper.children[0]!.text).toBe('abc');
  });

  it('refuses element names that are not XML names (they are not escaped by the builder)', () => {
    expect(() => buildSoapRequest({ ...base, operation: 'Diw><x' })).toThrow(TypeError);
    expect(() => buildSoapRequest({ ...base, parameters: { 'to ken': 'x' } })).toThrow(TypeError);
    expect(() => buildSoapRequest({ ...base, operation: '' })).toThrow(TypeError);
    expect(isXmlName('arg0')).toBe(true);
    expect(isXmlName('ชื่อ')).toBe(true);
    expect(isXmlName('1abc')).toBe(false);
  });

  it('property: any value round-trips through the envelope unchanged', () => {
    const value = fc
      .array(
        fc.oneof(
          fc.string({ unit: 'grapheme' }),
          fc.constantFrom('<', '>', '&', ']]>', '"', "'", '&amp;', '<![CDATA[', '-->'),
        ),
        { maxLength: 12 },
      )
      .map((parts) => parts.join('').trim());
    fc.assert(
      fc.property(value, value, (token, clientId) => {
        const wrapper = wrapperOf(buildSoapRequest({ ...base, parameters: { token, clientId } }).body);
        const texts = childrenNamed(wrapper, 'token')
          .concat(childrenNamed(wrapper, 'clientId'))
          .map((c) => c.text);
        expect(descendants(wrapper)).toHaveLength(2);
        expect(texts).toEqual(
          [token, clientId].map((v) =>
            v
              // The characters XML 1.0 cannot carry, which the envelope builder drops.
              // eslint-disable-next-line no-control-regex
              .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
              .replace(/\r\n?/g, '\n')
              .trim(),
          ),
        );
      }),
    );
  });
});
