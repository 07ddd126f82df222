/**
 * The popup's language: the remembered one (Thai until the settings are read), switched at once
 * on screen and then remembered through the background.
 */
import { useEffect } from 'preact/hooks';
import type { InspectorClient } from '../ui/extension-client';
import type { SettingsView } from '../shared/settings-view';
import type { Language } from '../ui/strings';

export function usePopupLanguage(
  client: InspectorClient,
  settings: SettingsView | null,
  setSettings: (settings: SettingsView) => void,
): { language: Language; setLanguage: (next: Language) => Promise<void> } {
  const language: Language = settings?.language ?? 'th';

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

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

  return { language, setLanguage };
}
