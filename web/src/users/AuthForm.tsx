import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { fieldErrors, generalErrors } from '../api/client';
import { Field, useSubmission } from '../layout/Form';
import { ErrorSummary } from '../layout/FormErrors';
import { PageHeading, usePageTitle } from '../layout/Page';
import { returnPath } from './returnTo';
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
  const { search } = useLocation();
  usePageTitle(title);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { form, submit, busy, error } = useSubmission(async () => {
    await onSubmit({ email, password });
    // Replaced, so that Back from where the user returns does not show the form again.
    navigate(returnPath(search), { replace: true });
  });

  return (
    <section className="narrow">
      <PageHeading>{title}</PageHeading>
      <form ref={form} onSubmit={submit} noValidate>
        <ErrorSummary messages={generalErrors(error, FIELDS)} />
        <Field
          id="email"
          label="Email"
          type="email"
          autoComplete="email"
          value={email}
          onChange={setEmail}
          errors={fieldErrors(error, 'email')}
        />
        <Field
          id="password"
          label="Password"
          type="password"
          autoComplete={passwordAutocomplete}
          value={password}
          onChange={setPassword}
          errors={fieldErrors(error, 'password')}
        />
        <button type="submit" className="primary" disabled={busy}>
          {submitLabel}
        </button>
      </form>
    </section>
  );
}
