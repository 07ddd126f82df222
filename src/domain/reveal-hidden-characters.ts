/**
 * Makes the characters a reader cannot see into visible marks, e.g. `⟨U+202E⟩`. Claims are
 * written by whoever made the token: a RIGHT-TO-LEFT OVERRIDE (U+202E) can make "ttocs" read as
 * "scott", an isolate (U+2066–U+2069) can move text across a label, and a zero-width space or
 * joiner (U+200B–U+200D, U+2060, U+FEFF) can make two different user names look the same
 * (Unicode TR #36 §2.3, "Bidirectional Text Spoofing"; CVE-2021-42574 "Trojan Source").
 *
 * Covered: every format character (general category Cf: the bidi embeddings, overrides,
 * isolates and marks incl. U+061C, zero-width characters, the BOM, invisible operators, tag
 * characters), control characters (Cc), the line and paragraph separators (Zl, Zp), and the
 * blank letters that render as nothing (Hangul fillers, U+034F COMBINING GRAPHEME JOINER).
 */

const HIDDEN = /[\p{Cf}\p{Cc}\p{Zl}\p{Zp}\u034F\u115F\u1160\u3164\uFFA0]/gu;

function mark(character: string): string {
  return `⟨U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}⟩`;
}

/** The text with each hidden character replaced by its visible code point mark. */
export function revealHiddenCharacters(text: string): string {
  return text.replace(HIDDEN, mark);
}
