import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { PageHeading } from '../layout/Page';
import { authPath } from './returnTo';
import { useSession } from './session';

/**
 * Pages that only make sense signed in say so, under their own heading, instead of failing with 401;
 * signing in comes back here.
 */
export function RequireUser({ title, what, children }: { title: string; what: string; children: ReactNode }) {
  const { user, loading } = useSession();
  const here = useLocation();
  if (loading) return <p>Loading…</p>;
  if (!user) {
    return (
      <section className="narrow">
        <PageHeading>{title}</PageHeading>
        <p>
          <Link to={authPath('/signin', here)}>Sign in</Link> or <Link to={authPath('/signup', here)}>sign up</Link>{' '}
          to {what}.
        </p>
      </section>
    );
  }
  return <>{children}</>;
}
