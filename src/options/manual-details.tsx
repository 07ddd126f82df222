/** Manual mode: the service details typed in, for when the WSDL cannot be read or was not used. */
import { useStrings } from '../ui/strings';
import { Field } from './field';
import { OPTIONS_STRINGS } from './options-strings';
import { EndpointField, ManualText } from './service-fields';
import type { VerificationSetup } from './use-verification-setup';

const SOAP_VERSIONS = [
  ['1.1', 'SOAP 1.1'],
  ['1.2', 'SOAP 1.2'],
] as const;
const STYLES = [
  ['document', 'document/literal'],
  ['rpc', 'rpc'],
] as const;

/**
 * A select over a fixed list of `[value, shown text]`. A value that is not on the list (none
 * should arrive) falls back to the first choice, the default.
 */
function ManualChoice<V extends string>({
  id,
  label,
  value,
  choices,
  onChange,
}: {
  id: string;
  label: string;
  value: V;
  choices: readonly (readonly [V, string])[];
  onChange: (value: V) => void;
}) {
  return (
    <Field id={id} label={label}>
      <select
        id={id}
        data-testid={id}
        value={value}
        onChange={(event) => {
          const picked = event.currentTarget.value;
          onChange(choices.find(([choice]) => choice === picked)?.[0] ?? choices[0]![0]);
        }}
      >
        {choices.map(([choice, text]) => (
          <option key={choice} value={choice}>
            {text}
          </option>
        ))}
      </select>
    </Field>
  );
}

export function ManualDetails({ setup, savedOperation }: { setup: VerificationSetup; savedOperation: string }) {
  const { t, pick } = useStrings(OPTIONS_STRINGS);
  const { form, errorOf, update, wsdlFailure } = setup;
  return (
    <fieldset class="mapping" data-testid="manual-mode">
      <legend>{t('manual.heading')}</legend>
      {wsdlFailure && (
        <p class="notice notice--error" data-testid="wsdl-failure">
          {t('manual.wsdlFailed', { reason: pick(wsdlFailure) })}
        </p>
      )}
      <p class="notice">{wsdlFailure === null && savedOperation ? t('manual.savedIntro') : t('manual.intro')}</p>
      <EndpointField form={form} errorOf={errorOf} onInput={(value) => update('endpoint', value)} />
      <ManualText id="namespace" field="namespace" form={form} errorOf={errorOf} update={update} />
      <ManualText id="operation" field="operation" form={form} errorOf={errorOf} update={update} />
      <ManualText
        id="soap-action"
        field="soapAction"
        form={form}
        errorOf={errorOf}
        update={update}
        hint={t('field.soapAction.hint')}
      />
      <div class="row">
        <ManualChoice
          id="soap-version"
          label={t('field.soapVersion')}
          value={form.soapVersion}
          choices={SOAP_VERSIONS}
          onChange={(value) => update('soapVersion', value)}
        />
        <ManualChoice
          id="style"
          label={t('field.style')}
          value={form.style}
          choices={STYLES}
          onChange={(value) => update('style', value)}
        />
      </div>
      <ManualText id="token-parameter" field="tokenParameter" form={form} errorOf={errorOf} update={update} />
      <ManualText id="client-id-parameter" field="clientIdParameter" form={form} errorOf={errorOf} update={update} />
    </fieldset>
  );
}
