import { pagedPath, placeNewestFirst } from '../api/paging';
import { request } from '../api/client';
import type { Ticket } from '../api/types';
import { isOlder } from '../api/versions';

/** A page of the tickets for sale, newest first; with a search, only those whose titles hold it. */
export function fetchAvailableTickets(search: string, limit: number, offset: number): Promise<Ticket[]> {
  const path = search ? `/api/tickets?q=${encodeURIComponent(search)}` : '/api/tickets';
  return request<Ticket[]>('GET', pagedPath(path, limit, offset));
}

/** Whether the API would list the ticket under this search: its title holds it, in any case, every character as typed. */
export function matchesSearch(ticket: Ticket, search: string): boolean {
  return ticket.title.toLowerCase().includes(search.trim().toLowerCase());
}

/** Whether the ticket's event is over at `now` (the server's clock): the API lists it no more, nor sells it. */
export function hasTakenPlace(ticket: Ticket, now: number): boolean {
  return ticket.eventAt !== null && Date.parse(ticket.eventAt) <= now;
}

/**
 * The home list after a ticket changed: it holds exactly the newest available tickets that match the search,
 * as many as the user has paged through.
 */
export function applyTicketChange(list: readonly Ticket[], ticket: Ticket, complete = true, search = ''): Ticket[] {
  if (isOlder(list.find((t) => t.id === ticket.id), ticket)) return [...list];
  if (ticket.status !== 'available' || !matchesSearch(ticket, search)) return list.filter((t) => t.id !== ticket.id);
  return placeNewestFirst(list, ticket, (t) => t.id, complete);
}

const LONGEST_SEARCH = 100;

/** The API's words for a search it would refuse; a blank one is no search at all, so it lists every ticket. */
export function searchProblem(typed: string): string | null {
  return [...typed.trim()].length > LONGEST_SEARCH ? 'Search must be between 1 and 100 characters' : null;
}

/** The home page's path for a search: `/?q=jazz`, or `/` for none. */
export function searchPath(typed: string): string {
  const search = typed.trim();
  return search ? `/?${new URLSearchParams({ q: search })}` : '/';
}
