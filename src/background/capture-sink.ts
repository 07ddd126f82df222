/**
 * Where every sighting of a token goes, whichever door it came through (the content script, the
 * webRequest observers): kept only on a capture site, then the tab's badge is set and the
 * capture is verified if the settings allow it. All of it once the tab's page has loaded
 * (after-page-load.ts says why).
 */
import type { Capture } from '../shared/capture';
import type { CaptureIntake, Sighting } from './capture-intake';
import { isCaptureSite } from './capture-sites';
import type { SettingsStore } from './settings-store';
import type { VerificationService } from './verification-service';
import type { TokenHygieneService } from './token-hygiene-service';
import type { AfterPageLoad } from './after-page-load';

export interface CaptureSinkDeps {
  /** Settles once an interrupted verification of a stopped worker is marked as such. */
  ready: Promise<unknown>;
  settings: Pick<SettingsStore, 'get'>;
  intake: Pick<CaptureIntake, 'record'>;
  verification: Pick<VerificationService, 'autoVerify'>;
  refreshBadge: (tabId: number) => Promise<void>;
  /** The login timeline may already hold the hops that carried a new capture's token. */
  hygiene: Pick<TokenHygieneService, 'attachTimeline'>;
  afterPageLoad: Pick<AfterPageLoad, 'run'>;
  now: () => number;
}

export function createCaptureSink(deps: CaptureSinkDeps) {
  const { ready, settings, intake, verification, refreshBadge, hygiene, afterPageLoad, now } = deps;

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
    recordIfCaptureSite(sighting: Sighting, siteUrl: string): Promise<Capture[]> {
      // When it was seen, not when the page let it be stored: a Clear all between the two wins.
      const seenAt = now();
      return afterPageLoad.run(sighting.tabId, async () => {
        await ready;
        if (!isCaptureSite(siteUrl, (await settings.get()).captureSites)) return [];
        const added = await intake.record(sighting, seenAt);
        await afterCapture(added);
        return added;
      });
    },
  };
}

export type CaptureSink = ReturnType<typeof createCaptureSink>;
