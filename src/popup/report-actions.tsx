/**
 * Copy a redacted report for a ticket: the domain builds it (ID masked, signature dropped,
 * callback URL stripped of the token), in plain text or Markdown.
 */
import { useStrings } from '../ui/strings';
import { POPUP_STRINGS } from './popup-strings';
import { CopyButton, type WriteText } from '../ui/copy-button';

interface ReportActionsProps {
  writeText: WriteText;
  buildReport: (format: 'text' | 'markdown') => Promise<string>;
}

export function ReportActions({ writeText, buildReport }: ReportActionsProps) {
  const { t } = useStrings(POPUP_STRINGS);
  return (
    <footer class="actions" aria-label={t('report.heading')}>
      <CopyButton label={t('report.text')} writeText={writeText} text={() => buildReport('text')} />
      <CopyButton label={t('report.markdown')} writeText={writeText} text={() => buildReport('markdown')} />
    </footer>
  );
}
