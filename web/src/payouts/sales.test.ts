import { describe, expect, it } from 'vitest';
import { payout, ticket } from '../api/fixtures';
import type { Payout, Sale, Ticket } from '../api/types';
import { applySaleChange } from './sales';

const sale = (id: string, over: Partial<Ticket> = {}, paid: Payout | null = null): Sale => ({
  ticket: ticket(id, over),
  payout: paid,
});

const ids = (list: Sale[]) => list.map((s) => s.ticket.id);

describe('applySaleChange', () => {
  it('puts a new listing at the top, and keeps a listing in every status', () => {
    const list = [sale('02'), sale('01')];
    expect(ids(applySaleChange(list, { ticket: ticket('03') }))).toEqual(['03', '02', '01']);
    const sold = applySaleChange(list, { ticket: ticket('02', { status: 'sold', version: 2 }) });
    expect(ids(sold)).toEqual(['02', '01']);
    expect(sold[0]?.ticket.status).toBe('sold');
  });

  it('gives a payout to its ticket’s listing, and keeps it when the ticket changes afterwards', () => {
    const list = [sale('02', { status: 'reserved', version: 1 }), sale('01')];
    const scheduled = applySaleChange(list, { payout: payout('02') });
    expect(scheduled[0]?.payout?.status).toBe('held');
    const sold = applySaleChange(scheduled, { ticket: ticket('02', { status: 'sold', version: 2 }) });
    expect(sold[0]).toEqual({ ticket: ticket('02', { status: 'sold', version: 2 }), payout: payout('02') });
  });

  it('shows the payout’s latest news', () => {
    const list = [sale('01', { status: 'sold' }, payout('01'))];
    const paid = payout('01', { status: 'paid', paidAt: '2026-12-07T19:30:01Z', transferId: 'tr_1' });
    expect(applySaleChange(list, { payout: paid })[0]?.payout).toEqual(paid);
  });

  it('ignores a payout of a listing it does not show', () => {
    const list = [sale('02')];
    expect(applySaleChange(list, { payout: payout('01') })).toEqual(list);
  });

  it('keeps a newer ticket than the change, but takes the change’s payout', () => {
    const list = [sale('01', { status: 'sold', version: 2 })];
    const changed = applySaleChange(list, { ticket: ticket('01', { status: 'reserved', version: 1 }), payout: payout('01') });
    expect(changed[0]?.ticket.status).toBe('sold');
    expect(changed[0]?.payout).toEqual(payout('01'));
  });

  it('does not lose a payout to a read that came before it was scheduled', () => {
    const list = [sale('01', { status: 'sold', version: 2 }, payout('01'))];
    expect(applySaleChange(list, sale('01', { status: 'sold', version: 2 }))[0]?.payout).toEqual(payout('01'));
  });

  it('leaves a listing older than the last one shown to a later page while more follow', () => {
    const list = [sale('05'), sale('03')];
    expect(ids(applySaleChange(list, { ticket: ticket('01') }, false))).toEqual(['05', '03']);
    expect(ids(applySaleChange(list, { ticket: ticket('04') }, false))).toEqual(['05', '04', '03']);
  });
});
