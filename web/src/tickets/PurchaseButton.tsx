import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { asApiError, request } from '../api/client';
import { newIdempotencyKey } from '../api/idempotency';
import type { Order } from '../api/types';
import { ErrorSummary } from '../layout/FormErrors';

/** One key per intent to buy: a double click or a retried request replays the same order. */
export function PurchaseButton({ ticketId }: { ticketId: string }) {
  const navigate = useNavigate();
  const [key, setKey] = useState(newIdempotencyKey);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);

  async function purchase() {
    setBusy(true);
    setErrors([]);
    try {
      const order = await request<Order>('POST', '/api/orders', { ticketId }, { 'Idempotency-Key': key });
      navigate(`/orders/${order.id}`);
    } catch (e) {
      const err = asApiError(e);
      setErrors(err.errors.map((x) => x.message));
      // A refused purchase is final for this key; trying again is a new intent. A lost answer keeps the key.
      if (err.status !== 0) setKey(newIdempotencyKey());
      setBusy(false);
    }
  }

  return (
    <div>
      <ErrorSummary messages={errors} />
      <button type="button" className="primary" onClick={purchase} disabled={busy}>
        {busy ? 'Reserving…' : 'Purchase'}
      </button>
    </div>
  );
}
