import { describe, expect, it } from 'vitest';
import type { Ticket } from '../api/types';
import { applyTicketChange } from './availableTickets';

const ticket = (id: string, over: Partial<Ticket> = {}): Ticket => ({
  id,
  title: `t${id}`,
  price: 10,
  userId: 'u',
  version: 0,
  orderId: null,
  status: 'available',
  ...over,
});

describe('applyTicketChange', () => {
  it('adds a newly listed ticket at the top', () => {
    const list = [ticket('02'), ticket('01')];
    expect(applyTicketChange(list, ticket('03')).map((t) => t.id)).toEqual(['03', '02', '01']);
  });

  it('drops a ticket someone reserved', () => {
    const list = [ticket('02'), ticket('01')];
    const reserved = ticket('02', { status: 'reserved', orderId: 'o', version: 1 });
    expect(applyTicketChange(list, reserved).map((t) => t.id)).toEqual(['01']);
  });

  it('puts a released ticket back in its place', () => {
    const list = [ticket('03'), ticket('01')];
    expect(applyTicketChange(list, ticket('02', { version: 2 })).map((t) => t.id)).toEqual(['03', '02', '01']);
  });

  it('replaces an edited ticket', () => {
    const list = [ticket('01')];
    expect(applyTicketChange(list, ticket('01', { title: 'new', version: 1 }))[0]?.title).toBe('new');
  });

  it('ignores a change older than what it shows', () => {
    const list = [ticket('01', { version: 3 })];
    const stale = ticket('01', { status: 'reserved', version: 2 });
    expect(applyTicketChange(list, stale)).toEqual(list);
  });

  it('leaves a released ticket older than the last one shown to a later page while more follow', () => {
    const list = [ticket('05'), ticket('03')];
    expect(applyTicketChange(list, ticket('01', { version: 2 }), false).map((t) => t.id)).toEqual(['05', '03']);
    expect(applyTicketChange(list, ticket('04', { version: 2 }), false).map((t) => t.id)).toEqual(['05', '04', '03']);
    expect(applyTicketChange(list, ticket('01', { version: 2 }), true).map((t) => t.id)).toEqual(['05', '03', '01']);
  });
});
