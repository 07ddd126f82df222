/** Manual mode: the service details typed in, for when the WSDL cannot be read or was not used. */
import { useStrings } from '../ui/strings';
import { Field } from './field';
import { OPTIONS_STRINGS } from './options-strings';
import { EndpointField, ManualText } from './service-fields';
import type { VerificationSetup } from './use-verification-setup';

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
        <Field id="soap-version" label={t('field.soapVersion')}>
          <select
            id="soap-version"
            data-testid="soap-version"
            value={form.soapVersion}
            onChange={(event) => update('soapVersion', event.currentTarget.value === '1.2' ? '1.2' : '1.1')}
          >
            <option value="1.1">SOAP 1.1</option>
            <option value="1.2">SOAP 1.2</option>
          </select>
        </Field>
        <Field id="style" label={t('field.style')}>
          <select
            id="style"
            data-testid="style"
            value={form.style}
            onChange={(event) => update('style', event.currentTarget.value === 'rpc' ? 'rpc' : 'document')}
          >
            <option value="document">document/literal</option>
            <option value="rpc">rpc</option>
          </select>
        </Field>
      </div>
      <ManualText id="token-parameter" field="tokenParameter" form={form} errorOf={errorOf} update={update} />
      <ManualText id="client-id-parameter" field="clientIdParameter" form={form} errorOf={errorOf} update={update} />
    </fieldset>
  );
}
