import { useNavigate } from 'react-router-dom';
import { request } from '../api/client';
import type { Ticket, TicketRequest } from '../api/types';
import { PageHeading, usePageTitle } from '../layout/Page';
import { RequireUser } from '../users/RequireUser';
import { TicketForm } from './TicketForm';

/** Set on the way to a ticket's page right after it was listed, so that the page confirms it. */
export interface ListedState {
  listed: true;
}

export function SellTicketPage() {
  const navigate = useNavigate();
  usePageTitle('Sell a ticket');

  async function sell(listing: TicketRequest) {
    const ticket = await request<Ticket>('POST', '/api/tickets', listing);
    navigate(`/tickets/${ticket.id}`, { state: { listed: true } satisfies ListedState });
  }

  return (
    <RequireUser title="Sell a ticket" what="sell a ticket">
      <section className="narrow">
        <PageHeading>Sell a ticket</PageHeading>
        <TicketForm initial={{ title: '', price: '', eventAt: '' }} submitLabel="Sell" onSubmit={sell} />
      </section>
    </RequireUser>
  );
}
