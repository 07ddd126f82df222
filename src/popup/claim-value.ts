/**
 * Reading one of the manual's claims out of an inspection for display. Every claim name and
 * value on screen goes through `displayValue`, because the token's issuer wrote them:
 * - hidden characters (bidi overrides, zero-width characters) are shown as `⟨U+202E⟩`, so a
 *   name cannot be made to read as another;
 * - the text is bounded in length and nesting, so a claim nested thousands deep or tens of KB
 *   long shows its start and "… N more characters" instead of freezing or breaking the popup.
 * Anything that is not a string is shown as JSON, so nothing is hidden.
 */
import type { ClaimReading } from '../domain/claims';
import type { TokenInspection } from '../domain/inspect';
import { boundedJson } from '../domain/bounded-json';
import { revealHiddenCharacters } from '../domain/reveal-hidden-characters';
import { echoesIdNumber } from '../domain/echoes-id-number';
import { maskIdCard } from '../domain/id-card';
import { translator, type Language } from '../ui/strings';
import { POPUP_STRINGS } from './popup-strings';

export type DecodedInspection = Extract<TokenInspection, { kind: 'decoded' }>;

/** A decoded token's claims: an inspection's, or a stored reading's (the switcher's labels). */
export interface WithClaims {
  claims: readonly ClaimReading[];
}

/** A claim value shows at most this much: a few lines of the popup, longer than any real claim. */
const MAX_SHOWN_CHARACTERS = 500;
/** A claim value shows this many levels of nesting: enough to see its shape. */
const MAX_SHOWN_DEPTH = 4;

export function claimReading(token: WithClaims, name: string): ClaimReading | undefined {
  return token.claims.find((claim) => claim.definition.name === name);
}

/** The claim's value as shown, or null when the token does not carry it. */
export function claimText(token: WithClaims, name: string, language: Language): string | null {
  const reading = claimReading(token, name);
  if (!reading || !reading.present) return null;
  return displayValue(reading.value, language);
}

/** Claims that some directories fill with the national ID number. */
const MAY_REPEAT_ID = ['username', 'sid'] as const;

/**
 * The claims (of `username` and `sid`) that repeat the national ID number, each masked like the
 * ID itself: it is the same personal number, so it stays hidden until the person reveals the ID.
 */
export function idRepeatingClaims(token: WithClaims): Map<string, string> {
  const idNumber = claimReading(token, 'idcard')?.value;
  const masked = new Map<string, string>();
  for (const name of MAY_REPEAT_ID) {
    const reading = claimReading(token, name);
    if (reading?.present && echoesIdNumber(reading.value, idNumber)) masked.set(name, maskIdCard(reading.value));
  }
  return masked;
}

/** Like `claimText`, but a claim that repeats the ID number is masked unless the person revealed the ID. */
export function personalClaimText(
  token: WithClaims,
  name: string,
  language: Language,
  revealId: boolean,
): { text: string; masked: boolean } | null {
  const text = claimText(token, name, language);
  if (text === null) return null;
  const masked = revealId ? undefined : idRepeatingClaims(token).get(name);
  return masked === undefined ? { text, masked: false } : { text: masked, masked: true };
}

/** A claim name or value as text fit for the screen (see the module comment). */
export function displayValue(value: unknown, language: Language): string {
  let text: string;
  let omitted: number;
  if (typeof value === 'string') {
    // By code point, so a cut never splits a surrogate pair into a stray half.
    const kept = [...value.slice(0, MAX_SHOWN_CHARACTERS + 1)].slice(0, MAX_SHOWN_CHARACTERS).join('');
    text = revealHiddenCharacters(kept);
    omitted = value.length - kept.length;
  } else {
    const printed = boundedJson(value, {
      indent: 0,
      maxDepth: MAX_SHOWN_DEPTH,
      maxCharacters: MAX_SHOWN_CHARACTERS,
      mapString: revealHiddenCharacters,
    });
    text = printed.text;
    omitted = printed.omittedCharacters;
  }
  return omitted > 0
    ? `${text} ${translator(POPUP_STRINGS, language)('text.moreCharacters', { n: omitted.toLocaleString('en-US') })}`
    : text;
}
