/**
 * Test support (never imported by product code): render options that put a component under a
 * page's language, as the page's root does. `render(<X />, inLanguage('en'))`; a `rerender`
 * keeps it.
 */
import type { ComponentChildren } from 'preact';
import { LanguageContext, type Language } from '../ui/strings';

export function inLanguage(language: Language) {
  return {
    wrapper: ({ children }: { children?: ComponentChildren }) => (
      <LanguageContext.Provider value={language}>{children}</LanguageContext.Provider>
    ),
  };
}
