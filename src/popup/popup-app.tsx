/**
 * The popup: a help-desk reading of one token at a glance (issue #4). It owns the page's state
 * (which capture, the language, the reveal toggle, a verification in flight) and gets all data
 * and actions through an `InspectorClient`, so it renders in tests with a mock client and a
 * fixed clock. The reading itself is the domain's `inspectToken`; nothing here re-derives it.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { InspectorClient } from '../ui/extension-client';
import type { Capture } from '../shared/capture';
import type { ActionResult, CapturesView } from '../shared/messages';
import type { SettingsView } from '../shared/settings';
import type { Localized, TokenInspection, VerificationResult } from '../domain/types';
import { inspectToken } from '../domain/inspect';
import { overallVerdict } from '../domain/overall-verdict';
import { buildTicketReport } from '../domain/report';
import { inBothLanguages, translator, type Language } from '../ui/i18n';
import { SectionBoundary } from '../ui/section-boundary';
import { useNow, type Clock } from '../ui/use-now';
import { clipboardWriteText, type WriteText } from '../ui/copy-button';
import { claimText, personalClaimText } from './claim-value';
import { VerdictSection, type VerifyState } from './verdict-section';
import { PersonSection } from './person-section';
import { OfficeSection } from './office-section';
import { TokenSection } from './token-section';
import { FindingsSection } from './findings-section';
import { RawSection } from './raw-section';
import { CapturePicker, type CaptureLabel } from './capture-picker';
import { PasteBox } from './paste-box';
import { EmptyState } from './empty-state';
import { DEFAULT_CAPTURE_SITES } from '../shared/capture-sites';
import { ReportActions } from './report-actions';
import { ClearActions } from './clear-actions';

export interface PopupAppProps {
  client: InspectorClient;
  /** The clock; tests pass a fixed one. The countdown re-reads it every second. */
  now?: Clock;
  writeText?: WriteText;
}

const EMPTY_VIEW: CapturesView = { currentTab: [], elsewhere: [] };
const IDLE: VerifyState = { running: false, error: null };

/** The background could not be reached: kept in both languages, so a language switch re-words it. */
function backgroundError(error: unknown): Localized {
  return inBothLanguages('app.backgroundError', { detail: error instanceof Error ? error.message : String(error) });
}

