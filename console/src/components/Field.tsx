// A labelled form input; every form of the console uses it so spacing and focus look the same.
import type { InputHTMLAttributes } from 'preact';

/** Props of Field: a label plus any input attributes (data-testid included). */
export type FieldProps = InputHTMLAttributes<HTMLInputElement> & { label: string; hint?: string };

/** A label wrapping an input. */
export function Field({ label, hint, ...input }: FieldProps) {
  return (
    <label class="field">
      <span class="field-label">{label}</span>
      <input class="input" {...input} />
      {hint && <span class="field-hint">{hint}</span>}
    </label>
  );
}
