import { useCallback, useEffect, useState } from 'react';
import { asApiError, request } from '../api/client';
import { useServerEvents } from '../api/events';
import type { Order } from '../api/types';
import { isOlder } from '../api/versions';

/** One of the user's orders, kept current by the event stream; reload() asks the server again. */
export function useOrder(id: string) {
  const [order, setOrder] = useState<Order | null>(null);
  const [error, setError] = useState<string | null>(null);

  const update = useCallback(
    (next: Order) => setOrder((o) => (isOlder(o, next) ? o : next)),
    [],
  );

  const reload = useCallback(async () => {
    try {
      update(await request<Order>('GET', `/api/orders/${id}`));
      setError(null);
    } catch (e) {
      const err = asApiError(e);
      setError(err.status === 404 ? 'This order does not exist.' : err.message);
    }
  }, [id, update]);

  useEffect(() => {
    setOrder(null);
    void reload();
  }, [reload]);

  useServerEvents({
    order: (e) => e.order.id === id && update(e.order),
    reset: () => void reload(),
  });

  return { order, error, reload };
}

export function isOpen(order: Order): boolean {
  return order.status === 'created' || order.status === 'awaiting:payment';
}
