/**
 * The readings of the captures shown. The background stores one with each token it keeps, so
 * they are normally at hand at once; for a token kept without one (nested too deep to copy
 * safely; see shared/capture-reading.ts), the popup loads the token reader and reads it here.
 * The reader is a chunk of its own, loaded only then: most openings never need it.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Capture } from '../shared/capture';
import type { readToken, TokenReading } from '../domain/read-token';

/** What the popup needs of the token reader's chunk. */
export interface TokenReader {
  readToken: typeof readToken;
}

/** The token reader, loaded once `needed` (a capture is listed without a reading); null until then. */
export function useTokenReader(needed: boolean): TokenReader | null {
  const [reader, setReader] = useState<TokenReader | null>(null);
  useEffect(() => {
    if (!needed || reader) return;
    let live = true;
    void import('../domain/read-token').then((loaded) => {
      if (live) setReader(loaded);
    });
    return () => {
      live = false;
    };
  }, [needed, reader]);
  return reader;
}

/** The capture's reading: the stored one, or read here once the reader is loaded; null until then. */
export function readingOf(capture: Capture, reader: TokenReader | null): TokenReading | null {
  return capture.reading ?? reader?.readToken(capture.token) ?? null;
}
