/**
 * The one mapping from the verification settings to the DiwLoginChk SOAP request: which operation,
 * namespace and action, and which parameters carry the token and the ClientID. The verifier sends
 * it; the bench sends the same request as its raw-fetch baseline.
 */
import { buildSoapRequest } from '../domain/soap/envelope';
import type { VerificationSettings } from './settings';

export function verificationRequest(settings: VerificationSettings, endpoint: string, token: string) {
  return buildSoapRequest({
    endpoint,
    soapVersion: settings.soapVersion,
    style: settings.style,
    namespace: settings.namespace.trim(),
    operation: settings.operation.trim(),
    soapAction: settings.soapAction.trim(),
    parameters: {
      [settings.tokenParameter.trim()]: token,
      [settings.clientIdParameter.trim()]: settings.clientId.trim(),
    },
  });
}
