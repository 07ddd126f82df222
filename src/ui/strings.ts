/**
 * The one way both pages say things in the reader's language. Each page keeps its own bilingual
 * table (data: `{ th: {...}, en: {...} }`, the English typed from the Thai so that neither can
 * lack a key); this module is the mechanism over any such table: a translator that fills
 * `{placeholders}`, and a hook that reads the page's language from one context.
 *
 * Thai is the default: the manual and its readers are Thai.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Localized } from '../domain/finding';

export type Language = keyof Localized;

/** One page's texts: every key in both languages. */
export type Bilingual<K extends string> = Record<Language, Record<K, string>>;

/**
 * A value to fill in: plain, or already written in both languages (a domain text, the
 * background's error), which is taken in the language shown. Keeping it bilingual until it is
 * drawn is what lets a message already on screen follow a language switch.
 */
export type MessageValue = string | number | Localized;

export type MessageValues = Readonly<Record<string, MessageValue>>;

export type Translate<K extends string> = (key: K, values?: MessageValues) => string;

/** Looks a key up in one language and fills its `{placeholders}`; an unknown one stays visible. */
export function translator<K extends string>(table: Bilingual<K>, language: Language): Translate<K> {
  const texts = table[language];
  return (key, values) =>
    texts[key].replace(/\{(\w+)\}/g, (whole, name: string) => {
      if (!values || !(name in values)) return whole;
      const value = values[name]!;
      return typeof value === 'object' ? value[language] : String(value);
    });
}

/** A table text in both languages, to keep in state and show in whichever language is current. */
export function inBothLanguages<K extends string>(table: Bilingual<K>, key: K, values?: MessageValues): Localized {
  return { th: translator(table, 'th')(key, values), en: translator(table, 'en')(key, values) };
}

/** The language of the page; each page provides it once, at its root. */
export const LanguageContext = createContext<Language>('th');

export function useLanguage(): Language {
  return useContext(LanguageContext);
}

export interface Strings<K extends string> {
  language: Language;
  t: Translate<K>;
  /** A text already in both languages (e.g. from the domain), in this language. */
  pick: (text: Localized) => string;
}

/** The page's language and a `t` over `table` in it. */
export function useStrings<K extends string>(table: Bilingual<K>): Strings<K> {
  return stringsFor(table, useLanguage());
}

export function stringsFor<K extends string>(table: Bilingual<K>, language: Language): Strings<K> {
  return { language, t: translator(table, language), pick: (text) => text[language] };
}
