/**
 * The verification part of the options page as a plain form model: what the inputs hold (text,
 * as typed), how a loaded WSDL fills them, and how they are checked and turned back into
 * `VerificationSettings`. No Preact here, so each rule is tested on its own.
 */
import { TEXT_LIMITS, TIMEOUT_LIMITS_MS, type VerificationSettings } from '../shared/settings';
import { endpointSecurity, isHttpUrl } from '../domain/url';
import type { WsdlDescription, WsdlOperation } from '../domain/soap/wsdl';
import { isXmlName } from '../domain/soap/envelope';
import type { OptionsStringKey } from './options-strings';

/**
 * Everything as the inputs hold it: the settings' own fields, except the timeout, which a person
 * types in seconds (the settings keep milliseconds).
 */
export type VerificationForm = Omit<VerificationSettings, 'timeoutMs'> & { timeoutSeconds: string };

export type FormField = keyof VerificationForm;

export const TIMEOUT_MIN_SECONDS = TIMEOUT_LIMITS_MS.min / 1000;
export const TIMEOUT_MAX_SECONDS = TIMEOUT_LIMITS_MS.max / 1000;

export function formFromSettings(settings: VerificationSettings): VerificationForm {
  return {
    wsdlUrl: settings.wsdlUrl,
    clientId: settings.clientId,
    timeoutSeconds: String(settings.timeoutMs / 1000),
    autoVerify: settings.autoVerify,
    autoVerifyOverPlainHttp: settings.autoVerifyOverPlainHttp,
    endpoint: settings.endpoint,
    soapVersion: settings.soapVersion,
    style: settings.style,
    namespace: settings.namespace,
    operation: settings.operation,
    soapAction: settings.soapAction,
    tokenParameter: settings.tokenParameter,
    clientIdParameter: settings.clientIdParameter,
  };
}

/** Why a typed address is not one the settings take: a user name or password in it has its own words. */
function urlError(text: string): 'error.httpUrl' | 'error.urlCredentials' {
  try {
    const url = new URL(text.trim());
    return url.username !== '' || url.password !== '' ? 'error.urlCredentials' : 'error.httpUrl';
  } catch {
    return 'error.httpUrl';
  }
}

/**
 * The endpoint is `http:` to a host that is not this PC: tokens (with national ID numbers) and
 * the ClientID would cross the network unencrypted. The page says so beside the endpoint.
 */
export function isPlainHttp(form: Pick<VerificationForm, 'endpoint'>): boolean {
  return endpointSecurity(form.endpoint) === 'plain-http';
}

/**
 * Whether the second, explicit choice (auto-verify over plain HTTP too) is on screen: only when
 * it could matter. It is saved only while shown, so a choice made for one plain-HTTP address is
 * never kept, unseen, behind an https address and carried back to the next http one.
 */
export function plainHttpChoiceShown(form: Pick<VerificationForm, 'endpoint' | 'autoVerify'>): boolean {
  return form.autoVerify && isPlainHttp(form);
}

/**
 * Picks `operationName` from the WSDL: its SOAPAction, style and namespace come with it. The
 * parameters are the WSDL's guess when this is the guessed operation; for any other operation
 * they are left for the person to choose, because a guess made for one operation says nothing
 * about another's parameters.
 */
export function formWithOperation(
  form: VerificationForm,
  description: WsdlDescription,
  operationName: string,
): VerificationForm {
  const operation = description.operations.find((candidate) => candidate.name === operationName);
  if (!operation) return { ...form, operation: '', soapAction: '', tokenParameter: '', clientIdParameter: '' };
  const guess = description.guess?.operation === operation.name ? description.guess : null;
  return {
    ...form,
    soapVersion: description.soapVersion,
    style: operation.style,
    namespace: namespaceOf(operation, description),
    operation: operation.name,
    soapAction: operation.soapAction,
    tokenParameter: pickParameter(operation, guess?.tokenParameter ?? null),
    clientIdParameter: pickParameter(operation, guess?.clientIdParameter ?? null),
  };
}

/**
 * Fills the form from a freshly loaded WSDL: its address, and the guessed operation (or the only
 * one, when there is just one). What the person typed in fields the WSDL does not speak to — the
 * ClientID, timeout, auto-verify — stays as it was.
 */
export function formFromWsdl(form: VerificationForm, description: WsdlDescription): VerificationForm {
  const withEndpoint = {
    ...form,
    endpoint: description.endpoint ?? form.endpoint,
    soapVersion: description.soapVersion,
  };
  const chosen =
    description.guess?.operation ?? (description.operations.length === 1 ? description.operations[0]!.name : '');
  return formWithOperation(withEndpoint, description, chosen);
}

