/**
 * How the verifier talks HTTP: a `fetch` that can be handed in, a deadline that covers the whole
 * exchange (headers and body), and a body read that stops at a size limit instead of holding
 * whatever a server sends.
 */

/**
 * The fetch handed in, called detached. A browser's `fetch` throws "Illegal invocation" when
 * called as a method of any object but the global one (Chrome's worker says so first): calling it
 * with no `this` makes WebIDL use the global, so the browser's own `fetch` can be passed as is.
 */
export function detachedFetch(fetchFn: typeof fetch): typeof fetch {
  return (input, init) => fetchFn(input, init);
}

export interface Deadline {
  signal: AbortSignal;
  /** Whether the deadline passed: an abort caused by it is a timeout, not a network failure. */
  timedOut: () => boolean;
  clear: () => void;
}

/** Aborts whatever is given `signal` after `ms`; `clear` once the exchange is over. */
export function deadline(ms: number): Deadline {
  const controller = new AbortController();
  let fired = false;
  const timer = setTimeout(() => {
    fired = true;
    controller.abort();
  }, ms);
  return { signal: controller.signal, timedOut: () => fired, clear: () => clearTimeout(timer) };
}

export class TooLarge extends Error {}

/** Reads at most `maxBytes` of the body, stopping (and cancelling the download) beyond that. */
export async function readCapped(response: Response, maxBytes: number): Promise<string> {
  const charset = /charset="?([\w-]+)"?/i.exec(response.headers.get('content-type') ?? '')?.[1] ?? 'utf-8';
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: string[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new TooLarge(`more than ${maxBytes} bytes`);
    }
    chunks.push(decoder.decode(value, { stream: true }));
  }
  chunks.push(decoder.decode());
  return chunks.join('');
}
