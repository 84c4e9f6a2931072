import { Link } from 'react-router-dom';
import type { PayoutAccount } from '../api/types';
import { ErrorMessage } from '../layout/FormErrors';
import { PageHeading, usePageTitle } from '../layout/Page';
import { RequireUser } from '../users/RequireUser';
import { SetUpPayouts } from './SetUpPayouts';
import { usePayoutAccount } from './usePayoutAccount';

/** Where Stripe's onboarding sends the seller back (and where it sends them when its link has expired). */
export function PayoutsReturnPage() {
  usePageTitle('Payout setup');
  return (
    <RequireUser title="Payout setup" what="finish setting up payouts">
      <section className="narrow">
        <PageHeading>Payout setup</PageHeading>
        <Outcome />
      </section>
    </RequireUser>
  );
}

const OUTCOMES: Record<PayoutAccount['status'], { title: string; text: string; tone: string }> = {
  active: {
    title: 'Payouts are set up',
    text: 'Stripe can pay you now: each sale, less the fee, is paid into your account after its event.',
    tone: 'ok',
  },
  onboarding: {
    title: 'Stripe still needs some details',
    text: 'Your payout account is not ready until you finish Stripe’s form. Continue where you left off.',
    tone: 'pending',
  },
  none: {
    title: 'No payout account yet',
    text: 'Set up payouts to be paid for the tickets you sell.',
    tone: 'neutral',
  },
};

function Outcome() {
  const { account, error, setUp } = usePayoutAccount();
  if (!account) return error ? <ErrorMessage message={error} /> : <p>Checking your payout account with Stripe…</p>;
  const { title, text, tone } = OUTCOMES[account.status];
  return (
    <div className={`outcome ${tone}`} role="status">
      <h2>{title}</h2>
      <p>{text}</p>
      {account.status !== 'active' && (
        <SetUpPayouts label={account.status === 'none' ? 'Set up payouts' : 'Continue with Stripe'} setUp={setUp} />
      )}
      <p>
        <Link to="/sales">Your sales</Link>
      </p>
    </div>
  );
}