export function PopupApp({ client, now = Date.now, writeText = clipboardWriteText }: PopupAppProps) {
  const nowMs = useNow(now);
  const [settings, setSettings] = useState<SettingsView | null>(null);
  const [tabId, setTabId] = useState<number | null>(null);
  const [view, setView] = useState<CapturesView>(EMPTY_VIEW);
  const [loaded, setLoaded] = useState(false);
  const [loadError, setLoadError] = useState<Localized | null>(null);
  /** null = follow the newest capture of this tab (so a new login shows up by itself). */
  const [selectedId, setSelectedId] = useState<string | null>(null);
  /** A just-pasted capture, shown even before the refreshed view lists it. */
  const [pasted, setPasted] = useState<Capture | null>(null);
  const [revealId, setRevealId] = useState(false);
  const [verifyState, setVerifyState] = useState<VerifyState>(IDLE);
  /** A result this popup asked for, with the verification settings it was asked under. */
  const [freshVerification, setFreshVerification] = useState<{ captureId: string; settingsFingerprint: string; result: VerificationResult } | null>(null);
  const [clearedCount, setClearedCount] = useState<number | null>(null);
  const tabIdRef = useRef<number | null>(null);

  const language: Language = settings?.language ?? 'th';
  const t = translator(language);

  const refresh = useCallback(async () => {
    try {
      setView(await client.getCaptures(tabIdRef.current));
      setLoadError(null);
    } catch (error) {
      setLoadError(backgroundError(error));
    }
  }, [client]);

  useEffect(() => {
    let live = true;
    (async () => {
      try {
        const [loadedSettings, currentTab] = await Promise.all([client.getSettingsView(), client.currentTabId()]);
        if (!live) return;
        tabIdRef.current = currentTab;
        setTabId(currentTab);
        setSettings(loadedSettings);
        await refresh();
      } catch (error) {
        if (live) setLoadError(backgroundError(error));
      } finally {
        if (live) setLoaded(true);
      }
    })();
    const unsubscribe = client.onCapturesChanged(() => void refresh());
    // Settings changed elsewhere (a new ClientID in the options page): read them again, and the
    // captures too, whose stored results the background hides once made under other settings.
    const unsubscribeSettings = client.onSettingsChanged(() => {
      void client.getSettingsView().then((next) => {
        if (live) setSettings(next);
      }, () => undefined);
      void refresh();
    });
    return () => {
      live = false;
      unsubscribe();
      unsubscribeSettings();
    };
  }, [client, refresh]);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  // Which capture sites this browser has not granted (checked once settings are known).
  const [notAllowedSites, setNotAllowedSites] = useState<string[]>([]);
  useEffect(() => {
    if (!settings) return;
    let live = true;
    const sites = [...DEFAULT_CAPTURE_SITES, ...settings.captureSites.map((origin) => ({ label: origin, origin }))];
    void Promise.all(sites.map(async (site) => ((await client.hasOrigin(site.origin).catch(() => true)) ? [] : [site.label]))).then((missing) => {
      if (live) setNotAllowedSites(missing.flat());
    });
    return () => {
      live = false;
    };
  }, [client, settings?.captureSites]);

  const allCaptures = useMemo(() => [...view.currentTab, ...view.elsewhere], [view]);
  const selected: Capture | null =
    (selectedId !== null ? (allCaptures.find((c) => c.id === selectedId) ?? (pasted?.id === selectedId ? pasted : null)) : null) ??
    view.currentTab[0] ??
    null;

  // A different token: hide its ID number again and forget the other token's verify state.
  useEffect(() => {
    setRevealId(false);
    setVerifyState(IDLE);
  }, [selected?.id]);

  const inspection: TokenInspection | null = useMemo(
    () => (selected ? inspectToken(selected.token, nowMs) : null),
    [selected?.token, nowMs],
  );

  // Who each capture is for, read once per list (not every tick): the switcher's labels. A
  // username that repeats the ID number stays masked here: the reveal is for the token shown.
  const labels = useMemo(() => {
    const map = new Map<string, CaptureLabel>();
    for (const capture of allCaptures) {
      const reading = inspectToken(capture.token, capture.capturedAt);
      const who =
        reading.kind === 'decoded'
          ? [claimText(reading, 'firstname', language), claimText(reading, 'lastname', language)].filter(Boolean).join(' ') ||
            personalClaimText(reading, 'username', language, false)?.text
          : null;
      map.set(capture.id, { who: who || null });
    }
    return map;
  }, [allCaptures, language]);

  const stored = selected?.verification?.result ?? null;
  // Like the stored one, a result asked for under other settings is never shown as current.
  const currentFingerprint = settings?.verification.fingerprint ?? null;
  const fresh =
    selected && freshVerification?.captureId === selected.id && freshVerification.settingsFingerprint === currentFingerprint ? freshVerification.result : null;
  const verification = stored && fresh ? (fresh.checkedAt >= stored.checkedAt ? fresh : stored) : (stored ?? fresh);

  const setLanguage = async (next: Language) => {
    if (!settings || settings.language === next) return;
    setSettings({ ...settings, language: next });
    // Only the language is sent: the background changes it in the settings as they are now.
    try {
      const saved = await client.setLanguage(next);
      if (saved.ok) setSettings(saved.value);
    } catch {
      // The language still changes for this popup; it is only not remembered.
    }
  };

  const verify = async (force: boolean) => {
    if (!selected || !settings) return;
    const captureId = selected.id;
    const settingsFingerprint = settings.verification.fingerprint;
    setVerifyState({ running: true, error: null });
    try {
      const result = await client.verify(captureId, force);
      if (result.ok) {
        setFreshVerification({ captureId, settingsFingerprint, result: result.value });
        setVerifyState(IDLE);
      } else {
        setVerifyState({ running: false, error: result.error });
      }
    } catch (error) {
      setVerifyState({ running: false, error: backgroundError(error) });
    }
  };

  const paste = async (text: string): Promise<ActionResult<Capture>> => {
    const result = await client.pasteToken(text);
    if (result.ok) {
      setPasted(result.value);
      setSelectedId(result.value.id);
      await refresh();
    }
    return result;
  };

  const clear = async (scope: { scope: 'tab'; tabId: number } | { scope: 'all' }) => {
    const { cleared } = await client.clearCaptures(scope);
    setClearedCount(cleared);
    setSelectedId(null);
    setPasted(null);
    setFreshVerification(null);
    await refresh();
    return cleared;
  };

  const buildReport =
    inspection && selected
      ? (format: 'text' | 'markdown') =>
          buildTicketReport({ inspection, capture: selected, verification: verification ?? undefined, nowMs: now(), language, format })
      : null;

  const picker = allCaptures.length > 0 && (
    <CapturePicker
      view={view}
      selectedId={selected?.id ?? null}
      labels={labels}
      nowMs={nowMs}
      language={language}
      onSelect={setSelectedId}
      open={!selected}
    >
      <ClearActions
        language={language}
        onClearTab={tabId === null || view.currentTab.length === 0 ? null : () => clear({ scope: 'tab', tabId })}
        onClearAll={() => clear({ scope: 'all' })}
        cleared={clearedCount}
      />
    </CapturePicker>
  );

  return (
    <div class="popup">
      <header class="topbar">
        <h1 class="topbar__title">{t('app.title')}</h1>
        <div class="topbar__tools">
          {/* Each language is named in itself (not from the catalogue), so a reader finds their own. */}
          <div class="language" role="group" aria-label={t('language.group')}>
            <button type="button" lang="th" aria-pressed={language === 'th'} onClick={() => setLanguage('th')}>
              ไทย
            </button>
            <button type="button" lang="en" aria-pressed={language === 'en'} onClick={() => setLanguage('en')}>
              English
            </button>
          </div>
          <button type="button" class="button button--quiet" onClick={() => void client.openOptionsPage()}>
            {t('app.options')}
          </button>
        </div>
      </header>
      <main class="content">
        {!loaded ? (
          <p class="muted" role="status">
            {t('app.loading')}
          </p>
        ) : (
          <>
            {loadError && (
              <p class="alert" role="alert">
                {loadError[language]}
              </p>
            )}
            {/* With a token shown, the switcher sits above it; with none, below the line saying why. */}
            {selected && picker && <SectionBoundary language={language}>{picker}</SectionBoundary>}
            {selected && inspection ? (
              <TokenView
                key={selected.id}
                inspection={inspection}
                capture={selected}
                nowMs={nowMs}
                language={language}
                verification={verification}
                verifyState={verifyState}
                onVerify={verify}
                plainHttp={settings?.verification.endpointSecurity === 'plain-http'}
                revealId={revealId}
                onToggleReveal={() => setRevealId((shown) => !shown)}
                writeText={writeText}
              />
            ) : (
              <EmptyState
                language={language}
                addedSites={settings?.captureSites ?? []}
                notAllowedSites={notAllowedSites}
                hasCapturesElsewhere={allCaptures.length > 0}
                onOpenOptions={() => void client.openOptionsPage()}
              />
            )}
            {!selected && picker && <SectionBoundary language={language}>{picker}</SectionBoundary>}
            <PasteBox language={language} open={!selected} onPaste={paste} />
          </>
        )}
      </main>
      {loaded && buildReport && <ReportActions language={language} writeText={writeText} buildReport={buildReport} />}
    </div>
  );
}

