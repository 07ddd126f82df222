/**
 * The verification service settings: WSDL URL, ClientID, timeout, auto-verify, and
 * which operation and parameters carry the token and the ClientID. The manual gives the WSDL
 * but not the operation or parameter names (§4.1), so they are read from the WSDL and guessed
 * from names, and a person confirms or types them.
 */
import { useEffect, useState } from 'preact/hooks';
import type { InspectorClient } from '../ui/extension-client';
import { TEXT_LIMITS, type Settings, type VerificationSettings } from '../shared/settings';
import { endpointSecurity, isHttpUrl } from '../domain/url';
import type { Localized, WsdlDescription } from '../domain/types';
import { askForOrigin } from './ask-for-origin';
import { describeTestResult } from './describe-test-result';
import { Field, describedBy } from './field';
import { maskClientId } from './mask-client-id';
import { StatusMessage } from './status-message';
import { attempt, statusReport, type MessageText, type StatusReport } from './status-report';
import type { SaveSettings } from './save-settings';
import { useStrings } from './strings-context';
import {
  FIELD_LABELS,
  TIMEOUT_MAX_SECONDS,
  TIMEOUT_MIN_SECONDS,
  checkVerificationForm,
  formFromSettings,
  formFromWsdl,
  formWithOperation,
  isPlainHttp,
  plainHttpChoiceShown,
  type FormCheck,
  type FormField,
  type VerificationForm,
} from './verification-form';

/** `none`: nothing set up yet; `wsdl`: choosing from a loaded WSDL; `manual`: typing the details. */
type SetupMode = 'none' | 'wsdl' | 'manual';

export interface VerificationSectionProps {
  client: InspectorClient;
  saved: Settings;
  save: SaveSettings;
}

function originOf(url: string): string | null {
  return isHttpUrl(url) ? new URL(url.trim()).origin : null;
}

/** The id of each field's control on this page. */
const FIELD_INPUT_IDS: Record<FormField, string> = {
  wsdlUrl: 'wsdl-url',
  clientId: 'client-id',
  timeoutSeconds: 'timeout',
  autoVerify: 'auto-verify',
  autoVerifyOverPlainHttp: 'auto-verify-plain-http',
  endpoint: 'endpoint',
  soapVersion: 'soap-version',
  style: 'style',
  namespace: 'namespace',
  operation: 'operation',
  soapAction: 'soap-action',
  tokenParameter: 'token-parameter',
  clientIdParameter: 'client-id-parameter',
};

/** The first field with an error, in the order the form lists them. */
function firstInvalid(errors: FormCheck['errors']): FormField | null {
  return (Object.keys(FIELD_LABELS) as FormField[]).find((field) => errors[field]) ?? null;
}

function sameVerification(a: VerificationSettings, b: VerificationSettings): boolean {
  return (Object.keys(a) as Array<keyof VerificationSettings>).every((key) => a[key] === b[key]);
}

