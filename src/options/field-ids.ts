import type { FormField } from './verification-form';

/** The id of each verification field's control on the options page (labels and focus use it). */
export const FIELD_INPUT_IDS: Record<FormField, string> = {
  wsdlUrl: 'wsdl-url',
  clientId: 'client-id',
  timeoutSeconds: 'timeout',
  autoVerify: 'auto-verify',
  autoVerifyOverPlainHttp: 'auto-verify-plain-http',
  endpoint: 'endpoint',
  soapVersion: 'soap-version',
  style: 'style',
  namespace: 'namespace',
  operation: 'operation',
  soapAction: 'soap-action',
  tokenParameter: 'token-parameter',
  clientIdParameter: 'client-id-parameter',
};