interface TokenViewProps {
  inspection: TokenInspection;
  capture: Capture;
  nowMs: number;
  language: Language;
  verification: VerificationResult | null;
  verifyState: VerifyState;
  onVerify: (force: boolean) => void;
  /** Verifying would cross the network unencrypted (see endpointSecurity). */
  plainHttp: boolean;
  revealId: boolean;
  onToggleReveal: () => void;
  writeText: WriteText;
}

/**
 * The six sections of the issue, top to bottom. Each is drawn inside its own boundary, so a part
 * of a hostile token the code did not foresee blanks one section, never the whole popup.
 */
function TokenView(props: TokenViewProps) {
  const { inspection, capture, nowMs, language, verification, verifyState, onVerify, plainHttp, revealId, onToggleReveal, writeText } = props;
  const findings = [...inspection.findings, ...(verification?.findings ?? [])];
  const timesClaimedOnly = overallVerdict(inspection, verification) === 'not-genuine';
  return (
    <>
      <SectionBoundary language={language}>
        <VerdictSection
          inspection={inspection}
          nowMs={nowMs}
          language={language}
          verification={verification}
          onVerify={onVerify}
          verifyState={verifyState}
          plainHttp={plainHttp}
        />
      </SectionBoundary>
      {inspection.kind === 'decoded' && inspection.verdict !== 'not-sso' && (
        <>
          <SectionBoundary language={language}>
            <PersonSection inspection={inspection} language={language} revealId={revealId} onToggleReveal={onToggleReveal} />
          </SectionBoundary>
          <SectionBoundary language={language}>
            <OfficeSection inspection={inspection} language={language} />
          </SectionBoundary>
        </>
      )}
      {inspection.kind === 'decoded' && (
        <SectionBoundary language={language}>
          <TokenSection inspection={inspection} capture={capture} language={language} revealId={revealId} timesClaimedOnly={timesClaimedOnly} />
        </SectionBoundary>
      )}
      <SectionBoundary language={language}>
        <FindingsSection findings={findings} language={language} />
      </SectionBoundary>
      {inspection.kind === 'decoded' && (
        <SectionBoundary language={language}>
          <RawSection inspection={inspection} language={language} revealId={revealId} writeText={writeText} />
        </SectionBoundary>
      )}
    </>
  );
}
