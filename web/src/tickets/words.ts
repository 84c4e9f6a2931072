import type { TicketStatus } from '../api/types';
import type { StatusWords } from '../layout/StatusBadge';

export const TICKET_STATUS_WORDS: Record<TicketStatus, StatusWords> = {
  available: { label: 'For sale', tone: 'ok' },
  reserved: { label: 'Reserved', tone: 'pending', detail: 'A buyer is paying for it.' },
  sold: { label: 'Sold', tone: 'neutral' },
};
