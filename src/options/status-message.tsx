/**
 * The live region where the result of an action is said: polite, so it never interrupts typing.
 * Findings from the background are listed by the shared FindingsList, most serious first.
 */
import { FindingsList } from '../ui/findings-list';
import { useStrings } from '../ui/strings';
import { OPTIONS_STRINGS } from './options-strings';
import type { StatusReport } from './status-report';

export function StatusMessage({ report, testId }: { report: StatusReport | null; testId: string }) {
  const { t, pick } = useStrings(OPTIONS_STRINGS);
  return (
    <div
      class={`status status--${report?.tone ?? 'empty'}`}
      data-testid={testId}
      data-tone={report?.tone ?? ''}
      role="status"
      aria-live="polite"
    >
      {report && (
        <>
          <p class="status__headline">
            {'raw' in report.headline ? pick(report.headline.raw) : t(report.headline.key, report.headline.values)}
          </p>
          {report.lines.length > 0 && (
            <ul class="status__lines">
              {report.lines.map((line, index) => (
                <li key={index}>{t(line.key, line.values)}</li>
              ))}
            </ul>
          )}
          {report.findings.length > 0 && <FindingsList findings={report.findings} />}
        </>
      )}
    </div>
  );
}
