// Tickets and payouts for the unit tests, with the fields a test does not care about filled in.
import type { Payout, Ticket } from './types';

export function ticket(id: string, over: Partial<Ticket> = {}): Ticket {
  return {
    id,
    title: `t${id}`,
    price: 10,
    userId: 'seller',
    version: 0,
    orderId: null,
    status: 'available',
    eventAt: null,
    ...over,
  };
}

/** The payout of a 19.99 sale of ticket `ticketId`, held. */
export function payout(ticketId: string, over: Partial<Payout> = {}): Payout {
  return {
    id: `o${ticketId}`,
    orderId: `o${ticketId}`,
    ticketId,
    amount: 1799,
    fee: 200,
    currency: 'usd',
    status: 'held',
    releaseAt: '2026-12-07T19:30:00Z',
    paidAt: null,
    transferId: null,
    ...over,
  };
}
