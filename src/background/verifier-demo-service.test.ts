import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSoapService } from '../../demo/soap-service.mjs';
import { DEMO_CLIENT_ID, signToken } from '../../demo/demo-tokens.mjs';
import { createVerifier } from './verifier';
import { DEFAULT_SETTINGS, type VerificationSettings } from '../shared/settings';
import type { WsdlDescription } from '../domain/soap/wsdl';
import { SOMCHAI, allowAll } from '../test-support/verifier-test-server';

describe('against the demo DiwAppChk SOAP service (node soap, real HTTP on 127.0.0.1)', () => {
  let service: { url: string; wsdlUrl: string; close: () => Promise<void> };
  let description: WsdlDescription;
  let settings: VerificationSettings;
  const verifier = createVerifier(allowAll);
  const nowSeconds = () => Math.floor(Date.now() / 1000);

  beforeAll(async () => {
    service = await startSoapService();
    const loaded = await verifier.loadWsdl(service.wsdlUrl);
    if (!loaded.ok) throw new Error(loaded.error.en);
    description = loaded.value;
    const operation = description.operations.find((op) => op.name === description.guess?.operation)!;
    // Everything comes from the WSDL, as the options page would fill it in.
    settings = {
      ...DEFAULT_SETTINGS.verification,
      clientId: DEMO_CLIENT_ID,
      endpoint: description.endpoint!,
      soapVersion: description.soapVersion,
      style: operation.style,
      namespace: operation.inputNamespace,
      operation: operation.name,
      soapAction: operation.soapAction,
      tokenParameter: description.guess!.tokenParameter!,
      clientIdParameter: description.guess!.clientIdParameter!,
    };
  });
  afterAll(async () => {
    await service?.close();
  });

  it('the WSDL names the endpoint, the operation and its parameters', () => {
    expect(description.endpoint).toBe(service.url);
    expect(description.guess).toEqual({
      operation: 'DiwLoginChk',
      operationKey: 'DiwAppChk/DiwAppChkPort/DiwLoginChk',
      tokenParameter: 'AccessToken',
      clientIdParameter: 'ClientID',
    });
  });

  it('case 1: a genuine, unexpired token → valid, Username and IDCard match the claims', async () => {
    const token = signToken({ ...SOMCHAI, exp: nowSeconds() + 3600, nbf: nowSeconds() - 300 });
    const result = await verifier.verify(token, settings, SOMCHAI);
    expect(result.outcome).toEqual({
      kind: 'answered',
      answer: { manualCase: 1, status: true, message: 'Token is valid', username: 'somchai.t', idCard: SOMCHAI.idcard },
    });
    expect(result.findings.map((f) => f.code)).toEqual(['verify-valid']);
    expect(result.endpoint).toBe(service.url);
    expect(result.roundTripMs).toBeGreaterThanOrEqual(0);
    // Same machine, same clock: whatever the skew is, it is far below the one-minute threshold.
    expect(Math.abs(result.clockSkewMs!)).toBeLessThan(60_000);
  });

  it('case 2: an expired token', async () => {
    const token = signToken({ ...SOMCHAI, exp: nowSeconds() - 60, nbf: nowSeconds() - 3960 });
    const result = await verifier.verify(token, settings, SOMCHAI);
    expect(result.outcome).toMatchObject({ kind: 'answered', answer: { manualCase: 2, status: false } });
    expect(result.findings[0]!.code).toBe('verify-expired');
  });

  it('case 3: a token signed by someone else', async () => {
    const forged = signToken({ ...SOMCHAI, exp: nowSeconds() + 3600 }, { key: 'not-the-sso-key' });
    const result = await verifier.verify(forged, settings, SOMCHAI);
    expect(result.outcome).toMatchObject({ kind: 'answered', answer: { manualCase: 3, status: false } });
    expect(result.findings[0]!.code).toBe('verify-not-genuine');
  });

  it('case 4: a wrong ClientID', async () => {
    const token = signToken({ ...SOMCHAI, exp: nowSeconds() + 3600 });
    const result = await verifier.verify(token, { ...settings, clientId: 'WRONG-CLIENT' }, SOMCHAI);
    expect(result.outcome).toMatchObject({ kind: 'answered', answer: { manualCase: 4, status: false } });
    expect(result.findings[0]!.code).toBe('verify-wrong-client-id');
  });

  it('a returned identity that is not the token’s own is flagged', async () => {
    const token = signToken({ ...SOMCHAI, exp: nowSeconds() + 3600 });
    const result = await verifier.verify(token, settings, { username: 'somsri.k', idcard: '3100500098763' });
    expect(result.findings.map((f) => f.code)).toEqual(
      expect.arrayContaining(['verify-username-differs', 'verify-idcard-differs']),
    );
  });

  it('a wrong operation name → soap-fault, explained as a settings problem', async () => {
    const result = await verifier.verify('a.b.c', { ...settings, operation: 'DiwLoginCheck' }, null);
    expect(result.outcome).toMatchObject({
      kind: 'failed',
      code: 'soap-fault',
      faultCode: 'S:Server',
      httpStatus: 500,
    });
    expect(result.findings[0]!.nextStep.en).toContain('operation and parameter names');
  });

  it('testConnection: the dummy token comes back as case 3, which proves the ClientID', async () => {
    const result = await verifier.testConnection(settings);
    expect(result.outcome).toMatchObject({ kind: 'answered', answer: { manualCase: 3 } });
    expect(result.findings.map((f) => f.code)).toEqual(['test-connection-ok']);
    const wrong = await verifier.testConnection({ ...settings, clientId: 'WRONG' });
    expect(wrong.findings.map((f) => f.code)).toEqual(['verify-wrong-client-id', 'test-connection-reachable']);
  });
});
