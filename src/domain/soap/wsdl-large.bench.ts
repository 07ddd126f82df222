/**
 * How long reading a large WSDL takes, the way the background reads it (the main document, then
 * the documents it imports, then the description), beside the `soap` package reading the same
 * documents. Printed, never asserted.
 */
import { test } from 'vitest';
import * as soap from 'soap';
import { largeWsdl } from '../../test-support/large-wsdl';
import { describeWsdl, readWsdlDocument } from './wsdl';

const ROUNDS = 5;

function median(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

test('a 3 MB WSDL with 1,511 operations', async () => {
  const large = largeWsdl();
  const [main, ...rest] = Object.values(large.documents) as [string, ...string[]];
  const ours: number[] = [];
  const theirs: number[] = [];
  let operations = 0;
  for (let round = 0; round < ROUNDS; round += 1) {
    const started = performance.now();
    // As the background does it: each document read once, its imports listed from that reading.
    const parsed = describeWsdl(readWsdlDocument(main), rest.map(readWsdlDocument));
    ours.push(performance.now() - started);
    operations = parsed.ok ? parsed.description.operations.length : -1;

    const httpClient = {
      request(url: string, _data: unknown, callback: (error: unknown, response?: unknown, body?: string) => void) {
        const body = large.documents[url];
        if (body === undefined) callback(new Error(`not in the fixture: ${url}`));
        else callback(null, { status: 200, data: body }, body);
      },
    };
    const soapStarted = performance.now();
    const client = await soap.createClientAsync(large.entry, { httpClient, disableCache: true } as soap.IOptions);
    client.describe();
    theirs.push(performance.now() - soapStarted);
  }
  const megabytes = Object.values(large.documents).reduce((sum, text) => sum + text.length, 0) / 1024 / 1024;
  console.log(
    `large WSDL (${megabytes.toFixed(2)} MB, ${operations} operations read): ours median ${median(ours).toFixed(0)} ms ` +
      `[${ours.map((ms) => ms.toFixed(0)).join(', ')}], soap median ${median(theirs).toFixed(0)} ms ` +
      `[${theirs.map((ms) => ms.toFixed(0)).join(', ')}]`,
  );
}, 120_000);
