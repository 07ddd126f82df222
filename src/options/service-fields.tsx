/**
 * The text inputs of the verification form: the WSDL address, the timeout, and the fields that
 * describe the SOAP service, shared by the WSDL mapping and by manual mode.
 */
import { useStrings } from '../ui/strings';
import { InputField, type InputFieldProps } from './field';
import { OPTIONS_STRINGS } from './options-strings';
import { useLocked } from './locked-fields';
import { POLICY_STRINGS } from './policy-strings';
import type { VerificationSetup } from './use-verification-setup';
import { FIELD_LABELS, isPlainHttp, type FormField, type VerificationForm } from './verification-form';

/** The form's fields that are typed as text. */
export type TextFormField = { [K in FormField]: VerificationForm[K] extends string ? K : never }[FormField];

/** What an input needs of the form: the values, their errors, and how to change one. */
export type FormBinding = Pick<VerificationSetup, 'form' | 'errorOf' | 'update'>;

/** An input for one text field of the form; its label, value and error come from the form. */
export function FormInput({
  setup,
  field,
  ...input
}: { setup: FormBinding; field: TextFormField } & Omit<InputFieldProps, 'label' | 'error' | 'value' | 'onValue'>) {
  const { t } = useStrings(OPTIONS_STRINGS);
  const lockedText = useStrings(POLICY_STRINGS).t('policy.locked');
  const locked = useLocked(field);
  return (
    <InputField
      label={t(FIELD_LABELS[field])}
      error={setup.errorOf(field)}
      value={setup.form[field]}
      onValue={(value) => setup.update(field, value)}
      {...input}
      {...(locked ? { disabled: true, hint: lockedText } : {})}
    />
  );
}

/** The endpoint, and beside it, while it is plain HTTP, what that means for the data sent there. */
export function EndpointField({ setup }: { setup: FormBinding }) {
  const { t } = useStrings(OPTIONS_STRINGS);
  const plain = isPlainHttp(setup.form);
  return (
    <>
      <FormInput
        setup={setup}
        id="endpoint"
        field="endpoint"
        type="url"
        spellcheck={false}
        alsoDescribedBy={plain ? 'endpoint-security' : undefined}
      />
      {plain && (
        <p id="endpoint-security" class="notice notice--warning" data-testid="plain-http-warning">
          {t('security.plainHttp')}
        </p>
      )}
    </>
  );
}

/** A name typed in manual mode: never spell-checked nor filled in by the browser. */
export function ManualText(props: { setup: FormBinding; id: string; field: TextFormField; hint?: string }) {
  return <FormInput {...props} type="text" spellcheck={false} autocomplete="off" />;
}
