/**
 * The panel page's root: which tab, which language, and the timeline, over a source and a client
 * handed in (tests pass fakes). The language is the extension's setting, and switching it here
 * saves it, as the popup does.
 */
import { useEffect, useState } from 'preact/hooks';
import type { InspectorClient } from '../ui/extension-client';
import { LanguageContext, type Language } from '../ui/strings';
import type { WriteText } from '../ui/copy-button';
import { TimelinePanel } from './timeline-panel';
import { useTimeline, type TimelineSource } from './use-timeline';

export interface PanelAppProps {
  tabId: number | null;
  source: TimelineSource;
  client: Pick<InspectorClient, 'getSettingsView' | 'setLanguage'>;
  writeText: WriteText;
}

export function PanelApp({ tabId, source, client, writeText }: PanelAppProps) {
  const hops = useTimeline(source, tabId);
  const [language, setLanguage] = useState<Language>('th');
  useEffect(() => {
    void client
      .getSettingsView()
      .then((view) => setLanguage(view.language))
      .catch(() => undefined);
  }, [client]);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const onLanguage = (next: Language) => {
    setLanguage(next);
    void client.setLanguage(next).catch(() => undefined);
  };
  return (
    <LanguageContext.Provider value={language}>
      <TimelinePanel tabId={tabId} hops={hops} onLanguage={onLanguage} writeText={writeText} />
    </LanguageContext.Provider>
  );
}
