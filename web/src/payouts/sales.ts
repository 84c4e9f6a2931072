import { request } from '../api/client';
import { pagedPath, placeNewestFirst } from '../api/paging';
import type { Payout, Sale, Ticket } from '../api/types';
import { isOlder } from '../api/versions';

/** A page of the signed-in seller's listings in every status, newest first, each with its payout once sold. */
export function fetchSales(limit: number, offset: number): Promise<Sale[]> {
  return request<Sale[]>('GET', pagedPath('/api/sales', limit, offset));
}

/** What the seller heard of: a listing (with its payout when a read gave one), or a payout alone. */
export type SaleChange = { ticket: Ticket; payout?: Payout | null } | { ticket?: undefined; payout: Payout };

/**
 * The seller's listings after a change. A listing stays in every status; a new one goes in its place, newest
 * first. A payout joins its ticket's listing (one not shown is on a later page). Once a sale has a payout it
 * keeps one: a read that came before the payout was scheduled does not take it away.
 */
export function applySaleChange(list: readonly Sale[], change: SaleChange, complete = true): Sale[] {
  if (!change.ticket) {
    const { payout } = change;
    return list.map((sale) => (sale.ticket.id === payout.ticketId ? { ...sale, payout } : sale));
  }
  const { ticket } = change;
  const current = list.find((sale) => sale.ticket.id === ticket.id);
  const payout = change.payout ?? current?.payout ?? null;
  if (current && isOlder(current.ticket, ticket)) {
    return list.map((sale) => (sale === current ? { ...sale, payout } : sale));
  }
  return placeNewestFirst(list, { ticket, payout }, (sale) => sale.ticket.id, complete);
}
