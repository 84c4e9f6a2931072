// What the forms share: a labelled text field with its errors, and submitting with busy and error state.
import { useEffect, useRef, useState, type FormEvent, type InputHTMLAttributes, type ReactNode } from 'react';
import { asApiError, type ApiError } from '../api/client';
import { FieldErrors } from './FormErrors';

interface FieldProps
  extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange'> {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  errors: string[];
  /** One line under the label on what to enter. */
  hint?: string;
  /** Beside the input, e.g. a button that clears it. */
  children?: ReactNode;
}

export function Field({ id, label, value, onChange, errors, hint, children, ...input }: FieldProps) {
  const errorsId = `${id}-errors`;
  const hintId = `${id}-hint`;
  const describedBy = [hint && hintId, errors.length > 0 && errorsId].filter(Boolean).join(' ');
  const control = (
    <input
      {...input}
      id={id}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      aria-invalid={errors.length > 0}
      aria-describedby={describedBy || undefined}
    />
  );
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      {children ? (
        <div className="field-row">
          {control}
          {children}
        </div>
      ) : (
        control
      )}
      <FieldErrors id={errorsId} messages={errors} />
    </div>
  );
}

/**
 * Submits with `action`: busy meanwhile, and the API's error if it fails. Then the focus goes to the first
 * problem, the summary above the fields or the first field in error, so that it is read out at once.
 */
export function useSubmission(action: () => Promise<void>) {
  const form = useRef<HTMLFormElement>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (error) form.current?.querySelector<HTMLElement>('.error-summary, [aria-invalid="true"]')?.focus();
  }, [error]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  }

  return { form, submit, busy, error };
}
