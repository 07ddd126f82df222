/**
 * The popup: a help-desk reading of one token at a glance. It puts together what the hooks beside
 * it hold (the data read from the background, the capture shown, the verification, the language)
 * and gets all data and actions through an `InspectorClient`, so it renders in tests with a mock
 * client and a fixed clock. The reading itself is the domain's `inspectToken`; nothing here
 * re-derives it.
 */
import { useCallback, useMemo, useState } from 'preact/hooks';
import type { InspectorClient } from '../ui/extension-client';
import { inspectReading, type TokenInspection } from '../domain/inspect';
import { LanguageContext, stringsFor } from '../ui/strings';
import { SectionBoundary } from '../ui/section-boundary';
import { useNow, type Clock } from '../ui/use-now';
import { clipboardWriteText, type WriteText } from '../ui/copy-button';
import { captureLabels } from './capture-labels';
import { CapturePicker } from './capture-picker';
import { ClearActions } from './clear-actions';
import { EmptyState } from './empty-state';
import { PasteBox } from './paste-box';
import { PopupHeader } from './popup-header';
import { POPUP_STRINGS } from './popup-strings';
import { ReportActions } from './report-actions';
import { TokenView } from './token-view';
import { useCaptureSelection, type ClearScope } from './use-capture-selection';
import { useNotAllowedSites } from './use-not-allowed-sites';
import { usePopupData, type OpeningReads } from './use-popup-data';
import { usePopupLanguage } from './use-popup-language';
import { readingOf, useTokenReader } from './use-token-reading';
import { useVerification } from './use-verification';

export interface PopupAppProps {
  client: InspectorClient;
  /** The clock; tests pass a fixed one. The countdown re-reads it every second. */
  now?: Clock;
  writeText?: WriteText;
  /** The first reads, started by the entry before it rendered; tests leave them to the hook. */
  opening?: OpeningReads;
}

export function PopupApp({ client, now = Date.now, writeText = clipboardWriteText, opening }: PopupAppProps) {
  const nowMs = useNow(now);
  const { settings, setSettings, tabId, view, loaded, loadError, refresh } = usePopupData(client, opening);
  const { language, setLanguage } = usePopupLanguage(client, settings, setSettings);
  const { allCaptures, selected, select, paste, clear, clearedCount } = useCaptureSelection(client, view, refresh);
  const { verification, verifyState, verify, forget } = useVerification(client, selected, settings);
  const notAllowedSites = useNotAllowedSites(client, settings, selected === null);
  // Which capture's ID number the person revealed: another token shown is masked again at once.
  const [revealedFor, setRevealedFor] = useState<string | null>(null);
  const revealId = selected !== null && revealedFor === selected.id;
  const selectedId = selected?.id ?? null;
  // One function per capture shown, so that the sections given it are not drawn again for nothing.
  const toggleReveal = useCallback(
    () => setRevealedFor((revealed) => (revealed === selectedId ? null : selectedId)),
    [selectedId],
  );
  // This component provides the language, so it reads its own texts from it directly.
  const { t, pick } = stringsFor(POPUP_STRINGS, language);

  const reader = useTokenReader(allCaptures.some((capture) => !capture.reading));
  const reading = useMemo(() => (selected ? readingOf(selected, reader) : null), [selected, reader]);
  // The reading is the background's; the clock is the popup's, so times and the verdict stay live.
  const inspection: TokenInspection | null = useMemo(
    () => (reading ? inspectReading(reading, nowMs) : null),
    [reading, nowMs],
  );
  // Read once per list (not every tick).
  const labels = useMemo(() => captureLabels(allCaptures, language, reader), [allCaptures, language, reader]);
  const clearCaptures = (scope: ClearScope) => clear(scope, forget);
  const openOptions = () => void client.openOptionsPage();

  // The report's writer is loaded on the first copy, not with the popup: most openings never copy.
  const buildReport =
    inspection && selected
      ? async (format: 'text' | 'markdown') => {
          const nowMs = now();
          const { buildTicketReport } = await import('../domain/report');
          return buildTicketReport({
            inspection,
            capture: selected,
            verification: verification ?? undefined,
            nowMs,
            language,
            format,
          });
        }
      : null;

  const picker = allCaptures.length > 0 && (
    <CapturePicker
      view={view}
      selectedId={selected?.id ?? null}
      labels={labels}
      nowMs={nowMs}
      onSelect={select}
      open={!selected}
    >
      <ClearActions
        onClearTab={
          tabId === null || view.currentTab.length === 0 ? null : () => clearCaptures({ scope: 'tab', tabId })
        }
        onClearAll={() => clearCaptures({ scope: 'all' })}
        cleared={clearedCount}
      />
    </CapturePicker>
  );

  return (
    <LanguageContext.Provider value={language}>
      <div class="popup">
        <PopupHeader onLanguage={(next) => void setLanguage(next)} onOpenOptions={openOptions} />
        <main class="content">
          {!loaded ? (
            <p class="muted" role="status">
              {t('app.loading')}
            </p>
          ) : (
            <>
              {loadError && (
                <p class="alert" role="alert">
                  {pick(loadError)}
                </p>
              )}
              {/* With a token shown, the switcher sits above it; with none, below the line saying why. */}
              {selected && picker && <SectionBoundary>{picker}</SectionBoundary>}
              {selected ? (
                inspection ? (
                  <TokenView
                    key={selected.id}
                    inspection={inspection}
                    capture={selected}
                    nowMs={nowMs}
                    verification={verification}
                    verifyState={verifyState}
                    onVerify={verify}
                    plainHttp={settings?.verification.endpointSecurity === 'plain-http'}
                    revealId={revealId}
                    onToggleReveal={toggleReveal}
                    writeText={writeText}
                  />
                ) : (
                  <p class="muted" role="status">
                    {t('app.loading')}
                  </p>
                )
              ) : (
                <EmptyState
                  addedSites={settings?.captureSites ?? []}
                  notAllowedSites={notAllowedSites}
                  hasCapturesElsewhere={allCaptures.length > 0}
                  onOpenOptions={openOptions}
                />
              )}
              {!selected && picker && <SectionBoundary>{picker}</SectionBoundary>}
              <PasteBox open={!selected} onPaste={paste} />
            </>
          )}
        </main>
        {loaded && buildReport && <ReportActions writeText={writeText} buildReport={buildReport} />}
      </div>
    </LanguageContext.Provider>
  );
}
