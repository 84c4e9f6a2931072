import { useCallback, useEffect, useRef, useState } from 'react';
import { asApiError, request } from '../api/client';
import { useServerEvents } from '../api/events';
import type { Ticket } from '../api/types';
import { applyTicketChange, newestFirst } from './availableTickets';

/** The available tickets, kept current by the event stream. */
export function useAvailableTickets() {
  const [tickets, setTickets] = useState<Ticket[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Changes seen while a fetch is in flight are replayed onto its answer, which may predate them.
  const replay = useRef<Ticket[] | null>(null);
  const latestFetch = useRef(0);

  const load = useCallback(async () => {
    const fetchId = ++latestFetch.current;
    replay.current ??= [];
    try {
      const fresh = await request<Ticket[]>('GET', '/api/tickets');
      if (fetchId !== latestFetch.current) return;
      const missed = replay.current ?? [];
      replay.current = null;
      setTickets(missed.reduce(applyTicketChange, newestFirst(fresh)));
      setError(null);
    } catch (e) {
      if (fetchId !== latestFetch.current) return;
      replay.current = null;
      setError(asApiError(e).message);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  useServerEvents({
    ticket: ({ ticket }) => {
      replay.current?.push(ticket);
      setTickets((list) => list && applyTicketChange(list, ticket));
    },
    reset: () => void load(),
  });

  return { tickets, error };
}
