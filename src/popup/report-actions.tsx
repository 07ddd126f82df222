/**
 * The actions around the token: copy a redacted report for a ticket (the domain builds it: ID
 * masked, signature dropped, callback URL stripped of the token), and clear what was captured.
 */
import { useState } from 'preact/hooks';
import { translator, type Language } from '../ui/i18n';
import { CopyButton, type WriteText } from '../ui/copy-button';

interface ReportActionsProps {
  language: Language;
  writeText: WriteText;
  /** null when there is no token to report on. */
  buildReport: ((format: 'text' | 'markdown') => string) | null;
  /** null when the popup has no tab (nothing to clear "on this tab"). */
  onClearTab: (() => Promise<number>) | null;
  onClearAll: () => Promise<number>;
}

export function ReportActions({ language, writeText, buildReport, onClearTab, onClearAll }: ReportActionsProps) {
  const t = translator(language);
  const [cleared, setCleared] = useState<number | null>(null);
  const clear = async (action: () => Promise<number>) => setCleared(await action());
  return (
    <footer class="actions" aria-label={t('report.heading')}>
      {buildReport && (
        <div class="actions__row">
          <CopyButton label={t('report.text')} language={language} writeText={writeText} text={() => buildReport('text')} />
          <CopyButton label={t('report.markdown')} language={language} writeText={writeText} text={() => buildReport('markdown')} />
        </div>
      )}
      <div class="actions__row">
        {onClearTab && (
          <button type="button" class="button button--quiet" onClick={() => clear(onClearTab)}>
            {t('clear.tab')}
          </button>
        )}
        <button type="button" class="button button--quiet" onClick={() => clear(onClearAll)}>
          {t('clear.all')}
        </button>
        <span role="status" aria-live="polite" class="muted small">
          {cleared === null ? '' : t('clear.done', { n: cleared })}
        </span>
      </div>
    </footer>
  );
}
