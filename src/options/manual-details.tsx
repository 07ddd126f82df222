/** Manual mode: the service details typed in, for when the WSDL cannot be read or was not used. */
import { useStrings } from '../ui/strings';
import { Field } from './field';
import { OPTIONS_STRINGS } from './options-strings';
import { useLocked } from './locked-fields';
import { EndpointField, ManualText } from './service-fields';
import type { VerificationSetup } from './use-verification-setup';
import { FIELD_LABELS, type VerificationForm } from './verification-form';

const SOAP_VERSIONS = [
  ['1.1', 'SOAP 1.1'],
  ['1.2', 'SOAP 1.2'],
] as const;
const STYLES = [
  ['document', 'document/literal'],
  ['rpc', 'rpc'],
] as const;

type ChoiceField = 'soapVersion' | 'style';

/**
 * A select over a fixed list of `[value, shown text]`, labelled and filled from its form field. A
 * value that is not on the list (none should arrive) falls back to the first choice, the default.
 */
function ManualChoice<K extends ChoiceField>({
  id,
  field,
  choices,
  form,
  update,
}: {
  id: string;
  field: K;
  choices: readonly (readonly [VerificationForm[K], string])[];
  form: VerificationForm;
  update: (field: K, value: VerificationForm[K]) => void;
}) {
  const { t } = useStrings(OPTIONS_STRINGS);
  const locked = useLocked(field);
  return (
    <Field id={id} label={t(FIELD_LABELS[field])}>
      <select
        id={id}
        data-testid={id}
        value={form[field]}
        disabled={locked}
        onChange={(event) => {
          const picked = event.currentTarget.value;
          update(field, choices.find(([choice]) => choice === picked)?.[0] ?? choices[0]![0]);
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
  const { form, update, wsdlFailure } = setup;
  return (
    <fieldset class="mapping" data-testid="manual-mode">
      <legend>{t('manual.heading')}</legend>
      {wsdlFailure && (
        <p class="notice notice--error" data-testid="wsdl-failure">
          {t('manual.wsdlFailed', { reason: pick(wsdlFailure) })}
        </p>
      )}
      <p class="notice">{wsdlFailure === null && savedOperation ? t('manual.savedIntro') : t('manual.intro')}</p>
      <EndpointField setup={setup} />
      <ManualText id="namespace" field="namespace" setup={setup} />
      <ManualText id="operation" field="operation" setup={setup} />
      <ManualText id="soap-action" field="soapAction" setup={setup} hint={t('field.soapAction.hint')} />
      <div class="row">
        <ManualChoice id="soap-version" field="soapVersion" choices={SOAP_VERSIONS} form={form} update={update} />
        <ManualChoice id="style" field="style" choices={STYLES} form={form} update={update} />
      </div>
      <ManualText id="token-parameter" field="tokenParameter" setup={setup} />
      <ManualText id="client-id-parameter" field="clientIdParameter" setup={setup} />
    </fieldset>
  );
}
