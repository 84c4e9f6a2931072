import { useServerEvents } from '../api/events';
import { usePagedList } from '../api/usePagedList';
import { applyTicketChange, fetchAvailableTickets } from './availableTickets';

/** The available tickets, page by page, kept current by the event stream. */
export function useAvailableTickets() {
  const list = usePagedList(fetchAvailableTickets, applyTicketChange);
  useServerEvents({
    ticket: ({ ticket }) => list.change(ticket),
    reset: list.reload,
  });
  return list;
}
