/**
 * The capture content script. It runs at document_start on the capture sites, before the page's
 * own scripts can rewrite the URL (many SSO clients call history.replaceState to drop the token),
 * reads the query and #fragment, and reports JWT-shaped values to the background. It decides
 * nothing else: the background decodes, keeps and verifies. Kept tiny: no UI framework.
 */
import browser from '../shared/browser';
import { findTokensInUrl } from '../domain/find-tokens';
import type { Message } from '../shared/messages';

function report(trigger: 'load' | 'hashchange'): void {
  const candidates = findTokensInUrl(location.href);
  if (candidates.length === 0) return;
  const message: Message = { type: 'content→bg:token-seen', payload: { candidates, trigger } };
  // The background may be starting up; a lost report is retried by nothing, so say so quietly.
  browser.runtime.sendMessage(message).catch(() => undefined);
}

report('load');
// Single-page callbacks can receive the token later, as a fragment change. Any script on the
// page can change the fragment too, so the background keeps such a token but does not verify
// it unasked.
addEventListener('hashchange', () => report('hashchange'));
