import { Link, useParams } from 'react-router-dom';
import type { Ticket } from '../api/types';
import { formatPrice } from '../layout/format';
import { useSession } from '../users/session';
import { EditTicket } from './EditTicket';
import { PurchaseButton } from './PurchaseButton';
import { useTicket } from './useTicket';
import { ErrorMessage } from '../layout/FormErrors';

export function TicketPage() {
  const { id = '' } = useParams();
  const { ticket, error, update } = useTicket(id);

  if (error) {
    return (
      <section className="narrow">
        <ErrorMessage message={error} />
        <Link to="/">Back to the tickets</Link>
      </section>
    );
  }
  if (!ticket) return <p>Loading…</p>;
  return (
    <section className="narrow">
      <h1>{ticket.title}</h1>
      <dl className="facts">
        <dt>Price</dt>
        <dd>{formatPrice(ticket.price)}</dd>
        <dt>Status</dt>
        <dd>
          <span className={`status status-${ticket.status}`}>{ticket.status}</span>
        </dd>
      </dl>
      <TicketActions ticket={ticket} onSaved={update} />
    </section>
  );
}

function TicketActions({ ticket, onSaved }: { ticket: Ticket; onSaved: (t: Ticket) => void }) {
  const { user, loading } = useSession();
  if (loading) return null;
  if (user?.id === ticket.userId) {
    if (ticket.status === 'available') return <EditTicket ticket={ticket} onSaved={onSaved} />;
    return (
      <p className="notice">
        {ticket.status === 'reserved'
          ? 'Cannot edit a reserved ticket: a buyer is paying for it.'
          : 'Cannot edit a sold ticket.'}
      </p>
    );
  }
  if (ticket.status !== 'available') {
    return <p className="notice">This ticket is {ticket.status === 'sold' ? 'sold' : 'reserved by a buyer'}.</p>;
  }
  if (!user) {
    return (
      <p>
        <Link to="/signin">Sign in</Link> to purchase this ticket.
      </p>
    );
  }
  return <PurchaseButton ticketId={ticket.id} />;
}
