/**
 * The ClientID: an application secret, so typed in a password field with a show toggle, and the
 * saved one named only masked.
 */
import { useState } from 'preact/hooks';
import { useStrings } from '../ui/strings';
import { Field, describedBy } from './field';
import { maskClientId } from './mask-client-id';
import { OPTIONS_STRINGS } from './options-strings';
import { useLocked } from './locked-fields';
import { POLICY_STRINGS } from './policy-strings';

interface ClientIdFieldProps {
  value: string;
  savedClientId: string;
  error: string | undefined;
  onInput: (value: string) => void;
}

export function ClientIdField({ value, savedClientId, error, onInput }: ClientIdFieldProps) {
  const { t } = useStrings(OPTIONS_STRINGS);
  const policyText = useStrings(POLICY_STRINGS).t;
  const [shown, setShown] = useState(false);
  const locked = useLocked('clientId');
  if (locked) {
    // The page never receives the organisation's ClientID: there is nothing to show or toggle.
    return (
      <Field id="client-id" label={t('field.clientId')} hint={policyText('policy.clientIdHidden')}>
        <input
          id="client-id"
          data-testid="client-id"
          type="text"
          value=""
          placeholder={policyText('policy.clientIdSet')}
          disabled
          aria-describedby={describedBy('client-id', true, undefined)}
        />
      </Field>
    );
  }
  const savedMask = maskClientId(savedClientId);
  return (
    <Field
      id="client-id"
      label={t('field.clientId')}
      hint={
        <>
          {t('field.clientId.hint')}{' '}
          {savedMask ? t('field.clientId.saved', { masked: savedMask }) : t('field.clientId.none')}
        </>
      }
      error={error}
    >
      <div class="with-toggle">
        <input
          id="client-id"
          data-testid="client-id"
          type={shown ? 'text' : 'password'}
          value={value}
          autocomplete="off"
          spellcheck={false}
          aria-describedby={describedBy('client-id', true, error)}
          onInput={(event) => onInput(event.currentTarget.value)}
        />
        {/* A toggle keeps one name and says its state with aria-pressed (WAI-ARIA APG, Button). */}
        <button
          type="button"
          class="button button--quiet button--toggle"
          aria-pressed={shown}
          aria-controls="client-id"
          onClick={() => setShown((isShown) => !isShown)}
        >
          {t('action.showClientId')}
        </button>
      </div>
    </Field>
  );
}
