/**
 * The options page: where an administrator or integrator sets up verification and adds
 * capture sites. It reaches the extension only through `InspectorClient`, so it
 * renders in vitest with a mock.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { InspectorClient } from '../ui/extension-client';
import type { ActionResult } from '../shared/messages';
import type { Settings } from '../shared/settings';
import type { Localized } from '../domain/finding';
import { CaptureSitesSection } from './capture-sites-section';
import { LanguageContext, stringsFor, type Language } from '../ui/strings';
import { OPTIONS_STRINGS } from './options-strings';
import { StatusMessage } from './status-message';
import { attempt, errorText, statusReport, type StatusReport } from './status-report';
import type { SaveSettings } from './save-settings';
import { VerificationSection } from './verification-section';

export function OptionsPage({ client }: { client: InspectorClient }) {
  const [saved, setSaved] = useState<Settings | null>(null);
  const [loadError, setLoadError] = useState<Localized | null>(null);
  const [languageStatus, setLanguageStatus] = useState<StatusReport | null>(null);
  /** The latest stored settings, for saves that start before a re-render. */
  const latest = useRef<Settings | null>(null);
  /** Saves run one after another, each on top of the last one's result, so none undoes another. */
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  useEffect(() => {
    let live = true;
    client.getSettings().then(
      (settings) => {
        if (!live) return;
        latest.current = settings;
        setSaved(settings);
      },
      (error: unknown) => live && setLoadError(errorText(error)),
    );
    return () => {
      live = false;
    };
  }, [client]);

  const save: SaveSettings = useCallback(
    (update) => {
      const run = async (): Promise<ActionResult<Settings>> => {
        const current = latest.current;
        if (!current)
          return { ok: false, error: { th: 'ยังไม่ได้อ่านการตั้งค่า', en: 'The settings have not been read yet.' } };
        const result = await attempt(() => client.saveSettings(update(current)));
        if (result.ok) {
          latest.current = result.value;
          setSaved(result.value);
        }
        return result;
      };
      const next = queue.current.then(run, run);
      queue.current = next;
      return next;
    },
    [client],
  );

  const language: Language = saved?.language ?? 'th';
  // This component provides the language, so it reads its own texts from it directly.
  const { t, pick } = stringsFor(OPTIONS_STRINGS, language);

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = t('page.title');
  }, [language]);

  async function onLanguage(next: Language) {
    const result = await save((current) => ({ ...current, language: next }));
    setLanguageStatus(result.ok ? null : statusReport('error', 'language.saveFailed', { reason: result.error }));
  }

  return (
    <LanguageContext.Provider value={language}>
      <div class="page">
        <header class="page__header">
          <h1>{t('page.title')}</h1>
          <div class="language">
            <label for="language">{t('language.label')}</label>
            <select
              id="language"
              data-testid="language"
              value={language}
              disabled={saved === null}
              onChange={(event) => void onLanguage(event.currentTarget.value === 'en' ? 'en' : 'th')}
            >
              <option value="th" lang="th">
                ไทย
              </option>
              <option value="en" lang="en">
                English
              </option>
            </select>
          </div>
        </header>
        {languageStatus && <StatusMessage report={languageStatus} testId="language-status" />}
        <main>
          {saved === null ? (
            <p class={loadError ? 'status status--error' : 'status'} role="status" data-testid="page-status">
              {loadError ? t('page.loadFailed', { reason: pick(loadError) }) : t('page.loading')}
            </p>
          ) : (
            <>
              <VerificationSection client={client} saved={saved} save={save} />
              <CaptureSitesSection client={client} saved={saved} save={save} />
            </>
          )}
        </main>
      </div>
    </LanguageContext.Provider>
  );
}
