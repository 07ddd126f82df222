/**
 * The reading of the capture shown. The background stores one with each token it keeps, so this
 * is normally at hand at once; for a token kept without one (nested too deep to copy safely; see
 * shared/capture-reading.ts), the popup loads the token reader and reads it here. The reader is
 * a chunk of its own, loaded only then: most openings never need it.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Capture } from '../shared/capture';
import type { TokenReading } from '../domain/read-token';

/** The reading of `capture`'s token; null with no capture, or while the reader loads. */
export function useTokenReading(capture: Capture | null): TokenReading | null {
  const [readHere, setReadHere] = useState<{ token: string; reading: TokenReading } | null>(null);
  const token = capture && !capture.reading ? capture.token : null;
  useEffect(() => {
    if (token === null) return;
    let live = true;
    void import('../domain/read-token').then(({ readToken }) => {
      if (live) setReadHere({ token, reading: readToken(token) });
    });
    return () => {
      live = false;
    };
  }, [token]);
  if (!capture) return null;
  if (capture.reading) return capture.reading;
  return readHere?.token === capture.token ? readHere.reading : null;
}
