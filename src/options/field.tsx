/**
 * A labelled form control with its hint and its error, wired for screen readers: the label is
 * bound with `for`, and hint and error are read with the control via `aria-describedby`.
 */
import type { ComponentChildren, JSX } from 'preact';

export interface FieldProps {
  id: string;
  label: string;
  hint?: ComponentChildren;
  error?: string | undefined;
  children: ComponentChildren;
}

/** The `aria-describedby` value a control inside `Field` should carry. */
export function describedBy(id: string, hasHint: boolean, error: string | undefined): string | undefined {
  const ids = [hasHint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(
    (value): value is string => value !== null,
  );
  return ids.length > 0 ? ids.join(' ') : undefined;
}

export function Field({ id, label, hint, error, children }: FieldProps) {
  return (
    <div class={error ? 'field field--invalid' : 'field'}>
      <label for={id}>{label}</label>
      {children}
      {hint !== undefined && (
        <p id={`${id}-hint`} class="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} class="field__error">
          {error}
        </p>
      )}
    </div>
  );
}

type InputAttributes = Omit<
  JSX.InputHTMLAttributes<HTMLInputElement>,
  'id' | 'value' | 'onInput' | 'aria-invalid' | 'aria-describedby'
>;

export type InputFieldProps = Omit<FieldProps, 'children'> &
  InputAttributes & {
    value: string;
    /** A note outside the field that is read with the input too. */
    alsoDescribedBy?: string | undefined;
    onValue: (value: string) => void;
  };

/**
 * A `Field` holding one input: its id also names it for tests, an error marks it invalid, and
 * its hint, its error and `alsoDescribedBy` are read with it.
 */
export function InputField({
  id,
  label,
  hint,
  error,
  value,
  alsoDescribedBy,
  onValue,
  ...attributes
}: InputFieldProps) {
  const described = [describedBy(id, hint !== undefined, error), alsoDescribedBy].filter(Boolean).join(' ');
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        data-testid={id}
        value={value}
        {...attributes}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        onInput={(event) => onValue(event.currentTarget.value)}
      />
    </Field>
  );
}
