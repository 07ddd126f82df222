/**
 * Which fields of the options page the organisation's policy locks. The page shows them read-only
 * and says who set them; the background enforces it whatever a page sends (settings-store.ts).
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { PolicyKey } from '../shared/managed-policy';
import type { FormField } from './verification-form';

/** The form's field for each policy key that has one: the form holds the timeout in seconds. */
function formFieldOf(key: PolicyKey): FormField | null {
  if (key === 'captureSites' || key === 'defaultLanguage') return null;
  return key === 'timeoutMs' ? 'timeoutSeconds' : key;
}

export function lockedFormFields(keys: readonly PolicyKey[]): ReadonlySet<FormField> {
  return new Set(keys.map(formFieldOf).filter((field): field is FormField => field !== null));
}

export const LockedFieldsContext = createContext<ReadonlySet<FormField>>(new Set());

/** Whether the policy sets this field. */
export function useLocked(field: FormField): boolean {
  return useContext(LockedFieldsContext).has(field);
}
