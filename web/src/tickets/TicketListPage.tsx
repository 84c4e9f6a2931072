import { useRef } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { DateTime } from '../layout/DateTime';
import { ErrorMessage } from '../layout/FormErrors';
import { formatPrice } from '../layout/format';
import { PageHeading, usePageTitle } from '../layout/Page';
import { ShowMore } from '../layout/ShowMore';
import { TicketSearch } from './TicketSearch';
import { useAvailableTickets } from './useAvailableTickets';

export function TicketListPage() {
  const search = (useSearchParams()[0].get('q') ?? '').trim();
  const { items: tickets, hasMore, error, loadMore, more } = useAvailableTickets(search);
  const list = useRef<HTMLUListElement>(null);
  const heading = search ? `Tickets matching “${search}”` : 'Tickets for sale';
  usePageTitle(heading);
  return (
    <section>
      <PageHeading>{heading}</PageHeading>
      <TicketSearch key={search} search={search} />
      <ErrorMessage message={error} />
      {tickets === null ? (
        !error && <p>Loading…</p>
      ) : tickets.length === 0 && !hasMore ? (
        search ? (
          <p>
            No tickets match “{search}”. <Link to="/">See every ticket for sale</Link>.
          </p>
        ) : (
          <p>No tickets for sale right now.</p>
        )
      ) : (
        <>
          <ul className="ticket-list" aria-label="Available tickets" ref={list}>
            {tickets.map((t) => (
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
            ))}
          </ul>
          <ShowMore
            listRef={list}
            count={tickets.length}
            hasMore={hasMore}
            noun={['ticket', 'tickets']}
            onMore={() => void loadMore()}
            busy={more.busy}
            error={more.error}
          />
        </>
      )}
    </section>
  );
}
