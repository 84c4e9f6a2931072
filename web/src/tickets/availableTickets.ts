import { pagedPath } from '../api/paging';
import { request } from '../api/client';
import type { Ticket } from '../api/types';
import { isOlder } from '../api/versions';

/** A page of the tickets for sale, newest first. */
export function fetchAvailableTickets(limit: number, offset: number): Promise<Ticket[]> {
  return request<Ticket[]>('GET', pagedPath('/api/tickets', limit, offset));
}

/**
 * The home list after a ticket changed: it holds exactly the newest available tickets, as many as the user
 * has paged through. While more pages follow (`complete` false), a ticket older than the last one shown
 * belongs to them, not here, so that the next page's offset stays right.
 */
export function applyTicketChange(list: readonly Ticket[], ticket: Ticket, complete = true): Ticket[] {
  const current = list.find((t) => t.id === ticket.id);
  if (isOlder(current, ticket)) return [...list];
  const others = list.filter((t) => t.id !== ticket.id);
  if (ticket.status !== 'available') return others;
  const last = others[others.length - 1];
  if (!complete && !current && last && ticket.id < last.id) return others;
  return newestFirst([...others, ticket]);
}

/** Ids are ObjectIds, which start with their creation time. */
function newestFirst(list: readonly Ticket[]): Ticket[] {
  return [...list].sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}
