import { Link } from 'react-router-dom';
import { formatPrice } from '../layout/format';
import { useAvailableTickets } from './useAvailableTickets';
import { ErrorMessage } from '../layout/FormErrors';

export function TicketListPage() {
  const { tickets, error } = useAvailableTickets();
  return (
    <section>
      <h1>Tickets for sale</h1>
      <ErrorMessage message={error} />
      {tickets === null ? (
        !error && <p>Loading…</p>
      ) : tickets.length === 0 ? (
        <p>No tickets for sale right now.</p>
      ) : (
        <ul className="ticket-list" aria-label="Available tickets">
          {tickets.map((t) => (
            <li key={t.id} className="card">
              <Link to={`/tickets/${t.id}`} className="ticket-title">
                {t.title}
              </Link>
              <span className="price">{formatPrice(t.price)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
