/**
 * Which capture the popup shows, and the actions that change it: picking one, pasting a token,
 * clearing captures. By default it follows the newest capture of this tab, so a new login shows
 * up by itself.
 */
import { useMemo, useState } from 'preact/hooks';
import type { InspectorClient } from '../ui/extension-client';
import type { Capture } from '../shared/capture';
import type { ActionResult, CapturesView } from '../shared/messages';

export type ClearScope = { scope: 'tab'; tabId: number } | { scope: 'all' };

export interface CaptureSelection {
  /** This tab's captures, then the others. */
  allCaptures: Capture[];
  selected: Capture | null;
  select: (captureId: string) => void;
  paste: (text: string) => Promise<ActionResult<Capture>>;
  /** Clears, then runs `onCleared` before reading the captures again; resolves to how many went. */
  clear: (scope: ClearScope, onCleared?: () => void) => Promise<number>;
  /** How many the last clear removed. */
  clearedCount: number | null;
}

export function useCaptureSelection(
  client: InspectorClient,
  view: CapturesView,
  refresh: () => Promise<void>,
): CaptureSelection {
  /** null = follow the newest capture of this tab. */
  const [selectedId, setSelectedId] = useState<string | null>(null);
  /** A just-pasted capture, shown even before the refreshed view lists it. */
  const [pasted, setPasted] = useState<Capture | null>(null);
  const [clearedCount, setClearedCount] = useState<number | null>(null);

  const allCaptures = useMemo(() => [...view.currentTab, ...view.elsewhere], [view]);
  const selected: Capture | null =
    (selectedId !== null
      ? (allCaptures.find((c) => c.id === selectedId) ?? (pasted?.id === selectedId ? pasted : null))
      : null) ??
    view.currentTab[0] ??
    null;

  const paste = async (text: string): Promise<ActionResult<Capture>> => {
    const result = await client.pasteToken(text);
    if (result.ok) {
      setPasted(result.value);
      setSelectedId(result.value.id);
      await refresh();
    }
    return result;
  };

  const clear = async (scope: ClearScope, onCleared?: () => void) => {
    const { cleared } = await client.clearCaptures(scope);
    setClearedCount(cleared);
    setSelectedId(null);
    setPasted(null);
    onCleared?.();
    await refresh();
    return cleared;
  };

  return { allCaptures, selected, select: setSelectedId, paste, clear, clearedCount };
}
