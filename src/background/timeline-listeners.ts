/**
 * The webRequest events the login timeline records, registered in the worker's first turn like
 * every other listener (listeners.ts says why). The filter is the observe-only capture's: the
 * browser reports only hosts this extension holds a permission for, which are the capture sites
 * (built in, or added with their permission) and the verification service, whose calls belong to
 * no tab and are not navigations. The recorder keeps only capture sites, so a site that is not one
 * costs nothing but the browser's own match of the filter.
 */
import type { Browser } from '../shared/browser';
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

export function listenForLoginTimeline(browser: Browser, recorder: TimelineRecorder): void {
  const { webRequest } = browser;
  webRequest.onBeforeRequest.addListener(
    (details) => {
      void recorder.started(details as unknown as StartDetails);
      return undefined;
    },
    NAVIGATIONS,
    ['requestBody'],
  );
  webRequest.onSendHeaders.addListener(
    (details) => void recorder.sentHeaders(details as SendHeadersDetails),
    NAVIGATIONS,
    ['requestHeaders'],
  );
  webRequest.onBeforeRedirect.addListener(
    (details) => void recorder.redirected(details as RedirectDetails),
    NAVIGATIONS,
    ['responseHeaders'],
  );
  webRequest.onCompleted.addListener((details) => void recorder.completed(details as CompletedDetails), NAVIGATIONS, [
    'responseHeaders',
  ]);
  webRequest.onErrorOccurred.addListener((details) => void recorder.failed(details as ErrorDetails), NAVIGATIONS);
}
