/**
 * When the background may call DiwLoginChk on its own. Every call carries the ClientID and lands
 * in DIW's logs, and any page on a capture site can put forged, SSO-shaped tokens in its own URL,
 * so the page must never decide how often the ClientID is spent. The background verifies by
 * itself only what can be a real login:
 * - an Industry SSO token, with auto-verify on (and plain HTTP chosen explicitly, see settings);
 * - first seen in a navigation, redirect or form post, not put in the URL by the page afterwards;
 * - current by its own `nbf`/`exp`: the SSO never hands over an expired token, and a person who
 *   wants to know about one clicks Verify;
 * - within a rate limit per tab and overall.
 * A person's click on Verify, or a paste, is their decision and is not limited here.
 *
 * The recent calls live in storage.session, not in a module variable: an MV3 worker restarted by
 * the page's next event must not start with a fresh allowance.
 */
import { readTokenTimes } from '../domain/time';
import { decodeToken } from '../domain/decode-token';
import type { Capture } from '../shared/capture';
import type { VerificationSettings } from '../shared/settings';
import { autoVerifyAllowed } from '../shared/settings-view';
import type { SessionArea } from './capture-store';

/** The window the limits count over. */
export const AUTO_VERIFY_WINDOW_MS = 5 * 60_000;
/** One login, a retry and one more, per tab and window. */
export const AUTO_VERIFY_PER_TAB = 3;
/** A help desk opens a few logins at once; more than this in five minutes is not people. */
export const AUTO_VERIFY_OVERALL = 10;
const RECENT_KEY = 'auto-verify:recent';

export type AutoVerifyDecision =
  'verify' | 'off' | 'not-configured' | 'not-sso' | 'in-page' | 'not-current' | 'rate-limited';

interface RecentCall {
  tabId: number | null;
  at: number;
}

function readRecent(value: unknown, since: number): RecentCall[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (call): call is RecentCall =>
      typeof call?.at === 'number' && call.at > since && (call.tabId === null || typeof call.tabId === 'number'),
  );
}

function isCurrent(token: string, nowMs: number): boolean {
  const decoded = decodeToken(token);
  return decoded.ok && readTokenTimes(decoded.token.payload, nowMs).state === 'valid';
}

export function createAutoVerifyPolicy(deps: { area: SessionArea; now: () => number }) {
  const { area, now } = deps;
  // Decisions read and then record the recent calls: one at a time, or a burst would all pass.
  let tail: Promise<unknown> = Promise.resolve();

  async function withinLimits(tabId: number | null): Promise<boolean> {
    const at = now();
    const recent = readRecent((await area.get(RECENT_KEY))[RECENT_KEY], at - AUTO_VERIFY_WINDOW_MS);
    if (recent.length >= AUTO_VERIFY_OVERALL) return false;
    if (recent.filter((call) => call.tabId === tabId).length >= AUTO_VERIFY_PER_TAB) return false;
    await area.set({ [RECENT_KEY]: [...recent, { tabId, at }] });
    return true;
  }

  return {
    /** Whether to verify `capture` now, without a person asking; a 'verify' counts against the limits. */
    decide(capture: Capture, settings: VerificationSettings): Promise<AutoVerifyDecision> {
      const decision = async (): Promise<AutoVerifyDecision> => {
        if (!autoVerifyAllowed(settings)) return 'off';
        if (!settings.clientId || !settings.endpoint) return 'not-configured';
        if (!capture.isIndustrySso) return 'not-sso';
        if (capture.source === 'paste') return 'verify';
        if (capture.inPage === true) return 'in-page';
        if (!isCurrent(capture.token, now())) return 'not-current';
        return (await withinLimits(capture.tabId)) ? 'verify' : 'rate-limited';
      };
      const next = tail.then(decision, decision);
      tail = next.catch(() => undefined);
      return next;
    },
  };
}

export type AutoVerifyPolicy = ReturnType<typeof createAutoVerifyPolicy>;
