import { Link, useSearchParams } from 'react-router-dom';
import { DateTime } from '../layout/DateTime';
import { formatPrice } from '../layout/format';
import { PageHeading, usePageTitle } from '../layout/Page';
import { PagedList } from '../layout/PagedList';
import { TicketSearch } from './TicketSearch';
import { useAvailableTickets } from './useAvailableTickets';

export function TicketListPage() {
  const search = (useSearchParams()[0].get('q') ?? '').trim();
  const tickets = useAvailableTickets(search);
  const heading = search ? `Tickets matching “${search}”` : 'Tickets for sale';
  usePageTitle(heading);
  return (
    <section>
      <PageHeading>{heading}</PageHeading>
      <TicketSearch key={search} search={search} />
      <PagedList
        list={tickets}
        label="Available tickets"
        className="ticket-list"
        noun={['ticket', 'tickets']}
        empty={
          search ? (
            <p>
              No tickets match “{search}”. <Link to="/">See every ticket for sale</Link>.
            </p>
          ) : (
            <p>No tickets for sale right now.</p>
          )
        }
      >
        {(t) => (
          <li key={t.id} className="card">
            <Link to={`/tickets/${t.id}`} className="ticket-title">
              {t.title}
            </Link>
            {t.eventAt && (
              <span className="when">
                <DateTime iso={t.eventAt} />
              </span>
            )}
            <span className="price">{formatPrice(t.price)}</span>
          </li>
        )}
      </PagedList>
    </section>
  );
}
