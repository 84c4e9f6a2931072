import { useCallback } from 'react';
import { useServerEvents } from '../api/events';
import type { Ticket } from '../api/types';
import { usePagedList } from '../api/usePagedList';
import { applyTicketChange, fetchAvailableTickets } from './availableTickets';

/** The available tickets matching the search (all of them without one), page by page, kept current by the event stream. */
export function useAvailableTickets(search: string) {
  const fetcher = useCallback((limit: number, offset: number) => fetchAvailableTickets(search, limit, offset), [search]);
  const apply = useCallback(
    (list: readonly Ticket[], ticket: Ticket, complete: boolean) => applyTicketChange(list, ticket, complete, search),
    [search],
  );
  const list = usePagedList(fetcher, apply);
  useServerEvents({
    ticket: ({ ticket }) => list.change(ticket),
    reset: list.reload,
  });
  return list;
}
