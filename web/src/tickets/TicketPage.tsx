import { Link, useLocation, useParams } from 'react-router-dom';
import { useConfig } from '../api/config';
import type { Ticket } from '../api/types';
import { DateTime } from '../layout/DateTime';
import { ErrorMessage } from '../layout/FormErrors';
import { formatDuration, formatPrice } from '../layout/format';
import { PageHeading, usePageTitle } from '../layout/Page';
import { StatusBadge } from '../layout/StatusBadge';
import { authPath } from '../users/returnTo';
import { useSession } from '../users/session';
import { EditTicket } from './EditTicket';
import { PurchaseButton } from './PurchaseButton';
import type { ListedState } from './SellTicketPage';
import { useTicket } from './useTicket';
import { hasTakenPlace } from './availableTickets';
import { ticketStatusWords } from './words';

export function TicketPage() {
  const { id = '' } = useParams();
  const { ticket, error, update } = useTicket(id);
  const listed = (useLocation().state as ListedState | null)?.listed === true;
  const { clockOffsetMs } = useConfig();
  usePageTitle(ticket ? `${ticket.title} — ${formatPrice(ticket.price)}` : error ? 'Ticket not found' : null);

  if (error) {
    return (
      <section className="narrow">
        <PageHeading>Ticket not found</PageHeading>
        <ErrorMessage message={error} />
        <Link to="/">Back to the tickets</Link>
      </section>
    );
  }
  if (!ticket) return <p>Loading…</p>;
  const status = ticketStatusWords(ticket, Date.now() + clockOffsetMs);
  return (
    <section className="narrow">
      <PageHeading>{ticket.title}</PageHeading>
      {listed && <Listed />}
      <dl className="facts">
        <dt>Price</dt>
        <dd>{formatPrice(ticket.price)}</dd>
        {ticket.eventAt && (
          <>
            <dt>Event</dt>
            <dd>
              <DateTime iso={ticket.eventAt} />
            </dd>
          </>
        )}
        <dt>Status</dt>
        <dd>
          <StatusBadge words={status} />
        </dd>
      </dl>
      <TicketActions ticket={ticket} onSaved={update} />
    </section>
  );
}

function Listed() {
  return (
    <p className="notice success" role="status">
      Your ticket is listed: buyers see it on <Link to="/">the home page</Link> now.
    </p>
  );
}

function TicketActions({ ticket, onSaved }: { ticket: Ticket; onSaved: (t: Ticket) => void }) {
  const { user, loading } = useSession();
  const { clockOffsetMs } = useConfig();
  const here = useLocation();
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
  if (hasTakenPlace(ticket, Date.now() + clockOffsetMs)) {
    return <p className="notice">The event has taken place, so this ticket can no longer be bought.</p>;
  }
  return (
    <>
      <HoldNotice />
      {user ? (
        <PurchaseButton ticketId={ticket.id} />
      ) : (
        <p>
          <Link to={authPath('/signin', here)}>Sign in</Link> to purchase this ticket.
        </p>
      )}
    </>
  );
}

/** What Purchase does, before the user commits to it. */
function HoldNotice() {
  const { orderHoldSeconds } = useConfig();
  const hold = orderHoldSeconds ? ` for ${formatDuration(orderHoldSeconds)}` : '';
  return <p>Purchase holds this ticket for you{hold} while you pay; nobody else can buy it meanwhile.</p>;
}
