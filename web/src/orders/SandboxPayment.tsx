import { useState, type FormEvent } from 'react';

// Without a Stripe publishable key the API charges through its offline sandbox, which knows Stripe's test tokens.
const TEST_CARDS = [
  { token: 'tok_visa', label: 'Visa test card (payment succeeds)' },
  { token: 'tok_chargeDeclined', label: 'Declined test card (payment is declined)' },
] as const;

interface Props {
  amountLabel: string;
  disabled: boolean;
  onPay: (token: string) => Promise<void>;
}

export function SandboxPayment({ amountLabel, disabled, onPay }: Props) {
  const [token, setToken] = useState<string>(TEST_CARDS[0].token);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      await onPay(token);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="payment">
      <fieldset>
        <legend>Test card</legend>
        {TEST_CARDS.map((card) => (
          <div className="choice" key={card.token}>
            <input
              type="radio"
              id={`card-${card.token}`}
              name="token"
              value={card.token}
              checked={token === card.token}
              onChange={() => setToken(card.token)}
            />
            <label htmlFor={`card-${card.token}`}>{card.label}</label>
          </div>
        ))}
      </fieldset>
      <button type="submit" className="primary" disabled={disabled || busy}>
        {busy ? 'Paying…' : `Pay ${amountLabel}`}
      </button>
    </form>
  );
}
