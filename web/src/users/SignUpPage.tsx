import { AuthForm } from './AuthForm';
import { useSession } from './session';

export function SignUpPage() {
  const { signUp } = useSession();
  return <AuthForm title="Sign Up" submitLabel="Sign Up" passwordAutocomplete="new-password" onSubmit={signUp} />;
}
