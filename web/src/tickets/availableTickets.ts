import type { Ticket } from '../api/types';
import { isOlder } from '../api/versions';

/** The home list after a ticket changed: it holds exactly the available tickets, newest first. */
export function applyTicketChange(list: readonly Ticket[], ticket: Ticket): Ticket[] {
  const current = list.find((t) => t.id === ticket.id);
  if (isOlder(current, ticket)) return [...list];
  const others = list.filter((t) => t.id !== ticket.id);
  return ticket.status === 'available' ? newestFirst([...others, ticket]) : others;
}

/** Ids are ObjectIds, which start with their creation time. */
export function newestFirst(list: readonly Ticket[]): Ticket[] {
  return [...list].sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}
