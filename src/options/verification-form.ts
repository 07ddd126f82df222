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

/** One SOAP port of a loaded WSDL, as the page offers it. */
export interface WsdlPortChoice {
  key: string;
  service: string;
  port: string;
  binding: string;
  soapVersion: '1.1' | '1.2';
  endpoint: string | null;
}

export function portKeyOf(operation: Pick<WsdlOperation, 'service' | 'port'>): string {
  return `${operation.service}/${operation.port}`;
}

/** The ports of a description, in its order (SOAP 1.1 first), each once. */
export function wsdlPorts(description: WsdlDescription): WsdlPortChoice[] {
  const ports = new Map<string, WsdlPortChoice>();
  for (const operation of description.operations) {
    const key = portKeyOf(operation);
    if (!ports.has(key))
      ports.set(key, {
        key,
        service: operation.service,
        port: operation.port,
        binding: operation.binding,
        soapVersion: operation.soapVersion,
        endpoint: operation.endpoint,
      });
  }
  return [...ports.values()];
}

export function operationsOfPort(description: WsdlDescription, portKey: string): WsdlOperation[] {
  return description.operations.filter((operation) => portKeyOf(operation) === portKey);
}

/** The port a freshly loaded WSDL starts on: the guessed operation's, else the first. */
export function initialPort(description: WsdlDescription): string {
  const guessed = description.operations.find((operation) => operation.key === description.guess?.operationKey);
  const first = guessed ?? description.operations[0];
  return first ? portKeyOf(first) : '';
}

/**
 * Picks `operationName` from the WSDL, on `portKey` when given (else wherever it is first
 * offered): its SOAPAction, style and namespace come with it, and its port's address and SOAP
 * version. The parameters are the WSDL's guess when this is the guessed operation; for any
 * other operation they are left for the person to choose, because a guess made for one
 * operation says nothing about another's parameters.
 */
export function formWithOperation(
  form: VerificationForm,
  description: WsdlDescription,
  operationName: string,
  portKey?: string,
): VerificationForm {
  const operation = description.operations.find(
    (candidate) => candidate.name === operationName && (portKey === undefined || portKeyOf(candidate) === portKey),
  );
  if (!operation) return { ...form, operation: '', soapAction: '', tokenParameter: '', clientIdParameter: '' };
  const guess = description.guess?.operation === operation.name ? description.guess : null;
  return {
    ...form,
    endpoint: operation.endpoint ?? form.endpoint,
    soapVersion: operation.soapVersion,
    style: operation.style,
    namespace: namespaceOf(operation, description),
    operation: operation.name,
    soapAction: operation.soapAction,
    tokenParameter: pickParameter(operation, guess?.tokenParameter ?? null),
    clientIdParameter: pickParameter(operation, guess?.clientIdParameter ?? null),
  };
}

/**
 * Moves to another port: the same operation there when it has one (with the parameters already
 * chosen, when that operation takes them too), else no operation yet; the port's address and
 * SOAP version either way.
 */
export function formWithPort(form: VerificationForm, description: WsdlDescription, portKey: string): VerificationForm {
  const port = wsdlPorts(description).find((candidate) => candidate.key === portKey);
  if (!port) return form;
  const onPort = { ...form, endpoint: port.endpoint ?? form.endpoint, soapVersion: port.soapVersion };
  const same = operationsOfPort(description, portKey).find((operation) => operation.name === form.operation);
  if (!same) return { ...onPort, operation: '', soapAction: '', tokenParameter: '', clientIdParameter: '' };
  const moved = formWithOperation(onPort, description, same.name, portKey);
  return {
    ...moved,
    tokenParameter: moved.tokenParameter || pickParameter(same, form.tokenParameter || null),
    clientIdParameter: moved.clientIdParameter || pickParameter(same, form.clientIdParameter || null),
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
  // The same operation offered on two ports (SOAP 1.1 and 1.2) is still the only one.
  const names = new Set(description.operations.map((operation) => operation.name));
  const chosen = description.guess?.operation ?? (names.size === 1 ? [...names][0]! : '');
  return formWithOperation(withEndpoint, description, chosen, initialPort(description));
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
