import { useCallback, useEffect, useState } from 'react';
import { asApiError, request } from '../api/client';
import { useServerEvents } from '../api/events';
import type { Ticket } from '../api/types';
import { isOlder } from '../api/versions';

/** One ticket, kept current by the event stream. */
export function useTicket(id: string) {
  const [ticket, setTicket] = useState<Ticket | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setTicket(await request<Ticket>('GET', `/api/tickets/${id}`));
      setError(null);
    } catch (e) {
      const err = asApiError(e);
      setError(err.status === 404 ? 'This ticket does not exist.' : err.message);
    }
  }, [id]);

  useEffect(() => {
    setTicket(null);
    void load();
  }, [load]);

  const update = useCallback(
    (next: Ticket) => setTicket((t) => (isOlder(t, next) ? t : next)),
    [],
  );

  useServerEvents({
    ticket: (e) => e.ticket.id === id && update(e.ticket),
    reset: () => void load(),
  });

  return { ticket, error, update };
}
