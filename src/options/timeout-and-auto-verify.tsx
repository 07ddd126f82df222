/**
 * The timeout, auto-verify, and the second choice auto-verify takes over plain HTTP.
 */
import { useStrings } from '../ui/strings';
import { OPTIONS_STRINGS } from './options-strings';
import { useLocked } from './locked-fields';
import { POLICY_STRINGS } from './policy-strings';
import { FormInput } from './service-fields';
import type { VerificationSetup } from './use-verification-setup';
import { TIMEOUT_MAX_SECONDS, TIMEOUT_MIN_SECONDS, plainHttpChoiceShown } from './verification-form';

/** A ticked-or-not choice with its label after the box; `id` also names it for tests. */
function Checkbox({
  id,
  label,
  checked,
  describedBy,
  locked,
  onChange,
}: {
  id: string;
  label: string;
  checked: boolean;
  describedBy?: string;
  /** Set by the organisation's policy: shown, not changeable. */
  locked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const lockedText = useStrings(POLICY_STRINGS).t('policy.locked');
  return (
    <div class="field field--checkbox">
      <input
        id={id}
        data-testid={id}
        type="checkbox"
        checked={checked}
        disabled={locked}
        title={locked ? lockedText : undefined}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.currentTarget.checked)}
      />
      <label for={id}>{label}</label>
    </div>
  );
}

export function TimeoutAndAutoVerify({ setup }: { setup: VerificationSetup }) {
  const { t } = useStrings(OPTIONS_STRINGS);
  const { form, update } = setup;
  const lockedAutoVerify = useLocked('autoVerify');
  const lockedPlainHttp = useLocked('autoVerifyOverPlainHttp');
  return (
    <>
      <div class="row">
        <FormInput
          setup={setup}
          id="timeout"
          field="timeoutSeconds"
          hint={t('field.timeout.hint')}
          type="number"
          inputMode="numeric"
          min={TIMEOUT_MIN_SECONDS}
          max={TIMEOUT_MAX_SECONDS}
          step={1}
        />
        <Checkbox
          id="auto-verify"
          label={t('field.autoVerify')}
          checked={form.autoVerify}
          locked={lockedAutoVerify}
          onChange={(checked) => update('autoVerify', checked)}
        />
      </div>

      {plainHttpChoiceShown(form) && (
        // Auto-verify would send every captured token with no click: over plain HTTP that takes a
        // second, explicit choice, unticked until the person ticks it (see autoVerifyAllowed).
        <div class="plain-http-choice" data-testid="plain-http-auto-verify">
          <p id="auto-verify-plain-http-note" class="notice notice--warning">
            {t('security.autoVerifyHeldBack')}
          </p>
          <Checkbox
            id="auto-verify-plain-http"
            label={t('field.autoVerifyOverPlainHttp')}
            checked={form.autoVerifyOverPlainHttp}
            describedBy="auto-verify-plain-http-note"
            locked={lockedPlainHttp}
            onChange={(checked) => update('autoVerifyOverPlainHttp', checked)}
          />
        </div>
      )}
    </>
  );
}
