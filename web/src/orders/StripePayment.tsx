import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ErrorMessage } from '../layout/FormErrors';

// Stripe Elements, only when the API has a publishable key: the card never touches our servers, only the
// PaymentMethod id does. Stripe.js is loaded on demand so sandbox deployments never fetch it.

interface StripeCard {
  mount: (el: HTMLElement) => void;
  destroy: () => void;
}
interface StripeClient {
  elements: () => { create: (type: 'card') => StripeCard };
  createPaymentMethod: (options: { type: 'card'; card: StripeCard }) => Promise<{
    paymentMethod?: { id: string };
    error?: { message?: string };
  }>;
}
type StripeFactory = (publishableKey: string) => StripeClient;

let stripeJs: Promise<StripeFactory> | null = null;

function loadStripe(): Promise<StripeFactory> {
  stripeJs ??= new Promise<StripeFactory>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = 'https://js.stripe.com/v3';
    script.async = true;
    script.onload = () => {
      const factory = (window as unknown as { Stripe?: StripeFactory }).Stripe;
      if (factory) resolve(factory);
      else reject(new Error('Stripe.js did not load'));
    };
    script.onerror = () => {
      stripeJs = null;
      reject(new Error('Could not load Stripe.js'));
    };
    document.head.appendChild(script);
  });
  return stripeJs;
}

interface Props {
  publishableKey: string;
  amountLabel: string;
  disabled: boolean;
  onPay: (token: string) => Promise<void>;
}

export function StripePayment({ publishableKey, amountLabel, disabled, onPay }: Props) {
  const mountPoint = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState<{ stripe: StripeClient; card: StripeCard } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let card: StripeCard | null = null;
    let active = true;
    loadStripe()
      .then((Stripe) => {
        if (!active || !mountPoint.current) return;
        const stripe = Stripe(publishableKey);
        card = stripe.elements().create('card');
        card.mount(mountPoint.current);
        setReady({ stripe, card });
      })
      .catch((e: Error) => active && setError(e.message));
    return () => {
      active = false;
      card?.destroy();
    };
  }, [publishableKey]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!ready) return;
    setBusy(true);
    setError(null);
    try {
      const result = await ready.stripe.createPaymentMethod({ type: 'card', card: ready.card });
      if (result.paymentMethod) await onPay(result.paymentMethod.id);
      else setError(result.error?.message ?? 'The card was not accepted');
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="payment">
      <label htmlFor="card-element">Card</label>
      <div id="card-element" ref={mountPoint} className="card-element" />
      <ErrorMessage message={error} />
      <button type="submit" className="primary" disabled={disabled || busy || !ready}>
        {busy ? 'Paying…' : `Pay ${amountLabel}`}
      </button>
    </form>
  );
}
