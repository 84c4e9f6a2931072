import { useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { useServerEvents } from '../api/events';
import { PAGE_SIZE } from '../api/paging';
import type { Order } from '../api/types';
import { useApiRead } from '../api/useApiRead';
import { isOlder } from '../api/versions';
import { DateTime } from '../layout/DateTime';
import { ErrorMessage } from '../layout/FormErrors';
import { formatPrice } from '../layout/format';
import { PageHeading, usePageTitle } from '../layout/Page';
import { ShowMore } from '../layout/ShowMore';
import { StatusBadge } from '../layout/StatusBadge';
import { RequireUser } from '../users/RequireUser';
import { isOpen } from './useOrder';
import { orderStatusWords } from './words';

export function MyOrdersPage() {
  usePageTitle('My Orders');
  return (
    <RequireUser title="My Orders" what="see your orders">
      <OrderList />
    </RequireUser>
  );
}

function OrderList() {
  const { orders, error } = useMyOrders();
  // The API gives every order at once, so the paging is the browser's.
  const [shown, setShown] = useState(PAGE_SIZE);
  const list = useRef<HTMLUListElement>(null);
  return (
    <section>
      <PageHeading>My Orders</PageHeading>
      <ErrorMessage message={error} />
      {orders === null ? (
        !error && <p>Loading…</p>
      ) : orders.length === 0 ? (
        <p>
          No orders yet. <Link to="/">Find a ticket</Link>.
        </p>
      ) : (
        <>
          <ul className="order-list" aria-label="Your orders" ref={list}>
            {orders.slice(0, shown).map((o) => (
              <OrderRow key={o.id} order={o} />
            ))}
          </ul>
          <ShowMore
            listRef={list}
            count={Math.min(shown, orders.length)}
            hasMore={orders.length > shown}
            noun={['order', 'orders']}
            onMore={() => setShown((n) => n + PAGE_SIZE)}
          />
        </>
      )}
    </section>
  );
}

function OrderRow({ order }: { order: Order }) {
  const status = orderStatusWords(order);
  return (
    <li className="card">
      <Link to={`/orders/${order.id}`} className="ticket-title">
        {order.ticket.title}
      </Link>
      <span className="price">{formatPrice(order.ticket.price)}</span>
      <StatusBadge words={status} />
      <span className="reason">
        {order.ticket.eventAt && (
          <>
            Event <DateTime iso={order.ticket.eventAt} />.{' '}
          </>
        )}
        Ordered <DateTime iso={order.createdAt} />.{' '}
        {isOpen(order) ? (
          <>
            Held for you until <DateTime iso={order.expiresAt} timeIfToday />.
          </>
        ) : (
          status.detail
        )}
      </span>
    </li>
  );
}

/** The user's orders, newest first, kept current by the event stream. */
function useMyOrders() {
  const { data: orders, setData: setOrders, error, reload } = useApiRead('/api/orders', newestFirst);

  useServerEvents({
    order: ({ order }) =>
      setOrders((list) => {
        if (!list) return list;
        const current = list.find((o) => o.id === order.id);
        if (!current) return [order, ...list];
        return isOlder(current, order) ? list : list.map((o) => (o.id === order.id ? order : o));
      }),
    reset: () => void reload(),
  });

  return { orders, error };
}

/** The API lists the oldest first. */
function newestFirst(_shown: Order[] | null, read: Order[]): Order[] {
  return [...read].reverse();
}
