/**
 * Claim values made fit to show or report: every national ID number in them masked, wherever it
 * sits in the JSON (a string, a run of digits inside a string, a key, a number), since an ID can
 * hide in an unknown claim too.
 */
import { ID_DIGITS, isValidThaiIdChecksum, looksLikeIdNumber, maskIdCard, maskIdNumbersInText } from './id-card';

const MAX_MASK_DEPTH = 20;

/**
 * Keys under which a 13-digit number is a time, not an ID: the RFC 7519 claims and the usual
 * `…_at` / `…At` / `…time` / `…date` / `…ts` names. Milliseconds since 1970 have 13 digits
 * until the year 2286, and one in eleven passes the ID check digit by chance.
 */
const TIME_KEY = /^(?:exp|nbf|iat|auth_time|ts|time|date)$|(?:_at|At|_time|Time|_date|Date|_ts)$/;
/** Keys whose value is an ID number whatever its form. */
const ID_KEY = /^(?:id_?card|pid|cid|citizen_?id|national_?id|personal_?id|thai_?id)$/i;

/**
 * Whether a JSON number is a national ID to mask: under an ID key, any number of 10 digits or
 * more; elsewhere a 13-digit integer with the right check digit, unless its key names a time.
 * A number met without a key (a claim value shown alone) is left: most likely a time.
 */
function isIdNumberValue(value: number, key: string | null): boolean {
  if (key === null || !Number.isSafeInteger(value) || value < 0) return false;
  const digits = String(value);
  if (ID_KEY.test(key)) return digits.length >= 10;
  if (TIME_KEY.test(key)) return false;
  return digits.length === ID_DIGITS && isValidThaiIdChecksum(digits);
}

function maskValue(value: unknown, key: string | null, depth: number): unknown {
  if (depth > MAX_MASK_DEPTH) return '[…]';
  if (typeof value === 'string') return looksLikeIdNumber(value) ? maskIdCard(value) : maskIdNumbersInText(value);
  if (typeof value === 'number') return isIdNumberValue(value, key) ? maskIdCard(value) : value;
  if (Array.isArray(value)) return value.map((item) => maskValue(item, key, depth + 1));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([name, item]) => [maskIdNumbersInText(name), maskValue(item, name, depth + 1)]),
    );
  }
  return value;
}

/**
 * A copy of a claim value fit to show or report: an ID number is masked wherever it sits, since
 * it can hide in an unknown claim too: a string that is one, a run of digits inside a string
 * (an e-mail address, a `kid`), in any grouping and in Thai digits, a key, and a 13-digit number
 * under a key that passes the check digit (see isIdNumberValue for why times are spared). Give
 * `key`, the claim's name, when showing one claim's value, so a number at the top is judged too.
 */
export function maskIdNumbersIn(value: unknown, depth = 0, key: string | null = null): unknown {
  return maskValue(value, key, depth);
}

/** A payload with `idcard` masked whatever its form, and any ID number elsewhere masked too. */
export function maskIdNumbersInPayload(payload: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(payload).map(([key, value]) => [
      maskIdNumbersInText(key),
      key === 'idcard' ? maskIdCard(value) : maskValue(value, key, 0),
    ]),
  );
}
