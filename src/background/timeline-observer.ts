/**
 * The navigation events the login timeline records (listeners.ts registers the listeners and says
 * which requests they hear of). The browser reports only hosts this extension holds a permission
 * for, which are the capture sites (built in, or added with their permission) and the
 * verification service, whose calls belong to no tab and are not navigations. The recorder keeps
 * only capture sites, so a site that is not one costs nothing but the browser's own match of the
 * filter. Each event is recorded once the tab's page has loaded (after-page-load.ts), in the
 * order the browser fired them.
 */
import type { AfterPageLoad } from './after-page-load';
import type { NavigationObserver } from './listeners';
import type {
  CompletedDetails,
  ErrorDetails,
  RedirectDetails,
  SendHeadersDetails,
  StartDetails,
  TimelineRecorder,
} from './timeline-recorder';

export function timelineObserver(
  recorder: TimelineRecorder,
  afterPageLoad: Pick<AfterPageLoad, 'run'>,
): NavigationObserver {
  const later = (tabId: number, record: () => Promise<void>) => void afterPageLoad.run(tabId, record);
  return {
    beforeRequest: (details) => later(details.tabId, () => recorder.started(details as unknown as StartDetails)),
    sendHeaders: (details) => later(details.tabId, () => recorder.sentHeaders(details as SendHeadersDetails)),
    beforeRedirect: (details) => later(details.tabId, () => recorder.redirected(details as RedirectDetails)),
    completed: (details) => later(details.tabId, () => recorder.completed(details as CompletedDetails)),
    errorOccurred: (details) => later(details.tabId, () => recorder.failed(details as ErrorDetails)),
  };
}
