/**
 * What the page says back after an action (load, save, test, add a site). Kept as string table keys
 * and values, not finished sentences, so a message already on screen follows a language switch.
 */
import type { ActionResult } from '../shared/messages';
import type { Finding, Localized } from '../domain/finding';
import type { MessageValues } from '../ui/strings';
import type { OptionsStringKey } from './options-strings';

export type Tone = 'success' | 'warning' | 'error' | 'info';

export interface MessageText {
  key: OptionsStringKey;
  values?: MessageValues;
}

export interface StatusReport {
  tone: Tone;
  /** A table text, or a text the background already wrote in both languages. */
  headline: MessageText | { raw: Localized };
  lines: MessageText[];
  findings: Finding[];
}

export function statusReport(
  tone: Tone,
  key: OptionsStringKey,
  values?: MessageValues,
  lines: MessageText[] = [],
): StatusReport {
  return { tone, headline: values ? { key, values } : { key }, lines, findings: [] };
}

/** An error thrown by the client (e.g. the background did not answer) as a text for people. */
export function errorText(error: unknown): Localized {
  const text = error instanceof Error ? error.message : String(error);
  return { th: text, en: text };
}

/** Runs a client call; a throw (e.g. the background did not answer) becomes a failed result. */
export async function attempt<T>(call: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  try {
    return await call();
  } catch (error) {
    return { ok: false, error: errorText(error) };
  }
}
