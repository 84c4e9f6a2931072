import { useState } from 'react';
import { ApiError, request } from '../api/client';
import type { Ticket, TicketRequest } from '../api/types';
import { TicketForm } from './TicketForm';
import { instantToLocal } from './ticketDraft';

interface Props {
  ticket: Ticket;
  onSaved: (ticket: Ticket) => void;
}

/** The seller's form; it saves against the version it was opened on, so a change made meanwhile is not overwritten. */
export function EditTicket({ ticket, onSaved }: Props) {
  const [base, setBase] = useState(ticket);
  const [notice, setNotice] = useState<string | null>(null);

  async function save(edit: TicketRequest) {
    setNotice(null);
    try {
      const saved = await request<Ticket>('PUT', `/api/tickets/${base.id}`, edit, { 'If-Match': `"${base.version}"` });
      setBase(saved);
      setNotice('Saved.');
      onSaved(saved);
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 409) throw e;
      const latest = await request<Ticket>('GET', `/api/tickets/${base.id}`);
      onSaved(latest);
      setBase(latest);
      setNotice('This ticket was changed while you were editing it. The form now shows the latest version; review it and save again.');
    }
  }

  return (
    <section aria-labelledby="edit-heading" className="card">
      <h2 id="edit-heading">Edit your ticket</h2>
      <TicketForm
        key={base.version}
        idPrefix="edit"
        initial={{ title: base.title, price: base.price.toFixed(2), eventAt: instantToLocal(base.eventAt) }}
        submitLabel="Save changes"
        onSubmit={save}
        notice={notice}
      />
    </section>
  );
}
