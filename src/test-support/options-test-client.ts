/**
 * The options page's test double: the shared `MockClient` (src/ui/mock-client.ts), with the
 * parts the options page needs made controllable — what the WSDL load and the connection test
 * answer, whether the person says yes to a permission prompt, which host permissions are held,
 * and whether a save is refused (by default, as the background refuses it: `validateSettings`). Every call is still recorded by `MockClient`, in order, so tests can check that the
 * permission was asked for before the settings were saved.
 */
import { MockClient, type MockClientOptions } from './mock-client';
import type { ActionResult, ReplyOf } from '../shared/messages';
import type { Localized } from '../domain/finding';
import type { VerificationResult } from '../domain/soap/answer';
import type { WsdlDescription } from '../domain/soap/wsdl';
import { describeSettingsProblems, validateSettings, type Settings } from '../shared/settings';

const NOT_SET: Localized = { th: 'ยังไม่ได้กำหนดในการทดสอบ', en: 'not set in this test' };

export interface OptionsTestClientOptions extends MockClientOptions {
  wsdlResult?: ActionResult<WsdlDescription>;
  testResult?: ActionResult<VerificationResult>;
  /** The person's answer to a permission prompt for `origin`; yes by default. */
  answerPrompt?: (origin: string) => boolean;
  /** Host permissions already held, as origins (`*://127.0.0.1`, `http://10.1.2.3:8080`). */
  granted?: string[];
  /** The background's refusal of a save, or null to store it. By default its own rules decide. */
  refuseSave?: (settings: Settings) => Localized | null;
}

function refuseLikeTheBackground(settings: Settings): Localized | null {
  const checked = validateSettings(settings);
  return checked.ok ? null : describeSettingsProblems(checked.problems);
}

export class OptionsTestClient extends MockClient {
  wsdlResult: ActionResult<WsdlDescription>;
  testResult: ActionResult<VerificationResult>;
  answerPrompt: (origin: string) => boolean;
  readonly granted: Set<string>;
  refuseSave: (settings: Settings) => Localized | null;

  constructor(options: OptionsTestClientOptions = {}) {
    super(options);
    this.wsdlResult = options.wsdlResult ?? { ok: false, error: NOT_SET };
    this.testResult = options.testResult ?? { ok: false, error: NOT_SET };
    this.answerPrompt = options.answerPrompt ?? (() => true);
    this.granted = new Set(options.granted ?? []);
    this.refuseSave = options.refuseSave ?? refuseLikeTheBackground;
  }

  /** The names of the recorded calls, in order, e.g. ['getSettings', 'requestOrigin', ...]. */
  callOrder(): string[] {
    return this.calls.map((call) => call.method);
  }

  /** Like the background: a refused save is recorded, stores nothing and tells no listener. */
  override async saveSettings(settings: Settings): Promise<ActionResult<Settings>> {
    const refusal = this.refuseSave(settings);
    if (refusal === null) return super.saveSettings(settings);
    this.calls.push({ method: 'saveSettings', args: [settings] });
    return { ok: false, error: refusal };
  }

  override async loadWsdl(url: string) {
    await super.loadWsdl(url);
    return this.wsdlResult;
  }

  override async testConnection() {
    await super.testConnection();
    return this.testResult;
  }

  override async requestOrigin(origin: string) {
    await super.requestOrigin(origin);
    if (this.granted.has(origin)) return true;
    const yes = this.answerPrompt(origin);
    if (yes) this.granted.add(origin);
    return yes;
  }

  override async hasOrigin(origin: string) {
    await super.hasOrigin(origin);
    return this.granted.has(origin);
  }

  override async removeOrigin(origin: string) {
    await super.removeOrigin(origin);
    return this.granted.delete(origin);
  }

  /** Like the background: registers capture where a permission is held, reports the rest. */
  override async syncCaptureSites() {
    await super.syncCaptureSites();
    const sites = this.settings.captureSites;
    const reply: ReplyOf<'page→bg:sync-capture-sites'> = {
      registered: sites.filter((site) => this.granted.has(site)),
      missingPermission: sites.filter((site) => !this.granted.has(site)),
    };
    // MockClient's own method has no return annotation, so TypeScript inferred `never[]` for its
    // arrays; the reply above has the protocol's real type (src/shared/messages.ts).
    return reply as unknown as Awaited<ReturnType<MockClient['syncCaptureSites']>>;
  }
}
