/**
 * Rules for one field of a stored or submitted object: each takes an unknown value and gives it
 * back typed, or says in Thai and English what is wrong. Nothing is coerced from another type:
 * what is read from storage or comes in a message is checked, never trusted.
 */
import type { Localized } from '../domain/finding';

export type Rule<T> = (value: unknown) => { ok: true; value: T } | { ok: false; reason: Localized };

export const FIELD_REASONS = {
  notText: { th: 'ต้องเป็นข้อความ', en: 'must be text' },
  notBoolean: { th: 'ต้องเป็นจริงหรือเท็จ (true/false)', en: 'must be true or false' },
  notObject: { th: 'ต้องเป็นชุดค่า (object)', en: 'must be an object' },
  notList: { th: 'ต้องเป็นรายการ (array)', en: 'must be a list (array)' },
} satisfies Record<string, Localized>;

const tooLong = (limit: number): Localized => ({ th: `ยาวเกิน ${limit} ตัวอักษร`, en: `longer than ${limit} characters` });
const notOneOf = (allowed: readonly string[]): Localized => ({
  th: `ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้: ${allowed.join(', ')}`,
  en: `must be one of: ${allowed.join(', ')}`,
});

/** Text, trimmed, no longer than `limit`, and (when given) passing `rule`. */
export function text(limit: number, rule?: { test: (value: string) => boolean; reason: Localized }): Rule<string> {
  return (value) => {
    if (typeof value !== 'string') return { ok: false, reason: FIELD_REASONS.notText };
    const trimmed = value.trim();
    if (trimmed.length > limit) return { ok: false, reason: tooLong(limit) };
    if (rule && !rule.test(trimmed)) return { ok: false, reason: rule.reason };
    return { ok: true, value: trimmed };
  };
}

export function oneOf<T extends string>(allowed: readonly T[]): Rule<T> {
  return (value) =>
    typeof value === 'string' && (allowed as readonly string[]).includes(value)
      ? { ok: true, value: value as T }
      : { ok: false, reason: notOneOf(allowed) };
}

export const boolean: Rule<boolean> = (value) =>
  typeof value === 'boolean' ? { ok: true, value } : { ok: false, reason: FIELD_REASONS.notBoolean };
