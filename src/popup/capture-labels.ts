/**
 * Who each capture is for, for the switcher's labels, from the reading the background kept with
 * it, or read here once the reader is loaded (see use-token-reading.ts). A username that repeats
 * the ID number stays masked here: the reveal is for the token shown, not for the list.
 */
import type { Capture } from '../shared/capture';
import type { Language } from '../ui/strings';
import { claimText, personalClaimText } from './claim-value';
import type { CaptureLabel } from './capture-picker';
import { readingOf, type TokenReader } from './use-token-reading';

export function captureLabels(
  captures: readonly Capture[],
  language: Language,
  reader: TokenReader | null,
): Map<string, CaptureLabel> {
  const map = new Map<string, CaptureLabel>();
  for (const capture of captures) {
    const reading = readingOf(capture, reader);
    const who =
      reading?.kind === 'decoded'
        ? [claimText(reading, 'firstname', language), claimText(reading, 'lastname', language)]
            .filter(Boolean)
            .join(' ') || personalClaimText(reading, 'username', language, false)?.text
        : null;
    map.set(capture.id, { who: who || null });
  }
  return map;
}
