/**
 * An in-memory `InspectorClient` for component tests: the pages render with it
 * and no extension around them. It keeps captures and settings like the background would, records
 * every call so a test can assert what the page asked for, and lets a test push a change
 * (`emitCapturesChanged`, `emitSettingsChanged`) the way `storage.onChanged` would.
 */
import type { InspectorClient } from '../ui/extension-client';
import type { ActionResult, CapturesView } from '../shared/messages';
import type { Capture } from '../shared/capture';
import { readingToKeep } from '../shared/capture-reading';
import { readToken } from '../domain/read-token';
import { captureKey, capturesView, type AreaChanges } from '../shared/stored-captures';
import { DEFAULT_SETTINGS, type Settings } from '../shared/settings';
import { SETTINGS_VIEW_KEY, settingsView, verificationFingerprint, type SettingsView } from '../shared/settings-view';
import type { Localized } from '../domain/finding';
import type { PolicyView } from '../shared/managed-policy';
import type { VerificationResult } from '../domain/soap/answer';
import type { WsdlDescription } from '../domain/soap/wsdl';

export interface MockClientOptions {
  tabId?: number | null;
  captures?: Capture[];
  settings?: Settings;
  /** What `verify` answers; a function sees the capture id. */
  verifyResult?: ActionResult<VerificationResult> | ((captureId: string) => ActionResult<VerificationResult>);
  /** What `pasteToken` answers; by default it decodes like the background's intake does. */
  pasteResult?: (text: string) => ActionResult<Capture>;
  /** Origins `hasOrigin` says are not granted (as in Firefox before a person allows them). */
  deniedOrigins?: string[];
  /** What the organisation's policy locks; none by default. */
  policy?: PolicyView;
  /**
   * Whether the background has published the settings view in storage.session (true by default);
   * false is a browser just started, before the worker ran: the popup then asks the background.
   */
  publishedSettingsView?: boolean;
}

export type MockCall = { method: keyof InspectorClient; args: unknown[] };

const NOT_IN_MOCK: Localized = { th: 'ไม่มีในชุดทดสอบ', en: 'not available in the mock' };

export class MockClient implements InspectorClient {
  tabId: number | null;
  captures: Capture[];
  settings: Settings;
  /** What the organisation's policy locks; a test may change it and call `emitSettingsChanged`. */
  policy: PolicyView;
  /** See `MockClientOptions.publishedSettingsView`; a test may change it. */
  publishedSettingsView: boolean;
  readonly calls: MockCall[] = [];
  private readonly listeners = new Set<(changes: AreaChanges) => void>();
  /** The session items as the last reported change left them: the next change is told from them. */
  private reportedItems: Record<string, unknown>;
  private readonly settingsListeners = new Set<() => void>();
  private readonly options: MockClientOptions;
  private pasteCounter = 0;

  constructor(options: MockClientOptions = {}) {
    this.options = options;
    this.tabId = options.tabId === undefined ? 7 : options.tabId;
    this.captures = [...(options.captures ?? [])];
    this.settings = structuredClone(options.settings ?? DEFAULT_SETTINGS);
    this.policy = structuredClone(options.policy ?? { keys: [], captureSites: [], problems: [] });
    this.publishedSettingsView = options.publishedSettingsView ?? true;
    this.reportedItems = this.sessionItems();
  }

  /**
   * What `storage.session` would hold, laid out as the background's store lays it out: the lists
   * by key, newest first, and the published settings view. `getCaptures` reads it with the
   * shared reading, as the background does.
   */
  sessionItems(): Record<string, unknown> {
    const items: Record<string, unknown> = {};
    if (this.publishedSettingsView) items[SETTINGS_VIEW_KEY] = settingsView(this.settings);
    for (const capture of [...this.captures].sort((a, b) => b.capturedAt - a.capturedAt)) {
      const key = captureKey(capture.tabId);
      items[key] = [...((items[key] as Capture[] | undefined) ?? []), capture];
    }
    return structuredClone(items);
  }

  protected record(method: keyof InspectorClient, ...args: unknown[]) {
    this.calls.push({ method, args });
  }

  callsTo(method: keyof InspectorClient): unknown[][] {
    return this.calls.filter((call) => call.method === method).map((call) => call.args);
  }

  /**
   * Tells subscribers that captures changed, as `storage.onChanged` would: the keys whose value
   * differs from the last report, each with its new value (none when it was removed).
   */
  emitCapturesChanged() {
    const items = this.sessionItems();
    const keys = new Set([...Object.keys(this.reportedItems), ...Object.keys(items)]);
    const changes: AreaChanges = {};
    for (const key of keys) {
      if (JSON.stringify(items[key]) === JSON.stringify(this.reportedItems[key])) continue;
      changes[key] = key in items ? { newValue: items[key] } : {};
    }
    this.reportedItems = items;
    if (Object.keys(changes).length === 0) return;
    for (const listener of this.listeners) listener(changes);
  }

