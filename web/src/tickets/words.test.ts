import { describe, expect, it } from 'vitest';
import { ticket } from '../api/fixtures';
import { ticketStatusWords } from './words';

describe('ticketStatusWords', () => {
  const at = Date.parse('2026-12-05T19:30:00Z');
  const concert = ticket('01', { eventAt: '2026-12-05T19:30:00Z' });

  it('says a ticket left unsold when its event took place is for sale no more', () => {
    expect(ticketStatusWords(concert, at - 1).label).toBe('For sale');
    expect(ticketStatusWords(concert, at).label).toBe('Event over');
    expect(ticketStatusWords(ticket('02'), at).label).toBe('For sale');
  });

  it('keeps reserved and sold as they are after the event', () => {
    expect(ticketStatusWords({ ...concert, status: 'sold' }, at + 1).label).toBe('Sold');
    expect(ticketStatusWords({ ...concert, status: 'reserved' }, at + 1).label).toBe('Reserved');
  });
});
