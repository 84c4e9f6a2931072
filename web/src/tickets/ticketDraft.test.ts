import { describe, expect, it } from 'vitest';
import {
  draftProblems,
  draftToSend,
  eventAtProblem,
  eventAtToSend,
  instantToLocal,
  localToInstant,
  priceProblem,
  priceToSend,
  titleProblem,
  type TicketDraft,
} from './ticketDraft';

const NOW = new Date(2026, 11, 4, 21, 0).getTime();
const blank: TicketDraft = { title: '', price: '', eventAt: '' };

describe('priceProblem', () => {
  it('accepts what the API accepts', () => {
    for (const price of ['19.99', '20', '0.5', '1000000', '1000000.00', ' 42.50 ', '1.230']) {
      expect(priceProblem(price), price).toBeNull();
    }
  });

  it('says the API’s own words for the API’s rules', () => {
    expect(priceProblem('0')).toBe('Price must be greater than 0');
    expect(priceProblem('0.00')).toBe('Price must be greater than 0');
    expect(priceProblem('-5')).toBe('Price must be greater than 0');
    expect(priceProblem('1.234')).toBe('Price must have at most 2 decimals');
    expect(priceProblem('0.001')).toBe('Price must have at most 2 decimals');
    expect(priceProblem('1000000.01')).toBe('Price must be at most 1000000');
    expect(priceProblem('2000000')).toBe('Price must be at most 1000000');
  });

  it('says what is wrong with input that is not a number, and what to type instead', () => {
    expect(priceProblem('abc')).toBe('Price must be a number, like 19.99');
    expect(priceProblem('$20')).toBe('Price must be a number without a currency sign, like 20');
    expect(priceProblem('20 USD')).toBe('Price must be a number without a currency sign, like 20');
    expect(priceProblem('1,000')).toBe('Price must be a number without commas, like 1000');
    expect(priceProblem('19,99')).toBe('Price must be a number without commas, like 19.99');
    expect(priceProblem('1 000')).toBe('Price must be a number without spaces, like 1000');
    expect(priceProblem('1e3')).toBe('Price must be a number, like 19.99');
    expect(priceProblem('')).toBe('Enter a price, like 19.99');
  });
});

describe('titleProblem', () => {
  it('matches the API', () => {
    expect(titleProblem('  ')).toBe('Title is required');
    expect(titleProblem('x'.repeat(201))).toBe('Title must be at most 200 characters');
    expect(titleProblem('🎫'.repeat(200))).toBeNull();
  });
});

describe('draftProblems', () => {
  it('gives each problem its field', () => {
    const context = { initial: blank, now: NOW };
    expect(draftProblems({ title: '', price: 'abc', eventAt: '2026-12-04T20:00' }, context)).toEqual([
      { field: 'title', message: 'Title is required' },
      { field: 'price', message: 'Price must be a number, like 19.99' },
      { field: 'eventAt', message: 'Event date must be in the future' },
    ]);
    expect(draftProblems({ title: 'Concert', price: '19.99', eventAt: '' }, context)).toEqual([]);
    expect(draftProblems({ title: 'Concert', price: '19.99', eventAt: '' }, { ...context, eventAtIncomplete: true })).toEqual([
      { field: 'eventAt', message: 'Enter the whole date and time of the event, or none' },
    ]);
  });
});

describe('priceToSend', () => {
  it('drops zeros past the second decimal', () => {
    expect(priceToSend(' 1.230 ')).toBe('1.23');
    expect(priceToSend('20')).toBe('20');
  });
});

describe('eventAtProblem', () => {
  it('says the API’s words for a date that is not in the future, by the server’s clock', () => {
    expect(eventAtProblem('2026-12-04T21:01', '', NOW)).toBeNull();
    expect(eventAtProblem('2026-12-04T21:00', '', NOW)).toBe('Event date must be in the future');
    expect(eventAtProblem('2026-12-04T21:01', '', NOW + 60_000)).toBe('Event date must be in the future');
  });

  it('leaves alone a date the ticket already had, and no date at all', () => {
    expect(eventAtProblem('2026-12-01T20:00', '2026-12-01T20:00', NOW)).toBeNull();
    expect(eventAtProblem('', '2026-12-01T20:00', NOW)).toBeNull();
  });
});

describe('eventAtToSend', () => {
  it('sends the instant of a new date, null for a cleared one, and nothing for an unchanged one', () => {
    expect(eventAtToSend('2026-12-05T19:30', '')).toBe(new Date(2026, 11, 5, 19, 30).toISOString());
    expect(eventAtToSend('', '2026-12-05T19:30')).toBeNull();
    expect(eventAtToSend('2026-12-05T19:30', '2026-12-05T19:30')).toBeUndefined();
    expect(eventAtToSend('', '')).toBeUndefined();
  });
});

describe('draftToSend', () => {
  it('leaves the event date out of an edit that did not change it, so the ticket keeps it', () => {
    const initial = { title: 'Concert', price: '20.00', eventAt: '2026-12-05T19:30' };
    expect(JSON.stringify(draftToSend({ ...initial, price: '25' }, initial))).toBe('{"title":"Concert","price":"25"}');
    expect(JSON.stringify(draftToSend({ ...initial, eventAt: '' }, initial))).toBe(
      '{"title":"Concert","price":"20.00","eventAt":null}',
    );
  });
});

describe('localToInstant and instantToLocal', () => {
  it('read and write the date-time input’s value in the reader’s time zone', () => {
    const instant = new Date(2026, 11, 5, 19, 30).toISOString();
    expect(localToInstant('2026-12-05T19:30')).toBe(instant);
    expect(instantToLocal(instant)).toBe('2026-12-05T19:30');
    expect(instantToLocal(new Date(2026, 11, 5, 19, 30, 15).toISOString())).toBe('2026-12-05T19:30:15');
  });

  it('has nothing to show for no date, and no instant for what is no date', () => {
    expect(instantToLocal(null)).toBe('');
    expect(localToInstant('')).toBeNull();
    expect(localToInstant('2026-12-05')).toBeNull();
    expect(localToInstant('2026-13-45T19:30')).toBeNull();
  });
});
