/**
 * WSDL mode: what the loaded WSDL says about the service, and the choice of the port (when it
 * offers several), of the operation and of the parameters that carry the token and the ClientID,
 * with the guess from the names marked.
 */
import { endpointSecurity } from '../domain/url';
import type { WsdlDescription } from '../domain/soap/wsdl';
import { useStrings } from '../ui/strings';
import { Field, describedBy } from './field';
import { OPTIONS_STRINGS } from './options-strings';
import { EndpointField } from './service-fields';
import type { VerificationSetup } from './use-verification-setup';
import { FIELD_LABELS, operationsOfPort, portKeyOf, wsdlPorts, type WsdlPortChoice } from './verification-form';

/** A port as a person tells ports apart: its name, the service's when there are several, and its SOAP version. */
function portLabel(port: WsdlPortChoice, manyServices: boolean): string {
  const name = port.port || port.binding;
  return `${manyServices && port.service ? `${port.service} › ` : ''}${name} · SOAP ${port.soapVersion}`;
}

export function WsdlMapping({ setup, description }: { setup: VerificationSetup; description: WsdlDescription }) {
  const { t } = useStrings(OPTIONS_STRINGS);
  const { form, errors, errorOf, update } = setup;
  const ports = wsdlPorts(description);
  const manyServices = new Set(ports.map((port) => port.service)).size > 1;
  const offered = operationsOfPort(description, setup.port);
  const selectedOperation = offered.find((operation) => operation.name === form.operation) ?? null;
  const guess = description.guess;
  const guessedOperation = description.operations.find((operation) => operation.key === guess?.operationKey);
  // The guess holds on the port it was made on, and on another port offering the same operation.
  const isGuess = (field: 'operation' | 'tokenParameter' | 'clientIdParameter') =>
    guess !== null &&
    guess[field] !== null &&
    guess.operation === form.operation &&
    guess[field] === form[field] &&
    (field !== 'operation' || (guessedOperation !== undefined && portKeyOf(guessedOperation) === setup.port));
  return (
    <>
      <WsdlSummary description={description} descriptionUrl={setup.descriptionUrl} />
      <fieldset class="mapping">
        <legend>{t('mapping.heading')}</legend>
        {!guess && <p class="notice">{t('mapping.noGuess')}</p>}
        {ports.length > 1 && (
          <Field id="port" label={t('field.port')} hint={t('field.port.hint')}>
            <select
              id="port"
              data-testid="port"
              value={setup.port}
              aria-describedby="port-hint"
              onChange={(event) => setup.choosePort(event.currentTarget.value)}
            >
              {ports.map((port) => (
                <option key={port.key} value={port.key}>
                  {portLabel(port, manyServices)}
                </option>
              ))}
            </select>
          </Field>
        )}
        <Field
          id="operation"
          label={t('field.operation')}
          hint={isGuess('operation') ? t('mapping.guess') : undefined}
          error={errorOf('operation')}
        >
          <select
            id="operation"
            data-testid="operation"
            value={form.operation}
            aria-describedby={describedBy('operation', isGuess('operation'), errorOf('operation'))}
            onChange={(event) => setup.chooseOperation(event.currentTarget.value)}
          >
            {form.operation === '' && <option value="">{t('mapping.choose')}</option>}
            {offered.map((operation) => (
              <option key={operation.key} value={operation.name}>
                {operation.name}
              </option>
            ))}
          </select>
        </Field>
        {(['tokenParameter', 'clientIdParameter'] as const).map((field) => {
          const id = field === 'tokenParameter' ? 'token-parameter' : 'client-id-parameter';
          return (
            <Field
              key={field}
              id={id}
              label={t(FIELD_LABELS[field])}
              hint={isGuess(field) ? t('mapping.guess') : undefined}
              error={errorOf(field)}
            >
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
        <EndpointField setup={setup} />
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
        <button type="button" class="button button--quiet" onClick={() => setup.setMode('manual')}>
          {t('mapping.editByHand')}
        </button>
      </fieldset>
    </>
  );
}

function WsdlSummary({ description, descriptionUrl }: { description: WsdlDescription; descriptionUrl: string }) {
  const { t, pick } = useStrings(OPTIONS_STRINGS);
  /** The WSDL names the endpoint the ClientID is sent to; read over plain HTTP, it may have been altered. */
  const wsdlOverPlainHttp = endpointSecurity(descriptionUrl) === 'plain-http';
  const ports = wsdlPorts(description);
  const manyServices = new Set(ports.map((port) => port.service)).size > 1;
  return (
    <div class="wsdl-summary" data-testid="wsdl-summary">
      <h3>{t('wsdl.heading')}</h3>
      <dl>
        <dt>{t('wsdl.namespace')}</dt>
        <dd class="code">{description.targetNamespace || '—'}</dd>
      </dl>
      {wsdlOverPlainHttp && (
        <p class="notice notice--warning" data-testid="wsdl-plain-http">
          {t('wsdl.plainHttp')}
        </p>
      )}
      <h4>{t('wsdl.operations')}</h4>
      <ul class="ports">
        {ports.map((port) => (
          <li key={port.key} data-testid="wsdl-port">
            <span class="code">{portLabel(port, manyServices)}</span>
            <dl>
              <dt>{t('wsdl.endpoint')}</dt>
              <dd class="code">{port.endpoint ?? t('wsdl.noEndpoint')}</dd>
            </dl>
            <ul class="operations">
              {operationsOfPort(description, port.key).map((operation) => (
                <li key={operation.key}>
                  <span class="code">{operation.name}</span> ({operation.style}):{' '}
                  {operation.inputParameters.length > 0 ? (
                    <span class="code">{operation.inputParameters.join(', ')}</span>
                  ) : (
                    t('wsdl.noParameters')
                  )}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      {description.notes.length > 0 && (
        <>
          <h4>{t('wsdl.notes')}</h4>
          <ul class="wsdl-notes" data-testid="wsdl-notes">
            {description.notes.map((note) => (
              <li key={note.code}>{pick(note.text)}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
