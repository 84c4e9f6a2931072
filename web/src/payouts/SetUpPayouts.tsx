import { generalErrors } from '../api/client';
import { useConfig } from '../api/config';
import type { PayoutAccount } from '../api/types';
import { useSubmission } from '../layout/Form';
import { ErrorSummary } from '../layout/FormErrors';

interface Props {
  label: string;
  /** Opens the account; null when the browser is on its way to Stripe's onboarding. */
  setUp: () => Promise<PayoutAccount | null>;
  /** The account was active as soon as it was opened: there was nothing to fill in on Stripe's pages. */
  onActive?: () => void;
}

/** Opens the seller's payout account, or continues its onboarding on Stripe's pages. */
export function SetUpPayouts({ label, setUp, onActive }: Props) {
  const { form, submit, busy, error } = useSubmission(async () => {
    const account = await setUp();
    if (account?.status === 'active') onActive?.();
  });
  return (
    <form ref={form} onSubmit={submit}>
      <ErrorSummary messages={generalErrors(error)} />
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Opening…' : label}
      </button>
    </form>
  );
}

/** Said once the account is active right after the seller asked for it: in the offline sandbox, always. */
export function SetUpAtOnce() {
  const { stripePublishableKey } = useConfig();
  return (
    <p className="notice success" role="status">
      Payouts are set up.
      {!stripePublishableKey && ' This is the offline sandbox, so the account was active at once, without Stripe’s forms.'}
    </p>
  );
}