export function VerificationSection({ client, saved, save }: VerificationSectionProps) {
  const { language, t } = useStrings();
  const [form, setForm] = useState<VerificationForm>(() => formFromSettings(saved.verification));
  const [mode, setMode] = useState<SetupMode>(() => (saved.verification.endpoint || saved.verification.operation ? 'manual' : 'none'));
  const [description, setDescription] = useState<WsdlDescription | null>(null);
  /** The URL the shown WSDL was read from (the field may have been edited since). */
  const [descriptionUrl, setDescriptionUrl] = useState('');
  /** Why the last Load WSDL failed: kept beside manual mode after the status area moves on. */
  const [wsdlFailure, setWsdlFailure] = useState<Localized | null>(null);
  const [errors, setErrors] = useState<FormCheck['errors']>({});
  const [status, setStatus] = useState<StatusReport | null>(null);
  const [busy, setBusy] = useState<'load' | 'save' | 'test' | null>(null);
  const [showClientId, setShowClientId] = useState(false);
  const [endpointAllowed, setEndpointAllowed] = useState<boolean | null>(null);

  /** A field to move the keyboard focus to once it is on screen (after an invalid save). */
  const [focusField, setFocusField] = useState<FormField | null>(null);
  useEffect(() => {
    if (!focusField) return;
    document.getElementById(FIELD_INPUT_IDS[focusField])?.focus();
    setFocusField(null);
  }, [focusField]);

  const savedOrigin = originOf(saved.verification.endpoint);
  useEffect(() => {
    let live = true;
    setEndpointAllowed(null);
    if (savedOrigin) {
      client.hasOrigin(savedOrigin).then(
        (granted) => live && setEndpointAllowed(granted),
        () => live && setEndpointAllowed(false),
      );
    }
    return () => {
      live = false;
    };
  }, [client, savedOrigin]);

  /** Typing in a field clears that field's old error; nothing typed is ever thrown away. */
  function update<K extends FormField>(field: K, value: VerificationForm[K]) {
    setForm((current) => ({ ...current, [field]: value }));
    setErrors((current) => {
      if (!(field in current)) return current;
      const { [field]: _cleared, ...rest } = current;
      return rest;
    });
  }

  const errorOf = (field: FormField) => (errors[field] ? t(errors[field]!, field in TEXT_LIMITS ? { max: TEXT_LIMITS[field as keyof typeof TEXT_LIMITS] } : undefined) : undefined);

  function invalidReport(check: Pick<FormCheck, 'errors'>): StatusReport {
    // Named in the order the form lists them (FIELD_LABELS follows the form).
    const fields = (Object.keys(FIELD_LABELS) as FormField[])
      .filter((field) => check.errors[field])
      .map((field) => t(FIELD_LABELS[field]))
      .join(', ');
    return statusReport('error', 'status.invalid', { fields });
  }

  // ---- Load WSDL ------------------------------------------------------------------------------

  function onLoadWsdl() {
    const url = form.wsdlUrl.trim();
    if (!isHttpUrl(url)) {
      const wsdlErrors = { wsdlUrl: 'error.httpUrl' } as const;
      setErrors((current) => ({ ...current, ...wsdlErrors }));
      setStatus(invalidReport({ errors: wsdlErrors }));
      return;
    }
    const origin = new URL(url).origin;
    // The background fetches the WSDL, and needs the host permission for it: ask now, while the
    // click still counts as a user gesture (see ask-for-origin.ts).
    const permission = askForOrigin(client, origin);
    void finishLoad(url, origin, permission);
  }

  async function finishLoad(url: string, origin: string, permission: ReturnType<typeof askForOrigin>) {
    setBusy('load');
    setStatus(statusReport('info', 'status.loadingWsdl'));
    const { granted } = await permission;
    const result = await attempt(() => client.loadWsdl(url));
    setBusy(null);
    if (result.ok) {
      const loaded = result.value;
      setDescription(loaded);
      setDescriptionUrl(url);
      setWsdlFailure(null);
      setForm((current) => formFromWsdl(current, loaded));
      setMode('wsdl');
      setErrors({});
      const lines: MessageText[] = loaded.guess ? [{ key: 'status.wsdlGuess', values: { operation: loaded.guess.operation } }] : [];
      setStatus(statusReport('success', 'status.wsdlLoaded', { count: loaded.operations.length }, lines));
      return;
    }
    // What was loaded before described another URL (or the same one, now unreachable): drop it,
    // keep everything typed, and open manual mode so the person can carry on.
    setDescription(null);
    setWsdlFailure(result.error);
    setMode('manual');
    const lines: MessageText[] = granted ? [] : [{ key: 'status.wsdlNoPermission', values: { origin } }];
    setStatus(statusReport('error', 'status.wsdlFailed', { reason: result.error }, lines));
  }

  // ---- Save -----------------------------------------------------------------------------------

  function onSave() {
    const check = checkVerificationForm(form);
    setErrors(check.errors);
    if (!check.settings) {
      setStatus(invalidReport(check));
      // Show the service fields if they were hidden, and take the keyboard to the first thing to fix.
      if (mode === 'none') setMode('manual');
      setFocusField(firstInvalid(check.errors));
      return;
    }
    const verification = check.settings;
    const origin = new URL(verification.endpoint).origin;
    // Order matters: validate (above, synchronously), ask for the endpoint's host permission while
    // the click is still a user gesture, and only then save.
    const permission = askForOrigin(client, origin);
    void finishSave(verification, origin, check.warnings, permission);
  }

  async function finishSave(
    verification: VerificationSettings,
    origin: string,
    warnings: FormCheck['warnings'],
    permission: ReturnType<typeof askForOrigin>,
  ) {
    setBusy('save');
    setStatus(statusReport('info', 'status.saving'));
    const answer = await permission;
    const result = await save((current) => ({ ...current, verification }));
    setBusy(null);
    if (!result.ok) {
      setStatus(statusReport('error', 'status.saveFailed', { reason: result.error }));
      return;
    }
    setEndpointAllowed(answer.granted);
    const warningLines: MessageText[] = warnings.map((key) => ({ key }));
    if (answer.granted) {
      setStatus(statusReport(warningLines.length > 0 ? 'warning' : 'success', 'status.savedPermissionGranted', { origin }, warningLines));
    } else {
      // Saved, but say plainly that verification cannot reach the service, and how to allow it.
      const lines: MessageText[] = [
        ...(answer.error ? [{ key: 'status.permissionError' as const, values: { reason: answer.error } }] : []),
        { key: 'permission.howTo' },
        ...warningLines,
      ];
      setStatus(statusReport('warning', 'status.permissionDenied', { origin }, lines));
    }
  }

  function onGrantEndpoint() {
    if (!savedOrigin) return;
    const origin = savedOrigin;
    void askForOrigin(client, origin).then((answer) => {
      setEndpointAllowed(answer.granted);
      setStatus(
        answer.granted
          ? statusReport('success', 'permission.granted', { origin })
          : statusReport('warning', 'permission.missing', { origin }, [{ key: 'permission.howTo' }]),
      );
    });
  }

  // ---- Test connection ------------------------------------------------------------------------

  async function onTest() {
    setBusy('test');
    setStatus(statusReport('info', 'test.running'));
    const result = await attempt(() => client.testConnection());
    setBusy(null);
    const report = describeTestResult(result);
    // The background tests what is stored; say so when the form holds something else.
    const current = checkVerificationForm(form).settings;
    if (!current || !sameVerification(current, saved.verification)) report.lines.push({ key: 'test.unsaved' });
    setStatus(report);
  }

  // ---- Rendering ------------------------------------------------------------------------------

  const savedMask = maskClientId(saved.verification.clientId);
  /** The WSDL names the endpoint the ClientID is sent to; read over plain HTTP, it may have been altered. */
  const wsdlOverPlainHttp = endpointSecurity(descriptionUrl) === 'plain-http';
  const selectedOperation = description?.operations.find((operation) => operation.name === form.operation) ?? null;
  const guess = description?.guess ?? null;
  const isGuess = (field: 'operation' | 'tokenParameter' | 'clientIdParameter') =>
    guess !== null && guess[field] !== null && guess.operation === form.operation && guess[field] === form[field];

  return (
    <section class="card" aria-labelledby="verification-heading">
      <h2 id="verification-heading">{t('verification.heading')}</h2>
      <p class="intro">{t('verification.intro')}</p>

      <div class="row row--with-button">
        <Field id="wsdl-url" label={t('field.wsdlUrl')} hint={t('field.wsdlUrl.hint')} error={errorOf('wsdlUrl')}>
          <input
            id="wsdl-url"
            data-testid="wsdl-url"
            type="url"
            value={form.wsdlUrl}
            spellcheck={false}
            aria-invalid={errors.wsdlUrl ? true : undefined}
            aria-describedby={describedBy('wsdl-url', true, errorOf('wsdlUrl'))}
            onInput={(event) => update('wsdlUrl', event.currentTarget.value)}
          />
        </Field>
        <div class="buttons">
          <button type="button" data-testid="load-wsdl" onClick={onLoadWsdl} disabled={busy === 'load'}>
            {t('action.loadWsdl')}
          </button>
          {mode !== 'manual' && (
            <button type="button" class="secondary" onClick={() => setMode('manual')}>
              {t('action.manual')}
            </button>
          )}
        </div>
      </div>

      <Field
        id="client-id"
        label={t('field.clientId')}
        hint={
          <>
            {t('field.clientId.hint')} {savedMask ? t('field.clientId.saved', { masked: savedMask }) : t('field.clientId.none')}
          </>
        }
        error={errorOf('clientId')}
      >
        <div class="with-toggle">
          <input
            id="client-id"
            data-testid="client-id"
            type={showClientId ? 'text' : 'password'}
            value={form.clientId}
            autocomplete="off"
            spellcheck={false}
            aria-describedby={describedBy('client-id', true, errorOf('clientId'))}
            onInput={(event) => update('clientId', event.currentTarget.value)}
          />
          {/* A toggle keeps one name and says its state with aria-pressed (WAI-ARIA APG, Button). */}
          <button
            type="button"
            class="secondary toggle"
            aria-pressed={showClientId}
            aria-controls="client-id"
            onClick={() => setShowClientId((shown) => !shown)}
          >
            {t('action.showClientId')}
          </button>
        </div>
      </Field>

      <div class="row">
        <Field id="timeout" label={t('field.timeout')} hint={t('field.timeout.hint')} error={errorOf('timeoutSeconds')}>
          <input
            id="timeout"
            data-testid="timeout"
            type="number"
            inputMode="numeric"
            min={TIMEOUT_MIN_SECONDS}
            max={TIMEOUT_MAX_SECONDS}
            step={1}
            value={form.timeoutSeconds}
            aria-invalid={errors.timeoutSeconds ? true : undefined}
            aria-describedby={describedBy('timeout', true, errorOf('timeoutSeconds'))}
            onInput={(event) => update('timeoutSeconds', event.currentTarget.value)}
          />
        </Field>
        <div class="field field--checkbox">
          <input
            id="auto-verify"
            data-testid="auto-verify"
            type="checkbox"
            checked={form.autoVerify}
            onChange={(event) => update('autoVerify', event.currentTarget.checked)}
          />
          <label for="auto-verify">{t('field.autoVerify')}</label>
        </div>
      </div>

      {plainHttpChoiceShown(form) && (
        // Auto-verify would send every captured token with no click: over plain HTTP that takes a
        // second, explicit choice, unticked until the person ticks it (see autoVerifyAllowed).
        <div class="plain-http-choice" data-testid="plain-http-auto-verify">
          <p id="auto-verify-plain-http-note" class="notice notice--warning">
            {t('security.autoVerifyHeldBack')}
          </p>
          <div class="field field--checkbox">
            <input
              id="auto-verify-plain-http"
              data-testid="auto-verify-plain-http"
              type="checkbox"
              checked={form.autoVerifyOverPlainHttp}
              aria-describedby="auto-verify-plain-http-note"
              onChange={(event) => update('autoVerifyOverPlainHttp', event.currentTarget.checked)}
            />
            <label for="auto-verify-plain-http">{t('field.autoVerifyOverPlainHttp')}</label>
          </div>
        </div>
      )}

      {mode === 'none' && <p class="notice">{t('manual.notSetUp')}</p>}

      {mode === 'wsdl' && description && (
        <>
          <div class="wsdl-summary" data-testid="wsdl-summary">
            <h3>{t('wsdl.heading')}</h3>
            <dl>
              <dt>{t('wsdl.endpoint')}</dt>
              <dd class="code">{description.endpoint ?? t('wsdl.noEndpoint')}</dd>
              <dt>{t('field.soapVersion')}</dt>
              <dd>SOAP {description.soapVersion}</dd>
              <dt>{t('wsdl.namespace')}</dt>
              <dd class="code">{description.targetNamespace || '—'}</dd>
            </dl>
            {wsdlOverPlainHttp && (
              <p class="notice notice--warning" data-testid="wsdl-plain-http">
                {t('wsdl.plainHttp')}
              </p>
            )}
            <h4>{t('wsdl.operations')}</h4>
            <ul class="operations">
              {description.operations.map((operation) => (
                <li key={operation.name}>
                  <span class="code">{operation.name}</span> ({operation.style}):{' '}
                  {operation.inputParameters.length > 0 ? (
                    <span class="code">{operation.inputParameters.join(', ')}</span>
                  ) : (
                    t('wsdl.noParameters')
                  )}
                </li>
              ))}
            </ul>
          </div>

          <fieldset class="mapping">
            <legend>{t('mapping.heading')}</legend>
            {!guess && <p class="notice">{t('mapping.noGuess')}</p>}
            <Field id="operation" label={t('field.operation')} hint={isGuess('operation') ? t('mapping.guess') : undefined} error={errorOf('operation')}>
              <select
                id="operation"
                data-testid="operation"
                value={form.operation}
                aria-describedby={describedBy('operation', isGuess('operation'), errorOf('operation'))}
                onChange={(event) => {
                  const name = event.currentTarget.value;
                  setForm((current) => formWithOperation(current, description, name));
                  setErrors({});
                }}
              >
                {form.operation === '' && <option value="">{t('mapping.choose')}</option>}
                {description.operations.map((operation) => (
                  <option key={operation.name} value={operation.name}>
                    {operation.name}
                  </option>
                ))}
              </select>
            </Field>
            {(['tokenParameter', 'clientIdParameter'] as const).map((field) => {
              const id = field === 'tokenParameter' ? 'token-parameter' : 'client-id-parameter';
              return (
                <Field key={field} id={id} label={t(FIELD_LABELS[field])} hint={isGuess(field) ? t('mapping.guess') : undefined} error={errorOf(field)}>
                  <select
                    id={id}
                    data-testid={id}
                    value={form[field]}
                    aria-invalid={errors[field] ? true : undefined}
                    aria-describedby={describedBy(id, isGuess(field), errorOf(field))}
                    onChange={(event) => update(field, event.currentTarget.value)}
                  >
                    <option value="">{t('mapping.choose')}</option>
                    {(selectedOperation?.inputParameters ?? []).map((parameter) => (
                      <option key={parameter} value={parameter}>
                        {parameter}
                      </option>
                    ))}
                  </select>
                </Field>
              );
            })}
            <EndpointField form={form} errorOf={errorOf} onInput={(value) => update('endpoint', value)} />
            {selectedOperation && (
              <dl class="operation-details">
                <dt>{t('field.soapAction')}</dt>
                <dd class="code">{form.soapAction || '—'}</dd>
                <dt>{t('field.style')}</dt>
                <dd>{form.style}</dd>
                <dt>{t('field.namespace')}</dt>
                <dd class="code">{form.namespace || '—'}</dd>
              </dl>
            )}
            <button type="button" class="secondary" onClick={() => setMode('manual')}>
              {t('mapping.editByHand')}
            </button>
          </fieldset>
        </>
      )}

      {mode === 'manual' && (
        <fieldset class="mapping" data-testid="manual-mode">
          <legend>{t('manual.heading')}</legend>
          {wsdlFailure && (
            <p class="notice notice--error" data-testid="wsdl-failure">
              {t('manual.wsdlFailed', { reason: wsdlFailure[language] })}
            </p>
          )}
          <p class="notice">{wsdlFailure === null && saved.verification.operation ? t('manual.savedIntro') : t('manual.intro')}</p>
          <EndpointField form={form} errorOf={errorOf} onInput={(value) => update('endpoint', value)} />
          <ManualText id="namespace" field="namespace" form={form} errorOf={errorOf} update={update} />
          <ManualText id="operation" field="operation" form={form} errorOf={errorOf} update={update} />
          <ManualText id="soap-action" field="soapAction" form={form} errorOf={errorOf} update={update} hint={t('field.soapAction.hint')} />
          <div class="row">
            <Field id="soap-version" label={t('field.soapVersion')}>
              <select id="soap-version" data-testid="soap-version" value={form.soapVersion} onChange={(event) => update('soapVersion', event.currentTarget.value === '1.2' ? '1.2' : '1.1')}>
                <option value="1.1">SOAP 1.1</option>
                <option value="1.2">SOAP 1.2</option>
              </select>
            </Field>
            <Field id="style" label={t('field.style')}>
              <select id="style" data-testid="style" value={form.style} onChange={(event) => update('style', event.currentTarget.value === 'rpc' ? 'rpc' : 'document')}>
                <option value="document">document/literal</option>
                <option value="rpc">rpc</option>
              </select>
            </Field>
          </div>
          <ManualText id="token-parameter" field="tokenParameter" form={form} errorOf={errorOf} update={update} />
          <ManualText id="client-id-parameter" field="clientIdParameter" form={form} errorOf={errorOf} update={update} />
        </fieldset>
      )}

      {savedOrigin && (
        <p class={endpointAllowed === false ? 'permission permission--missing' : 'permission'} data-testid="endpoint-permission">
          {endpointAllowed === false ? (
            <>
              {t('permission.missing', { origin: savedOrigin })}{' '}
              <button type="button" class="secondary" onClick={onGrantEndpoint}>
                {t('action.grant')}
              </button>
            </>
          ) : endpointAllowed === true ? (
            t('permission.granted', { origin: savedOrigin })
          ) : null}
        </p>
      )}

      <div class="buttons buttons--actions">
        <button type="button" class="primary" data-testid="save-settings" onClick={onSave} disabled={busy === 'save'}>
          {t('action.save')}
        </button>
        <button type="button" data-testid="test-connection" onClick={() => void onTest()} disabled={busy === 'test'}>
          {t('action.test')}
        </button>
      </div>
      <StatusMessage report={status} testId="status-message" />
    </section>
  );
}

