/**
 * The one small client through which the popup and options pages reach the background. Pages
 * take an `InspectorClient` as a prop, so components render in vitest with a mock and never
 * touch `browser` themselves.
 */
import { pageBrowser as browser, sendToBackground } from '../shared/page-browser';
import type { ActionResult, CapturesView, MessageMap, MessageType, PayloadOf, ReplyOf } from '../shared/messages';
import type { Capture } from '../shared/capture';
import type { Settings } from '../shared/settings';
import type { SettingsView } from '../shared/settings-view';
import type { PolicyView } from '../shared/managed-policy';
import { originToPattern } from '../domain/url';
import type { VerificationResult } from '../domain/soap/answer';
import type { WsdlDescription } from '../domain/soap/wsdl';
import { isPopupDataKey, type AreaChanges } from '../shared/stored-captures';

export interface InspectorClient {
  /** The id of the tab the popup was opened over; null on a page with no tab (e.g. options). */
  currentTabId(): Promise<number | null>;
  getCaptures(tabId: number | null): Promise<CapturesView>;
  /**
   * Everything in `storage.session`, read straight from it without waking the background (a
   * stopped MV3 worker takes tens of milliseconds to start): the captures, and the settings view
   * the background publishes there. `shared/stored-captures.ts` reads it.
   */
  readSessionArea(): Promise<Record<string, unknown>>;
  /** Wakes the background; resolves once it has settled what a stopped worker left unfinished. */
  wakeBackground(): Promise<void>;
  pasteToken(text: string): Promise<ActionResult<Capture>>;
  clearCaptures(scope: { scope: 'tab'; tabId: number } | { scope: 'all' }): Promise<{ cleared: number }>;
  verify(captureId: string, force: boolean): Promise<ActionResult<VerificationResult>>;
  /** What the popup may know of the settings: no ClientID. */
  getSettingsView(): Promise<SettingsView>;
  setLanguage(language: Settings['language']): Promise<ActionResult<SettingsView>>;
  /** Which settings the organisation locks by policy. */
  getPolicy(): Promise<PolicyView>;
  /** The options page only (the background refuses anyone else): the settings with the ClientID. */
  getSettings(): Promise<Settings>;
  saveSettings(settings: Settings): Promise<ActionResult<Settings>>;
  loadWsdl(url: string): Promise<ActionResult<WsdlDescription>>;
  testConnection(): Promise<ActionResult<VerificationResult>>;
  /** Asks the person for a host permission (must run inside a click handler). */
  requestOrigin(origin: string): Promise<boolean>;
  hasOrigin(origin: string): Promise<boolean>;
  removeOrigin(origin: string): Promise<boolean>;
  syncCaptureSites(): Promise<ReplyOf<'page→bg:sync-capture-sites'>>;
  /**
   * Called whenever the captures in storage change, or the settings view the background publishes
   * beside them, so views stay live, with those keys' new values; not for the area's other keys.
   * Returns an unsubscribe.
   */
  onCapturesChanged(listener: (changes: AreaChanges) => void): () => void;
  /** Called whenever the settings change (e.g. in the options page). Returns an unsubscribe. */
  onSettingsChanged(listener: () => void): () => void;
  openOptionsPage(): Promise<void>;
}

async function send<T extends MessageType>(type: T, payload: PayloadOf<T>): Promise<ReplyOf<T>> {
  return (await sendToBackground({ type, payload })) as MessageMap[T][1];
}

/**
 * Captures live in `storage.session`; settings in `storage.local`, and the organisation's in
 * `storage.managed` (Chrome reports a changed policy there at once; Firefox reads it at start-up).
 */
function onStorageAreaChanged(
  wanted: ReadonlyArray<'session' | 'local' | 'managed'>,
  listener: (changes: AreaChanges) => void,
): () => void {
  const onChanged = (changes: AreaChanges, area: string) => {
    if ((wanted as readonly string[]).includes(area)) listener(changes);
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}

export class ExtensionClient implements InspectorClient {
  async currentTabId(): Promise<number | null> {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.id ?? null;
  }
  getCaptures(tabId: number | null) {
    return send('page→bg:get-captures', { tabId });
  }
  readSessionArea() {
    return browser.storage.session.get(null);
  }
  async wakeBackground() {
    await send('page→bg:wake', {});
  }
  pasteToken(text: string) {
    return send('page→bg:paste-token', { text });
  }
  clearCaptures(scope: { scope: 'tab'; tabId: number } | { scope: 'all' }) {
    return send('page→bg:clear-captures', scope);
  }
  verify(captureId: string, force: boolean) {
    return send('page→bg:verify', { captureId, force });
  }
  getSettingsView() {
    return send('page→bg:get-settings-view', {});
  }
  setLanguage(language: Settings['language']) {
    return send('page→bg:set-language', { language });
  }
  getPolicy() {
    return send('page→bg:get-policy', {});
  }
  getSettings() {
    return send('page→bg:get-settings', {});
  }
  saveSettings(settings: Settings) {
    return send('page→bg:save-settings', { settings });
  }
  loadWsdl(url: string) {
    return send('page→bg:load-wsdl', { url });
  }
  testConnection() {
    return send('page→bg:test-connection', {});
  }
  requestOrigin(origin: string) {
    return browser.permissions.request({ origins: [originToPattern(origin)] });
  }
  hasOrigin(origin: string) {
    return browser.permissions.contains({ origins: [originToPattern(origin)] });
  }
  removeOrigin(origin: string) {
    return browser.permissions.remove({ origins: [originToPattern(origin)] });
  }
  syncCaptureSites() {
    return send('page→bg:sync-capture-sites', {});
  }
  onCapturesChanged(listener: (changes: AreaChanges) => void): () => void {
    return onStorageAreaChanged(['session'], (changes) => {
      const shown = Object.entries(changes).filter(([key]) => isPopupDataKey(key));
      if (shown.length > 0) listener(Object.fromEntries(shown));
    });
  }
  onSettingsChanged(listener: () => void): () => void {
    return onStorageAreaChanged(['local', 'managed'], () => listener());
  }
  openOptionsPage() {
    return browser.runtime.openOptionsPage();
  }
}
