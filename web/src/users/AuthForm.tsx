import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { asApiError, fieldErrors, generalErrors, type ApiError } from '../api/client';
import { ErrorSummary, FieldErrors } from '../layout/FormErrors';
import type { Credentials } from './session';

const FIELDS = ['email', 'password'] as const;

interface Props {
  title: string;
  submitLabel: string;
  passwordAutocomplete: 'new-password' | 'current-password';
  onSubmit: (c: Credentials) => Promise<void>;
}

export function AuthForm({ title, submitLabel, passwordAutocomplete, onSubmit }: Props) {
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSubmit({ email, password });
      navigate('/');
    } catch (err) {
      setError(asApiError(err));
      setBusy(false);
    }
  }

  const emailErrors = fieldErrors(error, 'email');
  const passwordErrors = fieldErrors(error, 'password');
  return (
    <section className="narrow">
      <h1>{title}</h1>
      <form onSubmit={submit} noValidate>
        <ErrorSummary messages={generalErrors(error, FIELDS)} />
        <div className="field">
          <label htmlFor="email">Email</label>
          <input
            id="email"
            type="email"
            autoComplete="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            aria-invalid={emailErrors.length > 0}
            aria-describedby={emailErrors.length > 0 ? 'email-errors' : undefined}
          />
          <FieldErrors id="email-errors" messages={emailErrors} />
        </div>
        <div className="field">
          <label htmlFor="password">Password</label>
          <input
            id="password"
            type="password"
            autoComplete={passwordAutocomplete}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-invalid={passwordErrors.length > 0}
            aria-describedby={passwordErrors.length > 0 ? 'password-errors' : undefined}
          />
          <FieldErrors id="password-errors" messages={passwordErrors} />
        </div>
        <button type="submit" className="primary" disabled={busy}>
          {submitLabel}
        </button>
      </form>
    </section>
  );
}
