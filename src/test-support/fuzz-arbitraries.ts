/**
 * Test-only (never imported by product code): the generators of the domain's fuzz targets. They
 * reach nesting thousands deep, runs of tens of KB and tens of thousands of siblings.
 */
import fc from 'fast-check';
import { MANUAL_CLAIMS } from '../domain/claims';
import { upTo } from './fuzz';
import { base64url, samplePayload, withCheckDigit } from './tokens';

const THAI_DIGITS = '๐๑๒๓๔๕๖๗๘๙';
/** The text's digits alone, Thai ones in ASCII: an ID is "there" whatever separates its digits. */
export const digitsOf = (text: string) =>
  text.replace(/[๐-๙]/g, (d) => String(THAI_DIGITS.indexOf(d))).replace(/[^0-9]/g, '');

/** A run of one unit, up to `max` characters: the shape that makes a backtracking pattern slow. */
export const run = (max: number) =>
  fc
    .tuple(
      fc.constantFrom('a', ',', '.', '<', '>', '1', '"', '\\', 'eyJa.', '&amp;', ' ', '๑', '-', '%2', '/', '{"', '['),
      fc.integer({ min: 1, max }),
    )
    .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length));

/** Nesting `depth` deep around `inner`, for any opening and closing pair. */
export const nested = (
  depth: fc.Arbitrary<number>,
  pairs: ReadonlyArray<readonly [string, string]>,
  inner: fc.Arbitrary<string>,
) =>
  fc
    .tuple(depth, fc.constantFrom(...pairs), inner)
    .map(([d, [open, close], core]) => `${open.repeat(d)}${core}${close.repeat(d)}`);

/** A made-up person's ID (right check digit), and how it is written this time. */
export const person = fc
  .tuple(fc.stringMatching(/^[1-8][0-9]{11}$/), fc.constantFrom('plain', 'dashes', 'dots', 'spaces', 'thai', 'number'))
  .map(([first12, form]) => {
    const id = withCheckDigit(first12);
    const grouped = (sep: string) =>
      `${id[0]}${sep}${id.slice(1, 5)}${sep}${id.slice(5, 10)}${sep}${id.slice(10, 12)}${sep}${id[12]}`;
    const written: unknown =
      form === 'dashes'
        ? grouped('-')
        : form === 'dots'
          ? grouped('.')
          : form === 'spaces'
            ? grouped(' ')
            : form === 'thai'
              ? id.replace(/[0-9]/g, (d) => THAI_DIGITS[Number(d)]!)
              : form === 'number'
                ? Number(id)
                : id;
    return { id, written };
  });

// JSON text, written as text so that its depth is not limited by JSON.stringify's own recursion.
const jsonScalar = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)),
  run(upTo(20_000)).map((s) => JSON.stringify(s)),
);
export const manySiblings = fc
  .tuple(fc.integer({ min: 1, max: upTo(20_000) }), fc.boolean())
  .map(([count, asObject]) =>
    asObject
      ? `{${Array.from({ length: count }, (_, i) => `"k${i}":${i}`).join(',')}}`
      : `[${Array.from({ length: count }, (_, i) => i).join(',')}]`,
  );
export const jsonDeep = (maxArrayDepth: number) =>
  fc.oneof(
    nested(fc.integer({ min: 1, max: 6_000 }), [['{"a":', '}']], jsonScalar),
    nested(
      fc.integer({ min: 1, max: maxArrayDepth }),
      [
        ['[', ']'],
        ['[{"b":', '}]'],
      ],
      jsonScalar,
    ),
  );
const jsonValueText = (maxArrayDepth: number) =>
  fc.oneof(
    { weight: 4, arbitrary: jsonScalar },
    { weight: 1, arbitrary: jsonDeep(maxArrayDepth) },
    { weight: 1, arbitrary: manySiblings },
  );

/** The claims the time and org readers parse: the ones whose hostile values once overflowed the stack. */
export const TIME_AND_ORG = ['exp', 'nbf', 'iat', 'org'];
/** The manual's claims, the other registered ones a token may carry, and any short name. */
export const claimName = fc.oneof(
  fc.constantFrom(...MANUAL_CLAIMS.map((claim) => claim.name), 'sub', 'kid', 'iat', 'updated_at'),
  fc.string({ maxLength: 12 }),
);

/** A compact token whose payload is the manual's claims plus hostile ones, and the ID it carries. */
export function hostileToken(claims: fc.Arbitrary<string>, maxArrayDepth: number) {
  return fc
    .tuple(
      person,
      fc.array(fc.tuple(claims, jsonValueText(maxArrayDepth)), { maxLength: 4 }),
      fc.constantFrom('none', 'email', 'kid', 'key', 'note'),
      fc.stringMatching(/^[A-Za-z0-9_-]{0,80}$/),
    )
    .map(([{ id, written }, extra, hideAlsoIn, signature]) => {
      const base = JSON.stringify(
        samplePayload({
          idcard: written,
          ...(hideAlsoIn === 'email' ? { email: `${String(written)}@example.go.th` } : {}),
          ...(hideAlsoIn === 'note' ? { note: `id ${String(written)}` } : {}),
        }),
      ).slice(0, -1);
      const hostile = extra.map(([name, value]) => `,${JSON.stringify(name)}:${value}`).join('');
      const keyed = hideAlsoIn === 'key' ? `,${JSON.stringify(String(written))}:true` : '';
      const header = `{"alg":"HS256"${hideAlsoIn === 'kid' ? `,"kid":${JSON.stringify(String(written))}` : ''}}`;
      return { id, compact: `${base64url(header)}.${base64url(`${base}${hostile}${keyed}}`)}.${signature}`, signature };
    });
}
