/**
 * The background could not be reached. Kept in both languages, so a language switch re-words a
 * message already on screen.
 */
import type { Localized } from '../domain/finding';
import { inBothLanguages } from '../ui/strings';
import { POPUP_STRINGS } from './popup-strings';

export function backgroundError(error: unknown): Localized {
  return inBothLanguages(POPUP_STRINGS, 'app.backgroundError', {
    detail: error instanceof Error ? error.message : String(error),
  });
}
