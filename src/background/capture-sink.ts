/**
 * Where every sighting of a token goes, whichever door it came through (the content script, the
 * webRequest observers): kept only on a capture site, then the tab's badge is set and the
 * capture is verified if the settings allow it.
 */
import type { Capture } from '../shared/capture';
import type { CaptureIntake, Sighting } from './capture-intake';
import { isCaptureSite } from './capture-sites';
import type { SettingsStore } from './settings-store';
import type { VerificationService } from './verification-service';
import type { TokenHygieneService } from './token-hygiene-service';

export interface CaptureSinkDeps {
  /** Settles once an interrupted verification of a stopped worker is marked as such. */
  ready: Promise<unknown>;
  settings: Pick<SettingsStore, 'get'>;
  intake: Pick<CaptureIntake, 'record'>;
  verification: Pick<VerificationService, 'autoVerify'>;
  refreshBadge: (tabId: number) => Promise<void>;
  /** The login timeline may already hold the hops that carried a new capture's token. */
  hygiene: Pick<TokenHygieneService, 'attachTimeline'>;
}

export function createCaptureSink(deps: CaptureSinkDeps) {
  const { ready, settings, intake, verification, refreshBadge, hygiene } = deps;

  async function afterCapture(added: Capture[]): Promise<void> {
    for (const capture of added) {
      if (capture.tabId !== null) {
        await refreshBadge(capture.tabId);
        await hygiene.attachTimeline(capture.tabId);
      }
      await verification.autoVerify(capture);
    }
  }

  return {
    /** Records `sighting` when `siteUrl` is a capture site; what was added (new captures only). */
    async recordIfCaptureSite(sighting: Sighting, siteUrl: string): Promise<Capture[]> {
      await ready;
      if (!isCaptureSite(siteUrl, (await settings.get()).captureSites)) return [];
      const added = await intake.record(sighting);
      await afterCapture(added);
      return added;
    },
  };
}

export type CaptureSink = ReturnType<typeof createCaptureSink>;
