/**
 * The token in text a person pasted, decoded: the first JWT-shaped run in it (a `Bearer` header
 * line, a JSON body), else the whole text, so a failure explains the text as pasted.
 */
import { decodeToken } from './decode-token';
import { findTokenInText } from './find-tokens';
import type { DecodeResult } from './decode-token';

export function readPastedText(text: string): DecodeResult {
  return decodeToken(findTokenInText(text)?.value ?? text);
}
