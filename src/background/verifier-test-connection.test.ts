import { afterEach, describe, expect, it } from 'vitest';
import { createVerifier, TEST_CONNECTION_TOKEN } from './verifier';
import { allowAll, closeServers, envelope, serve, settingsFor } from '../test-support/verifier-test-server';

afterEach(closeServers);

describe('testConnection', () => {
  it('sends the dummy token', async () => {
    const { url, requests } = await serve((_req, res) =>
      res
        .writeHead(200, { 'Content-Type': 'text/xml' })
        .end(envelope('<r><Status>false</Status><Message>Mismatch data in received token</Message></r>')),
    );
    const result = await createVerifier(allowAll).testConnection(settingsFor(url));
    expect(requests[0]!.body).toContain(`<token>${TEST_CONNECTION_TOKEN}</token>`);
    expect(result.findings.map((f) => f.code)).toEqual(['test-connection-ok']);
  });
});