type ErrorOf = (field: FormField) => string | undefined;

/** The endpoint, and beside it, while it is plain HTTP, what that means for the data sent there. */
function EndpointField({ form, errorOf, onInput }: { form: VerificationForm; errorOf: ErrorOf; onInput: (value: string) => void }) {
  const { t } = useStrings();
  const error = errorOf('endpoint');
  const plain = isPlainHttp(form);
  const described = [describedBy('endpoint', false, error), plain ? 'endpoint-security' : undefined].filter(Boolean).join(' ');
  return (
    <>
      <Field id="endpoint" label={t('field.endpoint')} error={error}>
        <input
          id="endpoint"
          data-testid="endpoint"
          type="url"
          value={form.endpoint}
          spellcheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={described || undefined}
          onInput={(event) => onInput(event.currentTarget.value)}
        />
      </Field>
      {plain && (
        <p id="endpoint-security" class="notice notice--warning" data-testid="plain-http-warning">
          {t('security.plainHttp')}
        </p>
      )}
    </>
  );
}

type TextFormField = 'namespace' | 'operation' | 'soapAction' | 'tokenParameter' | 'clientIdParameter';

function ManualText(props: {
  id: string;
  field: TextFormField;
  form: VerificationForm;
  errorOf: ErrorOf;
  update: (field: TextFormField, value: string) => void;
  hint?: string;
}) {
  const { t } = useStrings();
  const { id, field, form, errorOf, update, hint } = props;
  const error = errorOf(field);
  return (
    <Field id={id} label={t(FIELD_LABELS[field])} hint={hint} error={error}>
      <input
        id={id}
        data-testid={id}
        type="text"
        value={form[field]}
        spellcheck={false}
        autocomplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint !== undefined, error)}
        onInput={(event) => update(field, event.currentTarget.value)}
      />
    </Field>
  );
}
