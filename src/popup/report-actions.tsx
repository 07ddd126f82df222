/**
 * Copy a redacted report for a ticket: the domain builds it (ID masked, signature dropped,
 * callback URL stripped of the token), in plain text or Markdown.
 */
import { translator, type Language } from '../ui/i18n';
import { CopyButton, type WriteText } from '../ui/copy-button';

interface ReportActionsProps {
  language: Language;
  writeText: WriteText;
  buildReport: (format: 'text' | 'markdown') => string;
}

export function ReportActions({ language, writeText, buildReport }: ReportActionsProps) {
  const t = translator(language);
  return (
    <footer class="actions" aria-label={t('report.heading')}>
      <CopyButton label={t('report.text')} language={language} writeText={writeText} text={() => buildReport('text')} />
      <CopyButton label={t('report.markdown')} language={language} writeText={writeText} text={() => buildReport('markdown')} />
    </footer>
  );
}
