/**
 * Registers the capture content script on the origins a person added, for those whose host
 * permission is granted, and unregisters it everywhere else. Idempotent: called at start-up, on
 * save, and when a permission is removed in the browser's own UI.
 */
import browser from '../shared/browser';
import { originToPattern } from '../domain/url';
import { CAPTURE_SCRIPT_FILE, DYNAMIC_SCRIPT_PREFIX } from './capture-sites';

export async function syncCaptureSiteScripts(
  origins: readonly string[],
): Promise<{ registered: string[]; missingPermission: string[] }> {
  const registered: string[] = [];
  const missingPermission: string[] = [];
  const patterns = new Set<string>();
  for (const origin of origins) {
    const pattern = originToPattern(origin);
    if (await browser.permissions.contains({ origins: [pattern] })) {
      patterns.add(pattern);
      registered.push(origin);
    } else {
      missingPermission.push(origin);
    }
  }
  const ours = (await browser.scripting.getRegisteredContentScripts()).filter((script) =>
    script.id.startsWith(DYNAMIC_SCRIPT_PREFIX),
  );
  if (ours.length > 0) await browser.scripting.unregisterContentScripts({ ids: ours.map((script) => script.id) });
  if (patterns.size > 0) {
    await browser.scripting.registerContentScripts(
      [...patterns].map((pattern) => ({
        id: `${DYNAMIC_SCRIPT_PREFIX}${pattern}`,
        matches: [pattern],
        js: [CAPTURE_SCRIPT_FILE],
        runAt: 'document_start' as const,
        allFrames: false,
      })),
    );
  }
  return { registered, missingPermission };
}
