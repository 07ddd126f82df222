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
import { LockedFieldsContext, lockedFormFields } from './locked-fields';
import { PolicyNotice } from './policy-notice';
import type { PolicyView } from '../shared/managed-policy';

const NO_POLICY_VIEW: PolicyView = { keys: [], captureSites: [], problems: [] };

/** Changes when the policy or a value it sets changes, and only then. */
function policySignature(policy: PolicyView, settings: Settings): string {
  const locked = policy.keys.map((key) =>
    key === 'captureSites' || key === 'defaultLanguage' ? key : settings.verification[key],
  );
  return JSON.stringify([policy.keys, locked]);
}

export function OptionsPage({ client }: { client: InspectorClient }) {
  const [saved, setSaved] = useState<Settings | null>(null);
  const [policy, setPolicy] = useState<PolicyView>(NO_POLICY_VIEW);
  const [loadError, setLoadError] = useState<Localized | null>(null);
  const [languageStatus, setLanguageStatus] = useState<StatusReport | null>(null);
  /** The latest stored settings, for saves that start before a re-render. */
  const latest = useRef<Settings | null>(null);
  /** Saves run one after another, each on top of the last one's result, so none undoes another. */
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  useEffect(() => {
    let live = true;
    const read = () =>
      Promise.all([client.getSettings(), client.getPolicy()]).then(
        ([settings, policyNow]) => {
          if (!live) return;
          latest.current = settings;
          setSaved(settings);
          setPolicy(policyNow);
        },
        (error: unknown) => live && setLoadError(errorText(error)),
      );
    void read();
    // A changed policy (Chrome reports it at once) or a save in another tab: show what is in force.
    const unsubscribe = client.onSettingsChanged(() => void read());
    return () => {
      live = false;
      unsubscribe();
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
              <PolicyNotice policy={policy} />
              {/* A new policy starts the forms afresh from what is now in force; a person's own
                  saves do not, so what they typed and the status lines stay. */}
              <LockedFieldsContext.Provider value={lockedFormFields(policy.keys)}>
                <VerificationSection key={policySignature(policy, saved)} client={client} saved={saved} save={save} />
              </LockedFieldsContext.Provider>
              <CaptureSitesSection client={client} saved={saved} save={save} policySites={policy.captureSites} />
            </>
          )}
        </main>
      </div>
    </LanguageContext.Provider>
  );
}
