import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { asApiError, request } from '../api/client';
import { useServerEvents } from '../api/events';
import type { Order } from '../api/types';
import { formatPrice } from '../layout/format';
import { RequireUser } from '../users/RequireUser';
import { CANCELLATION_REASONS } from './words';
import { ErrorMessage } from '../layout/FormErrors';
import { StatusBadge } from './StatusBadge';
import { isOlder } from '../api/versions';

export function MyOrdersPage() {
  return (
    <RequireUser what="see your orders">
      <OrderList />
    </RequireUser>
  );
}

function OrderList() {
  const { orders, error } = useMyOrders();
  return (
    <section>
      <h1>My Orders</h1>
      <ErrorMessage message={error} />
      {orders === null ? (
        !error && <p>Loading…</p>
      ) : orders.length === 0 ? (
        <p>
          No orders yet. <Link to="/">Find a ticket</Link>.
        </p>
      ) : (
        <ul className="order-list" aria-label="Your orders">
          {orders.map((o) => (
            <li key={o.id} className="card">
              <Link to={`/orders/${o.id}`} className="ticket-title">
                {o.ticket.title}
              </Link>
              <span className="price">{formatPrice(o.ticket.price)}</span>
              <StatusBadge status={o.status} />
              {o.status === 'cancelled' && o.cancellationReason && (
                <span className="reason">{CANCELLATION_REASONS[o.cancellationReason]}</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function useMyOrders() {
  const [orders, setOrders] = useState<Order[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setOrders(await request<Order[]>('GET', '/api/orders'));
      setError(null);
    } catch (e) {
      setError(asApiError(e).message);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  useServerEvents({
    order: ({ order }) =>
      setOrders((list) => {
        if (!list) return list;
        const current = list.find((o) => o.id === order.id);
        if (!current) return [...list, order];
        return isOlder(current, order) ? list : list.map((o) => (o.id === order.id ? order : o));
      }),
    reset: () => void load(),
  });

  return { orders, error };
}
