/**
 * Test-only (never imported by product code): settings a page might send to be saved, mostly
 * well formed with now and then a hostile field, so that property tests see both accepted and
 * refused candidates. Each field is hostile with a small weight: with seventeen fields, an
 * even mix would almost never produce a candidate that passes.
 */
import fc from 'fast-check';
import { SETTINGS_VERSION, TEXT_LIMITS } from '../shared/settings';

const hostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything(),
  fc.constantFrom(
    undefined,
    null,
    '',
    ' ',
    'javascript:alert(1)',
    'http://user:pass@10.1.2.3/svc',
    10_000,
    1_000.5,
    'true',
    true,
    [],
    {},
  ),
);

/** Mostly `valid`, sometimes hostile. */
const mostly = <T>(valid: fc.Arbitrary<T>): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 30, arbitrary: valid }, { weight: 1, arbitrary: hostile });

const text = (limit: number) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.string({ maxLength: 40 }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        'x'.repeat(limit),
        'x'.repeat(limit + 1),
        ` ${'x'.repeat(limit)} `,
        ` ${'y'.repeat(limit - 1)}\t`,
      ),
    },
  );

const url = fc.oneof(
  { weight: 4, arbitrary: fc.webUrl({ withQueryParameters: true }) },
  { weight: 1, arbitrary: fc.webUrl().map((u) => ` ${u}\n`) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '',
      'http://127.0.0.1:8088/DiwAppChk/DiwAppChk',
      'http://diwinfo.diw.go.th:8080/DiwAppChk/DiwAppChk?wsdl',
      'https://[::1]/svc',
      'javascript:alert(1)',
      'ftp://10.1.2.3/',
      'http://u:p@10.1.2.3/',
      `http://10.1.2.3/${'a'.repeat(TEXT_LIMITS.endpoint)}`,
    ),
  },
);

const origin = fc.oneof(
  { weight: 4, arbitrary: fc.webUrl().map((u) => new URL(u).origin) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'http://10.1.2.3:8080',
      'http://10.1.2.3:8080/path',
      ' http://10.1.2.3',
      'HTTP://EXAMPLE.go.th',
      '*://*.diw.go.th',
    ),
  },
);

export function settingsCandidate(): fc.Arbitrary<Record<string, unknown>> {
  return fc.record({
    version: mostly(fc.constant(SETTINGS_VERSION)),
    language: mostly(fc.constantFrom('th', 'en')),
    verification: mostly(
      fc.record({
        wsdlUrl: mostly(url),
        clientId: mostly(text(TEXT_LIMITS.clientId)),
        timeoutMs: mostly(
          fc.oneof(
            { weight: 5, arbitrary: fc.integer({ min: 1_000, max: 120_000 }) },
            { weight: 1, arbitrary: fc.double() },
          ),
        ),
        autoVerify: mostly(fc.boolean()),
        autoVerifyOverPlainHttp: mostly(fc.boolean()),
        endpoint: mostly(url),
        soapVersion: mostly(fc.constantFrom('1.1', '1.2')),
        style: mostly(fc.constantFrom('document', 'rpc')),
        namespace: mostly(text(TEXT_LIMITS.namespace)),
        operation: mostly(text(TEXT_LIMITS.operation)),
        soapAction: mostly(text(TEXT_LIMITS.soapAction)),
        tokenParameter: mostly(text(TEXT_LIMITS.tokenParameter)),
        clientIdParameter: mostly(text(TEXT_LIMITS.clientIdParameter)),
      }),
    ),
    captureSites: mostly(fc.array(origin, { maxLength: 4 })),
  });
}
