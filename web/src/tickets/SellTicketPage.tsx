import { useNavigate } from 'react-router-dom';
import { request } from '../api/client';
import type { Ticket } from '../api/types';
import { RequireUser } from '../users/RequireUser';
import { TicketForm, type TicketDraft } from './TicketForm';

export function SellTicketPage() {
  const navigate = useNavigate();

  async function sell(draft: TicketDraft) {
    await request<Ticket>('POST', '/api/tickets', draft);
    navigate('/');
  }

  return (
    <RequireUser what="sell a ticket">
      <section className="narrow">
        <h1>Sell a ticket</h1>
        <TicketForm initial={{ title: '', price: '' }} submitLabel="Sell" onSubmit={sell} />
      </section>
    </RequireUser>
  );
}
