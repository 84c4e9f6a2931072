import { useState } from 'react';
import { asApiError } from '../api/client';
import { useConfig } from '../api/config';
import type { PayoutAccount } from '../api/types';
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
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);

  async function open() {
    setBusy(true);
    setErrors([]);
    try {
      const account = await setUp();
      // Without an account back, the browser is leaving for Stripe: the button stays busy until it has.
      if (!account) return;
      if (account.status === 'active') onActive?.();
    } catch (e) {
      setErrors(asApiError(e).errors.map((x) => x.message));
    }
    setBusy(false);
  }

  return (
    <div>
      <ErrorSummary messages={errors} />
      <button type="button" className="primary" onClick={open} disabled={busy}>
        {busy ? 'Opening…' : label}
      </button>
    </div>
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
