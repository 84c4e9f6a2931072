import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useSession } from './session';

/** Pages that only make sense signed in say so instead of failing with 401. */
export function RequireUser({ what, children }: { what: string; children: ReactNode }) {
  const { user, loading } = useSession();
  if (loading) return <p>Loading…</p>;
  if (!user) {
    return (
      <section className="narrow">
        <p>
          <Link to="/signin">Sign in</Link> or <Link to="/signup">sign up</Link> to {what}.
        </p>
      </section>
    );
  }
  return <>{children}</>;
}
