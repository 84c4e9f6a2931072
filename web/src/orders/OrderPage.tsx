import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { asApiError, request } from '../api/client';
import { useConfig } from '../api/config';
import type { Order } from '../api/types';
import { DateTime } from '../layout/DateTime';
import { ErrorSummary, ErrorMessage } from '../layout/FormErrors';
import { formatPrice } from '../layout/format';
import { PageHeading, usePageTitle } from '../layout/Page';
import { StatusBadge } from '../layout/StatusBadge';
import { RequireUser } from '../users/RequireUser';
import { Countdown } from './Countdown';
import { SandboxPayment } from './SandboxPayment';
import { StripePayment } from './StripePayment';
import { isOpen, useOrder } from './useOrder';
import { orderStatusWords } from './words';

export function OrderPage() {
  const { id = '' } = useParams();
  return (
    <RequireUser title="Your order" what="see your order">
      <OrderView id={id} />
    </RequireUser>
  );
}

function OrderView({ id }: { id: string }) {
  const { order, error, reload } = useOrder(id);
  const [paid, setPaid] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);

  async function act(call: () => Promise<unknown>) {
    setProblems([]);
    try {
      await call();
    } catch (e) {
      setProblems(asApiError(e).errors.map((x) => x.message));
    }
    await reload();
  }

  const pay = (token: string) =>
    act(async () => {
      await request('POST', '/api/payments', { orderId: id, token });
      setPaid(true);
    });
  const cancel = () => act(() => request('DELETE', `/api/orders/${id}`));
  usePageTitle(order ? `Order for ${order.ticket.title}` : error ? 'Order not found' : 'Your order');

  if (error) {
    return (
      <section className="narrow">
        <PageHeading>Order not found</PageHeading>
        <ErrorMessage message={error} />
        <Link to="/orders">My Orders</Link>
      </section>
    );
  }
  if (!order) return <p>Loading…</p>;
  return (
    <section className="narrow">
      <PageHeading>Order for {order.ticket.title}</PageHeading>
      <OrderFacts order={order} />
      <ErrorSummary messages={problems} />
      {paid || order.status === 'complete' ? (
        <Paid />
      ) : isOpen(order) ? (
        <Checkout order={order} onPay={pay} onCancel={cancel} onTimeUp={reload} />
      ) : (
        <Cancelled order={order} />
      )}
    </section>
  );
}

function OrderFacts({ order }: { order: Order }) {
  return (
    <dl className="facts">
      <dt>Price</dt>
      <dd>{formatPrice(order.ticket.price)}</dd>
      <dt>Status</dt>
      <dd>
        <StatusBadge words={orderStatusWords(order)} />
      </dd>
      <dt>Ordered</dt>
      <dd>
        <DateTime iso={order.createdAt} />
      </dd>
      {isOpen(order) && (
        <>
          <dt>Held for you until</dt>
          <dd>
            <DateTime iso={order.expiresAt} timeIfToday />
          </dd>
        </>
      )}
      {order.ticket.eventAt && (
        <>
          <dt>Event</dt>
          <dd>
            <DateTime iso={order.ticket.eventAt} />
          </dd>
        </>
      )}
    </dl>
  );
}

interface CheckoutProps {
  order: Order;
  onPay: (token: string) => Promise<void>;
  onCancel: () => Promise<void>;
  onTimeUp: () => void;
}

function Checkout({ order, onPay, onCancel, onTimeUp }: CheckoutProps) {
  const { stripePublishableKey, loaded } = useConfig();
  const [cancelling, setCancelling] = useState(false);
  const paying = order.status === 'awaiting:payment';
  const amount = formatPrice(order.ticket.price);

  async function cancel() {
    setCancelling(true);
    await onCancel();
    setCancelling(false);
  }

  return (
    <>
      <Countdown expiresAt={order.expiresAt} onTimeUp={onTimeUp} />
      {paying && <p role="status">A payment for this order is in progress…</p>}
      {!loaded ? (
        <p>Loading the payment form…</p>
      ) : stripePublishableKey ? (
        <StripePayment publishableKey={stripePublishableKey} amountLabel={amount} disabled={paying} onPay={onPay} />
      ) : (
        <SandboxPayment amountLabel={amount} disabled={paying} onPay={onPay} />
      )}
      <button type="button" className="secondary" onClick={cancel} disabled={cancelling || paying}>
        Cancel order
      </button>
    </>
  );
}

function Paid() {
  return (
    <div className="outcome ok" role="status">
      <h2>Paid</h2>
      <p>
        The ticket is yours. See it in <Link to="/orders">My Orders</Link>.
      </p>
    </div>
  );
}

const CANCELLED: Record<NonNullable<Order['cancellationReason']>, { title: string; text: string }> = {
  expired: { title: 'Order expired', text: 'The time to pay ran out, and the ticket is for sale again.' },
  cancelled: { title: 'Order cancelled', text: 'You cancelled this order, and the ticket is for sale again.' },
  payment_failed: {
    title: 'Payment declined',
    text: 'The card was declined, so nothing was charged and the order was cancelled. The ticket is for sale again.',
  },
};

function Cancelled({ order }: { order: Order }) {
  const { title, text } = CANCELLED[order.cancellationReason ?? 'cancelled'];
  return (
    <div className={`outcome ${orderStatusWords(order).tone}`} role="status">
      <h2>{title}</h2>
      <p>{text}</p>
      <p>
        <Link to="/">Back to the tickets</Link> · <Link to="/orders">My Orders</Link>
      </p>
    </div>
  );
}
