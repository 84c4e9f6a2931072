import type { Order } from '../api/types';
import type { StatusWords } from '../layout/StatusBadge';

/** An order's status in words, with the reason a cancelled one ended. */
export function orderStatusWords(order: Pick<Order, 'status' | 'cancellationReason'>): StatusWords {
  switch (order.status) {
    case 'created':
      return { label: 'Held for you', tone: 'pending', detail: 'Pay before the time runs out.' };
    case 'awaiting:payment':
      return { label: 'Payment in progress', tone: 'pending' };
    case 'complete':
      return { label: 'Paid', tone: 'ok' };
    case 'cancelled':
      switch (order.cancellationReason) {
        case 'expired':
          return { label: 'Expired', tone: 'neutral', detail: 'Not paid in time; the ticket went back on sale.' };
        case 'payment_failed':
          return { label: 'Payment declined', tone: 'danger', detail: 'The card was declined, so nothing was charged.' };
        case 'cancelled':
          return { label: 'Cancelled by you', tone: 'neutral' };
        default:
          return { label: 'Cancelled', tone: 'neutral' };
      }
  }
}
