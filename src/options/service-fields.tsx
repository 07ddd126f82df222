/**
 * The text fields that describe the SOAP service, shared by the WSDL mapping and by manual mode.
 */
import { useStrings } from '../ui/strings';
import { Field, describedBy } from './field';
import { OPTIONS_STRINGS } from './options-strings';
import type { ErrorOf } from './use-verification-setup';
import { FIELD_LABELS, isPlainHttp, type VerificationForm } from './verification-form';

/** The endpoint, and beside it, while it is plain HTTP, what that means for the data sent there. */
export function EndpointField({
  form,
  errorOf,
  onInput,
}: {
  form: VerificationForm;
  errorOf: ErrorOf;
  onInput: (value: string) => void;
}) {
  const { t } = useStrings(OPTIONS_STRINGS);
  const error = errorOf('endpoint');
  const plain = isPlainHttp(form);
  const described = [describedBy('endpoint', false, error), plain ? 'endpoint-security' : undefined]
    .filter(Boolean)
    .join(' ');
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

export type TextFormField = 'namespace' | 'operation' | 'soapAction' | 'tokenParameter' | 'clientIdParameter';

export function ManualText(props: {
  id: string;
  field: TextFormField;
  form: VerificationForm;
  errorOf: ErrorOf;
  update: (field: TextFormField, value: string) => void;
  hint?: string;
}) {
  const { t } = useStrings(OPTIONS_STRINGS);
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
