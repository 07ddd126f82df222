/**
 * Whether a claim repeats the national ID number. Some directories use the ID number as the
 * login name or the object id, so `username` or `sid` can carry the same personal number the
 * `idcard` claim does; masking only `idcard` would then show it anyway. Only the digits are
 * compared, so "1-2345-67890-12-3" and "u1234567890123" repeat "1234567890123".
 */

function digitsOf(value: unknown): string {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  return typeof value === 'string' ? value.replace(/\D/g, '') : '';
}

/** True when `value` has the same digits as `idNumber` (and the ID has any). */
export function echoesIdNumber(value: unknown, idNumber: unknown): boolean {
  const id = digitsOf(idNumber);
  return id !== '' && digitsOf(value) === id;
}
