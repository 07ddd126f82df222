/**
 * The page's language and its `t`, handed down through context so that every component reads
 * the same catalogue without threading props through each level.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { translator, type Language, type Translate } from './options-strings';
import type { MessageText, MessageValue } from './status-report';

export interface Strings {
  language: Language;
  t: Translate;
  /** A catalogue text with its values, each Localized value taken in this language. */
  text: (message: MessageText) => string;
}

export function stringsFor(language: Language): Strings {
  const t = translator(language);
  const resolve = (value: MessageValue) => (typeof value === 'object' ? value[language] : value);
  return {
    language,
    t,
    text: ({ key, values }) => t(key, values && Object.fromEntries(Object.entries(values).map(([name, value]) => [name, resolve(value)]))),
  };
}

export const StringsContext = createContext<Strings>(stringsFor('th'));

export function useStrings(): Strings {
  return useContext(StringsContext);
}