function namespaceOf(operation: WsdlOperation, description: WsdlDescription): string {
  return operation.inputNamespace || description.targetNamespace;
}

function pickParameter(operation: WsdlOperation, guessed: string | null): string {
  return guessed !== null && operation.inputParameters.includes(guessed) ? guessed : '';
}

export interface FormCheck {
  /** Field → what is wrong with it. Any error blocks saving. */
  errors: Partial<Record<FormField, OptionsStringKey>>;
  /** Worth saying, but saving goes ahead (e.g. no ClientID yet). */
  warnings: OptionsStringKey[];
  /** The settings to save, when there are no errors. */
  settings: VerificationSettings | null;
}

export function checkVerificationForm(form: VerificationForm): FormCheck {
  const errors: Partial<Record<FormField, OptionsStringKey>> = {};
  const warnings: OptionsStringKey[] = [];
  const trimmed = (field: Exclude<FormField, 'autoVerify' | 'autoVerifyOverPlainHttp'>) => form[field].trim();

  // The background refuses what validateSettings refuses (src/shared/settings.ts): say so here,
  // beside the field, before anything is asked for or sent.
  for (const [field, limit] of Object.entries(TEXT_LIMITS) as Array<[keyof typeof TEXT_LIMITS, number]>) {
    if (trimmed(field).length > limit) errors[field] = 'error.tooLong';
  }
  if (!errors.wsdlUrl && !isHttpUrl(form.wsdlUrl)) errors.wsdlUrl = urlError(form.wsdlUrl);
  if (!errors.endpoint && !isHttpUrl(form.endpoint))
    errors.endpoint = trimmed('endpoint') === '' ? 'error.required' : urlError(form.endpoint);

  const seconds = Number(trimmed('timeoutSeconds'));
  const timeoutValid =
    trimmed('timeoutSeconds') !== '' &&
    Number.isFinite(seconds) &&
    seconds >= TIMEOUT_MIN_SECONDS &&
    seconds <= TIMEOUT_MAX_SECONDS;
  if (!timeoutValid) errors.timeoutSeconds = 'error.timeout';

  for (const field of ['operation', 'tokenParameter', 'clientIdParameter'] as const) {
    const value = trimmed(field);
    if (errors[field]) continue;
    if (value === '') errors[field] = 'error.required';
    // The envelope builder refuses names it cannot write safely; say so here, before saving.
    else if (!isXmlName(value)) errors[field] = 'error.xmlName';
  }
  if (
    !errors.tokenParameter &&
    !errors.clientIdParameter &&
    trimmed('tokenParameter') === trimmed('clientIdParameter')
  ) {
    errors.clientIdParameter = 'error.sameParameter';
  }

  // Manual §4: without the ClientID the service answers case 4 at best. Saving the rest is still
  // useful (an integrator may get the ClientID later), so this only warns.
  if (trimmed('clientId') === '') warnings.push('warning.noClientId');
  if (trimmed('namespace') === '') warnings.push('warning.noNamespace');
  const overPlainHttp = plainHttpChoiceShown(form) && form.autoVerifyOverPlainHttp;
  if (isPlainHttp(form)) warnings.push('warning.plainHttp');
  if (plainHttpChoiceShown(form) && !overPlainHttp) warnings.push('warning.autoVerifyHeldBack');

  if (Object.keys(errors).length > 0) return { errors, warnings, settings: null };
  return {
    errors,
    warnings,
    settings: {
      wsdlUrl: trimmed('wsdlUrl'),
      clientId: trimmed('clientId'),
      timeoutMs: Math.round(seconds * 1000),
      autoVerify: form.autoVerify,
      autoVerifyOverPlainHttp: overPlainHttp,
      endpoint: trimmed('endpoint'),
      soapVersion: form.soapVersion,
      style: form.style,
      namespace: trimmed('namespace'),
      operation: trimmed('operation'),
      soapAction: trimmed('soapAction'),
      tokenParameter: trimmed('tokenParameter'),
      clientIdParameter: trimmed('clientIdParameter'),
    },
  };
}

/** The form's label key for each field, so an error summary can name the fields to fix. */
export const FIELD_LABELS: Record<FormField, OptionsStringKey> = {
  wsdlUrl: 'field.wsdlUrl',
  clientId: 'field.clientId',
  timeoutSeconds: 'field.timeout',
  autoVerify: 'field.autoVerify',
  autoVerifyOverPlainHttp: 'field.autoVerifyOverPlainHttp',
  endpoint: 'field.endpoint',
  soapVersion: 'field.soapVersion',
  style: 'field.style',
  namespace: 'field.namespace',
  operation: 'field.operation',
  soapAction: 'field.soapAction',
  tokenParameter: 'field.tokenParameter',
  clientIdParameter: 'field.clientIdParameter',
};
