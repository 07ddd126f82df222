/**
 * The reading kept beside a captured token: the background reads each token once, when it keeps
 * it, so that the popup only adds the clock (see domain/read-token.ts). Its own module, so that
 * the popup, which imports the capture's types and helpers, does not carry the token reader.
 */
import { isAbsurdlyNested, type TokenReading } from '../domain/read-token';

/**
 * The reading to store with its token; undefined for a token nested deeper than the raw view
 * prints, whose reading is not worth the risk of a storage write the browser refuses (the popup
 * reads such a token itself).
 */
export function readingToKeep(reading: TokenReading): TokenReading | undefined {
  return isAbsurdlyNested(reading) ? undefined : reading;
}
