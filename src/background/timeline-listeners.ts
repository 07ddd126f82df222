/**
 * The webRequest events the login timeline records, registered in the worker's first turn like
 * every other listener (listeners.ts says why). The filter is the observe-only capture's: the
 * browser reports only hosts this extension holds a permission for, which are the capture sites
 * (built in, or added with their permission) and the verification service, whose calls belong to
 * no tab and are not navigations. The recorder keeps only capture sites, so a site that is not one
 * costs nothing but the browser's own match of the filter. Each event is recorded once the tab's
 * page has loaded (after-page-load.ts), in the order the browser fired them.
 */
import type { Browser } from '../shared/browser';
import type { AfterPageLoad } from './after-page-load';
import type {
  CompletedDetails,
  ErrorDetails,
  RedirectDetails,
  SendHeadersDetails,
  StartDetails,
  TimelineRecorder,
} from './timeline-recorder';

const NAVIGATIONS = {
  urls: ['http://*/*', 'https://*/*'],
  types: ['main_frame', 'sub_frame'] as Array<'main_frame' | 'sub_frame'>,
};

export function listenForLoginTimeline(
  browser: Browser,
  recorder: TimelineRecorder,
  afterPageLoad: Pick<AfterPageLoad, 'run'>,
): void {
  const { webRequest } = browser;
  const later = (tabId: number, record: () => Promise<void>) => void afterPageLoad.run(tabId, record);
  webRequest.onBeforeRequest.addListener(
    (details) => {
      later(details.tabId, () => recorder.started(details as unknown as StartDetails));
      return undefined;
    },
    NAVIGATIONS,
    ['requestBody'],
  );
  webRequest.onSendHeaders.addListener(
    (details) => later(details.tabId, () => recorder.sentHeaders(details as SendHeadersDetails)),
    NAVIGATIONS,
    ['requestHeaders'],
  );
  webRequest.onBeforeRedirect.addListener(
    (details) => later(details.tabId, () => recorder.redirected(details as RedirectDetails)),
    NAVIGATIONS,
    ['responseHeaders'],
  );
  webRequest.onCompleted.addListener(
    (details) => later(details.tabId, () => recorder.completed(details as CompletedDetails)),
    NAVIGATIONS,
    ['responseHeaders'],
  );
  webRequest.onErrorOccurred.addListener(
    (details) => later(details.tabId, () => recorder.failed(details as ErrorDetails)),
    NAVIGATIONS,
  );
}
