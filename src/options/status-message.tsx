/** The live region where the result of an action is said: polite, so it never interrupts typing. */
import { useStrings } from './strings-context';
import type { StatusReport } from './status-report';

export function StatusMessage({ report, testId }: { report: StatusReport | null; testId: string }) {
  const { language, t, text } = useStrings();
  return (
    <div class={`status status--${report?.tone ?? 'empty'}`} data-testid={testId} data-tone={report?.tone ?? ''} role="status" aria-live="polite">
      {report && (
        <>
          <p class="status__headline">{'raw' in report.headline ? report.headline.raw[language] : text(report.headline)}</p>
          {report.lines.length > 0 && (
            <ul class="status__lines">
              {report.lines.map((line, index) => (
                <li key={index}>{text(line)}</li>
              ))}
            </ul>
          )}
          {report.findings.length > 0 && (
            <ul class="findings">
              {report.findings.map((finding, index) => (
                <li key={`${finding.code}-${index}`} class={`finding finding--${finding.severity}`} data-code={finding.code}>
                  <strong>{finding.title[language]}</strong>
                  <span>{finding.detail[language]}</span>
                  <span>{t('finding.nextStep', { text: finding.nextStep[language] })}</span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
