/**
 * What to quote when the verification endpoint answers with something other than SOAP, such
 * as a proxy's error page or a login form: a short excerpt the help desk can recognise, read
 * without regular expressions that could backtrack on a hostile page, and redacted.
 */
import { redactText } from '../redact';

/** Enough of an error page to recognise it; nothing after this is read. */
const EXCERPT_SOURCE_LENGTH = 4 * 1024;

/** The text of an HTML or XML fragment with its tags taken out, by one scan (no backtracking). */
function withoutTags(markup: string): string {
  let out = '';
  let at = 0;
  while (at < markup.length) {
    const open = markup.indexOf('<', at);
    if (open === -1) {
      out += markup.slice(at);
      break;
    }
    out += `${markup.slice(at, open)} `;
    const close = markup.indexOf('>', open + 1);
    // An unclosed `<` ends the text, as a browser would treat the rest as a tag.
    if (close === -1) break;
    at = close + 1;
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** The text of the first <title> element, if the head of the page has one. */
function titleOf(markup: string): string | undefined {
  const lower = markup.toLowerCase();
  const open = lower.indexOf('<title');
  if (open === -1) return undefined;
  const afterOpen = lower.indexOf('>', open);
  const close = afterOpen === -1 ? -1 : lower.indexOf('</title>', afterOpen);
  if (close === -1) return undefined;
  return withoutTags(markup.slice(afterOpen + 1, close)) || undefined;
}

/** A short, safe excerpt of what came back instead of SOAP: the help desk wants to see it. */
export function excerpt(body: string): string {
  const head = body.slice(0, EXCERPT_SOURCE_LENGTH);
  const text = withoutTags(head);
  const title = titleOf(head);
  const shown = title
    ? `title "${title.slice(0, 120)}"`
    : `"${text.slice(0, 160)}${text.length > 160 || body.length > head.length ? '…' : ''}"`;
  return redactText(shown);
}