  /**
   * Tells subscribers that settings changed (e.g. in the options page), as `storage.onChanged`
   * would: in storage.local, and then in storage.session, where the background publishes the view.
   */
  emitSettingsChanged() {
    for (const listener of this.settingsListeners) listener();
    if (this.publishedSettingsView) this.emitCapturesChanged();
  }

  async currentTabId() {
    this.record('currentTabId');
    return this.tabId;
  }

  async getCaptures(tabId: number | null): Promise<CapturesView> {
    this.record('getCaptures', tabId);
    // Like the background: results made under other verification settings are not handed out.
    return capturesView(this.sessionItems(), tabId, verificationFingerprint(this.settings.verification));
  }

  async readSessionArea(): Promise<Record<string, unknown>> {
    this.record('readSessionArea');
    return this.sessionItems();
  }

  async wakeBackground() {
    this.record('wakeBackground');
  }

  async pasteToken(text: string): Promise<ActionResult<Capture>> {
    this.record('pasteToken', text);
    if (this.options.pasteResult) {
      const result = this.options.pasteResult(text);
      if (result.ok) this.captures.push(result.value);
      return result;
    }
    // Like the background's intake: a text that does not decode comes back with the domain's message.
    const reading = readToken(text);
    if (reading.kind === 'unreadable') return { ok: false, error: reading.failure.message };
    this.pasteCounter += 1;
    const capture: Capture = {
      id: `paste-${this.pasteCounter}`,
      tabId: null,
      capturedAt: Math.max(0, ...this.captures.map((c) => c.capturedAt)) + 1,
      pageOrigin: '',
      pagePath: '',
      source: 'paste',
      parameter: null,
      token: reading.token.compact,
      isIndustrySso: reading.token.isIndustrySso,
      reading: readingToKeep(reading),
    };
    this.captures.push(capture);
    return { ok: true, value: capture };
  }

  async clearCaptures(scope: { scope: 'tab'; tabId: number } | { scope: 'all' }) {
    this.record('clearCaptures', scope);
    const before = this.captures.length;
    this.captures = scope.scope === 'all' ? [] : this.captures.filter((c) => c.tabId !== scope.tabId);
    const cleared = before - this.captures.length;
    this.emitCapturesChanged();
    return { cleared };
  }

  async verify(captureId: string, force: boolean): Promise<ActionResult<VerificationResult>> {
    this.record('verify', captureId, force);
    const answer = this.options.verifyResult;
    const result =
      typeof answer === 'function' ? answer(captureId) : (answer ?? { ok: false as const, error: NOT_IN_MOCK });
    if (result.ok) {
      this.captures = this.captures.map((c) =>
        c.id === captureId
          ? {
              ...c,
              verification: {
                result: result.value,
                settingsFingerprint: verificationFingerprint(this.settings.verification),
              },
            }
          : c,
      );
    }
    return result;
  }

  async getSettingsView() {
    this.record('getSettingsView');
    return settingsView(this.settings);
  }

  async setLanguage(language: Settings['language']): Promise<ActionResult<SettingsView>> {
    this.record('setLanguage', language);
    this.settings = { ...this.settings, language };
    this.emitSettingsChanged();
    return { ok: true, value: settingsView(this.settings) };
  }

  async getPolicy(): Promise<PolicyView> {
    this.record('getPolicy');
    return structuredClone(this.policy);
  }

  async getSettings() {
    this.record('getSettings');
    return structuredClone(this.settings);
  }

  async saveSettings(settings: Settings): Promise<ActionResult<Settings>> {
    this.record('saveSettings', settings);
    this.settings = structuredClone(settings);
    this.emitSettingsChanged();
    return { ok: true, value: structuredClone(settings) };
  }

  async loadWsdl(url: string): Promise<ActionResult<WsdlDescription>> {
    this.record('loadWsdl', url);
    return { ok: false, error: NOT_IN_MOCK };
  }

  async testConnection(): Promise<ActionResult<VerificationResult>> {
    this.record('testConnection');
    return { ok: false, error: NOT_IN_MOCK };
  }

  async requestOrigin(origin: string) {
    this.record('requestOrigin', origin);
    return true;
  }

  async hasOrigin(origin: string) {
    this.record('hasOrigin', origin);
    return !(this.options.deniedOrigins ?? []).includes(origin);
  }

  async removeOrigin(origin: string) {
    this.record('removeOrigin', origin);
    return true;
  }

  async syncCaptureSites() {
    this.record('syncCaptureSites');
    return { registered: [], missingPermission: [] };
  }

  onCapturesChanged(listener: (changes: AreaChanges) => void): () => void {
    this.record('onCapturesChanged');
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onSettingsChanged(listener: () => void): () => void {
    this.record('onSettingsChanged');
    this.settingsListeners.add(listener);
    return () => this.settingsListeners.delete(listener);
  }

  async openOptionsPage() {
    this.record('openOptionsPage');
  }
}
