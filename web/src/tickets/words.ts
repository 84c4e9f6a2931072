import type { Ticket, TicketStatus } from '../api/types';
import type { StatusWords } from '../layout/StatusBadge';
import { hasTakenPlace } from './availableTickets';

const TICKET_STATUS_WORDS: Record<TicketStatus, StatusWords> = {
  available: { label: 'For sale', tone: 'ok' },
  reserved: { label: 'Reserved', tone: 'pending', detail: 'A buyer is paying for it.' },
  sold: { label: 'Sold', tone: 'neutral' },
};

const EVENT_OVER: StatusWords = {
  label: 'Event over',
  tone: 'neutral',
  detail: 'The event has taken place, so the ticket is no longer for sale.',
};

/** A ticket's status in words at `now` (the server's clock): one left unsold when its event took place is for sale no more. */
export function ticketStatusWords(ticket: Ticket, now: number): StatusWords {
  return ticket.status === 'available' && hasTakenPlace(ticket, now) ? EVENT_OVER : TICKET_STATUS_WORDS[ticket.status];
}
