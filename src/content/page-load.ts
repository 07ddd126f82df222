/**
 * Whether the page had finished loading before the capture script ran. Chrome runs a content
 * script only as a page starts; Firefox also runs it in pages already open when the extension
 * is installed, whose requests no webRequest observer saw and whose load event has passed.
 * Read from the navigation's timing rather than `document.readyState`: in the script's own
 * world, the first look at `document` builds its wrapper, which costs a page about as much as the
 * rest of the script.
 */
export function pageLoadedBeforeThisScript(): boolean {
  const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  return (navigation?.loadEventEnd ?? 0) > 0;
}
