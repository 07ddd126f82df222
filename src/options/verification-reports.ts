/**
 * What the verification section says after each of its actions (load the WSDL, save, grant,
 * test), as plain functions from the outcome to a `StatusReport`. No Preact here, so what is
 * said in each case is tested on its own.
 */
import type { ActionResult } from '../shared/messages';
import type { VerificationSettings } from '../shared/settings';
import type { Localized } from '../domain/finding';
import type { VerificationResult } from '../domain/soap/answer';
import type { WsdlDescription } from '../domain/soap/wsdl';
import type { PermissionAnswer } from './ask-for-origin';
import { describeTestResult } from './describe-test-result';
import { statusReport, type MessageText, type StatusReport } from './status-report';
import {
  FIELD_LABELS,
  checkVerificationForm,
  type FormCheck,
  type FormField,
  type VerificationForm,
} from './verification-form';

/** The fields with an error, in the order the form lists them (FIELD_LABELS follows the form). */
export function invalidFields(errors: FormCheck['errors']): FormField[] {
  return (Object.keys(FIELD_LABELS) as FormField[]).filter((field) => errors[field]);
}

/** "Not saved, please correct: …", naming each field by its label in the language shown. */
export function invalidReport(errors: FormCheck['errors'], labelOf: (field: FormField) => string): StatusReport {
  return statusReport('error', 'status.invalid', { fields: invalidFields(errors).map(labelOf).join(', ') });
}

export function wsdlLoadedReport(loaded: WsdlDescription): StatusReport {
  const lines: MessageText[] = loaded.guess
    ? [{ key: 'status.wsdlGuess', values: { operation: loaded.guess.operation } }]
    : [];
  return statusReport('success', 'status.wsdlLoaded', { count: loaded.operations.length }, lines);
}

/** A failed load; when the host permission was refused, that is said too, as the likely cause. */
export function wsdlFailedReport(reason: Localized, origin: string, granted: boolean): StatusReport {
  const lines: MessageText[] = granted ? [] : [{ key: 'status.wsdlNoPermission', values: { origin } }];
  return statusReport('error', 'status.wsdlFailed', { reason }, lines);
}

/** Saved: with the permission, or, without it, saying plainly that verification cannot reach the service, and how to allow it. */
export function savedReport(answer: PermissionAnswer, origin: string, warnings: FormCheck['warnings']): StatusReport {
  const warningLines: MessageText[] = warnings.map((key) => ({ key }));
  if (answer.granted) {
    return statusReport(
      warningLines.length > 0 ? 'warning' : 'success',
      'status.savedPermissionGranted',
      { origin },
      warningLines,
    );
  }
  const lines: MessageText[] = [
    ...(answer.error ? [{ key: 'status.permissionError' as const, values: { reason: answer.error } }] : []),
    { key: 'permission.howTo' },
    ...warningLines,
  ];
  return statusReport('warning', 'status.permissionDenied', { origin }, lines);
}

export function grantReport(answer: PermissionAnswer, origin: string): StatusReport {
  return answer.granted
    ? statusReport('success', 'permission.granted', { origin })
    : statusReport('warning', 'permission.missing', { origin }, [{ key: 'permission.howTo' }]);
}

function sameVerification(a: VerificationSettings, b: VerificationSettings): boolean {
  return (Object.keys(a) as Array<keyof VerificationSettings>).every((key) => a[key] === b[key]);
}

/** The test's answer; the background tests what is stored, so say so when the form holds something else. */
export function testReport(
  result: ActionResult<VerificationResult>,
  form: VerificationForm,
  saved: VerificationSettings,
): StatusReport {
  const report = describeTestResult(result);
  const current = checkVerificationForm(form).settings;
  if (!current || !sameVerification(current, saved)) report.lines.push({ key: 'test.unsaved' });
  return report;
}
