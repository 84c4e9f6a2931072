import { useServerEvents } from '../api/events';
import { usePagedList } from '../api/usePagedList';
import { applySaleChange, fetchSales } from './sales';

/** The seller's listings with their payouts, page by page, kept current by the event stream. */
export function useSales(sellerId: string) {
  const list = usePagedList(fetchSales, applySaleChange);
  useServerEvents({
    // Every browser hears of every ticket; this page shows the seller's own.
    ticket: ({ ticket }) => ticket.userId === sellerId && list.change({ ticket }),
    payout: ({ payout }) => list.change({ payout }),
    reset: list.reload,
  });
  return list;
}
