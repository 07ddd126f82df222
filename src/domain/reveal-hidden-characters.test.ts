import { describe, expect, it } from 'vitest';
import { revealHiddenCharacters } from './reveal-hidden-characters';

describe('revealHiddenCharacters', () => {
  it('marks bidi overrides, embeddings, isolates and marks', () => {
    for (const code of [
      0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x200e, 0x200f, 0x061c,
    ]) {
      const hex = code.toString(16).toUpperCase().padStart(4, '0');
      expect(revealHiddenCharacters(`a${String.fromCodePoint(code)}b`)).toBe(`a⟨U+${hex}⟩b`);
    }
  });

  it('marks zero-width characters, the BOM, word joiner, controls and tag characters', () => {
    expect(revealHiddenCharacters('\u200b\u200c\u200d\u2060\ufeff')).toBe('⟨U+200B⟩⟨U+200C⟩⟨U+200D⟩⟨U+2060⟩⟨U+FEFF⟩');
    expect(revealHiddenCharacters('x\u0000\u2028\u{E0041}')).toBe('x⟨U+0000⟩⟨U+2028⟩⟨U+E0041⟩');
  });

  it('a spoofed name reads as what it is', () => {
    expect(revealHiddenCharacters('admin\u202Egnp.exe')).toBe('admin⟨U+202E⟩gnp.exe');
  });

  it('leaves Thai, Latin and ordinary spaces alone', () => {
    const text = 'วิชัย ทดสอบ wichai.t@example.com 9/59/73 ก่ำ';
    expect(revealHiddenCharacters(text)).toBe(text);
  });
});
