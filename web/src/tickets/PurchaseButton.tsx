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
      // A refusal (4xx) is final for this key, so trying again is a new intent. A lost answer or a
      // server fault (503 may still reserve) keeps the key, so the retry finds that order.
      if (err.status >= 400 && err.status < 500) setKey(newIdempotencyKey());
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
