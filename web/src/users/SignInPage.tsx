import { AuthForm } from './AuthForm';
import { useSession } from './session';

export function SignInPage() {
  const { signIn } = useSession();
  return <AuthForm title="Sign In" submitLabel="Sign In" passwordAutocomplete="current-password" onSubmit={signIn} />;
}
