import type { ActionResult } from '../shared/messages';
import type { Settings } from '../shared/settings';

/**
 * How a section saves: it says what to change in the latest stored settings, and the page saves
 * that through the background, one save after another, so no section undoes another's change.
 */
export type SaveSettings = (update: (current: Settings) => Settings) => Promise<ActionResult<Settings>>;
