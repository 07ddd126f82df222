/**
 * Builds the SOAP request that asks DiwLoginChk about a token (manual §4.1). The manual gives
 * neither the operation nor the parameter names, so everything here comes from the WSDL or from
 * what a person typed in the options page. Values are escaped by fast-xml-parser's builder, never
 * by string concatenation: a token is untrusted text.
 */
import { XMLBuilder } from 'fast-xml-parser';

export type SoapVersion = '1.1' | '1.2';

export interface SoapRequestOptions {
  endpoint: string;
  soapVersion: SoapVersion;
  /** `document` (literal wrapped, what JAX-WS generates) or `rpc`: both put one wrapper element named after the operation in the Body. */
  style: 'document' | 'rpc';
  /** The wrapper element's namespace; '' for none. */
  namespace: string;
  operation: string;
  soapAction: string;
  /** Parameter name → value, in the order they should appear. */
  parameters: Record<string, string>;
}

export interface SoapRequest {
  body: string;
  headers: Record<string, string>;
}

export const SOAP_ENVELOPE_NAMESPACE: Record<SoapVersion, string> = {
  '1.1': 'http://schemas.xmlsoap.org/soap/envelope/',
  '1.2': 'http://www.w3.org/2003/05/soap-envelope',
};

/**
 * An XML element name we are willing to write (an NCName, XML Namespaces §3). The builder
 * escapes values but not names, so names from a WSDL or a form are checked here.
 */
export function isXmlName(name: string): boolean {
  return /^[A-Za-z_\u00C0-\uFFEF][\w.\-\u00B7\u00C0-\uFFEF]*$/.test(name) && !/^xml/i.test(name);
}

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // Escapes & < > " ' in text and attribute values, which also breaks up a "]]>" in a token.
  processEntities: true,
  suppressEmptyNode: false,
  format: false,
});

/**
 * XML 1.0 §2.2 forbids most C0 control characters even when escaped; a pasted token carrying one
 * would make the whole request unreadable to the server, so they are dropped.
 */
function withoutXmlForbiddenCharacters(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}

/** Throws a TypeError when the operation or a parameter name is not a safe XML name. */
export function buildSoapRequest(options: SoapRequestOptions): SoapRequest {
  const { soapVersion, namespace, operation, soapAction, parameters } = options;
  for (const name of [operation, ...Object.keys(parameters)]) {
    if (!isXmlName(name)) throw new TypeError(`Not a usable XML element name: ${JSON.stringify(name)}`);
  }
  const wrapper: Record<string, unknown> = {};
  // Parameters are unqualified, as JAX-WS's default (elementFormDefault="unqualified") and rpc
  // style (WSDL 1.1 §3.5: parts are accessors without a namespace) both expect.
  for (const [name, value] of Object.entries(parameters)) wrapper[name] = withoutXmlForbiddenCharacters(value);
  let wrapperName = operation;
  if (namespace !== '') {
    wrapper['@_xmlns:tns'] = namespace;
    wrapperName = `tns:${operation}`;
  }
  const document = {
    'soapenv:Envelope': {
      '@_xmlns:soapenv': SOAP_ENVELOPE_NAMESPACE[soapVersion],
      'soapenv:Header': '',
      'soapenv:Body': { [wrapperName]: wrapper },
    },
  };
  const body = `<?xml version="1.0" encoding="utf-8"?>${builder.build(document) as string}`;
  const headers: Record<string, string> =
    soapVersion === '1.1'
      ? // SOAP 1.1 §6.1.1: SOAPAction is a quoted URI; "" means "the request URI says it all".
        { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: `"${soapAction.replace(/["\\\r\n]/g, '')}"` }
      : // SOAP 1.2 part 2 §7.1.4 / RFC 3902: the action travels as a media-type parameter.
        {
          'Content-Type': `application/soap+xml; charset=utf-8${soapAction ? `; action="${soapAction.replace(/["\\\r\n]/g, '')}"` : ''}`,
        };
  return { body, headers };
}
