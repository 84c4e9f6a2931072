// The API's rules for a ticket, checked before sending so that a typo is explained at once. Where a rule
// is the API's, so is the message; for input that is no number at all it says what to type instead.
import type { ErrorItem } from '../api/client';
import type { TicketRequest } from '../api/types';

export interface TicketDraft {
  title: string;
  /** As typed. */
  price: string;
  /** As the date-time input gives it, in the reader's time zone ("2026-12-05T19:30"); "" for none. */
  eventAt: string;
}

const NUMBER = /^\d+(\.\d+)?$/;
const THOUSANDS = /^\d{1,3}(,\d{3})+(\.\d+)?$/;
const DECIMAL_COMMA = /^\d+,\d{1,2}$/;
const MAX_PRICE = 1_000_000;

export function titleProblem(title: string): string | null {
  const visible = title.trim();
  if (!visible) return 'Title is required';
  if ([...visible].length > 200) return 'Title must be at most 200 characters';
  return null;
}

export function priceProblem(typed: string): string | null {
  const price = typed.trim();
  if (!price) return 'Enter a price, like 19.99';
  if (/^-\s*[\d.]/.test(price)) return 'Price must be greater than 0';
  if (!NUMBER.test(price)) return notANumber(price);
  const [whole = '', decimals = ''] = price.split('.');
  if (/^0*$/.test(whole + decimals)) return 'Price must be greater than 0';
  if (decimals.replace(/0+$/, '').length > 2) return 'Price must have at most 2 decimals';
  if (Number(price) > MAX_PRICE) return 'Price must be at most 1000000';
  return null;
}

/** What is wrong with input that is not a plain number, with the number it probably meant. */
function notANumber(price: string): string {
  const bare = price.replace(/^[^\d.,-]+|[^\d.,]+$/g, '');
  const readings = [
    bare,
    bare.replace(/\s/g, ''),
    THOUSANDS.test(bare) ? bare.replaceAll(',', '') : '',
    DECIMAL_COMMA.test(bare) ? bare.replace(',', '.') : '',
  ];
  const example = readings.find((r) => NUMBER.test(r)) ?? '19.99';
  if (bare !== price && /\d/.test(bare)) return `Price must be a number without a currency sign, like ${example}`;
  if (price.includes(',')) return `Price must be a number without commas, like ${example}`;
  if (/\s/.test(price)) return `Price must be a number without spaces, like ${example}`;
  return 'Price must be a number, like 19.99';
}

/**
 * What is wrong with the event date: the API's words for a past one (`now` by the server's clock), and what
 * to do when the input holds only part of a date. An unchanged date is the ticket's own, never checked again.
 */
export function eventAtProblem(local: string, initial: string, now: number, incomplete = false): string | null {
  if (incomplete) return 'Enter the whole date and time of the event, or none';
  if (!local || local === initial) return null;
  const at = localToInstant(local);
  if (at === null) return 'Event date must be an ISO-8601 instant';
  return Date.parse(at) > now ? null : 'Event date must be in the future';
}

/** Where the draft differs from what it was opened on, and what `now` (the server's clock) makes of its date. */
export interface DraftContext {
  initial: TicketDraft;
  now: number;
  /** The date-time input holds part of a date, which it reports as no value at all. */
  eventAtIncomplete?: boolean;
}

/** Everything the API would refuse, by field; none when the draft may be sent. */
export function draftProblems(draft: TicketDraft, { initial, now, eventAtIncomplete }: DraftContext): ErrorItem[] {
  const problems: ErrorItem[] = [];
  const title = titleProblem(draft.title);
  if (title) problems.push({ field: 'title', message: title });
  const price = priceProblem(draft.price);
  if (price) problems.push({ field: 'price', message: price });
  const eventAt = eventAtProblem(draft.eventAt, initial.eventAt, now, eventAtIncomplete);
  if (eventAt) problems.push({ field: 'eventAt', message: eventAt });
  return problems;
}

/** The request for a draft without problems: the event date left out when unchanged, so an edit keeps it. */
export function draftToSend(draft: TicketDraft, initial: TicketDraft): TicketRequest {
  return { title: draft.title, price: priceToSend(draft.price), eventAt: eventAtToSend(draft.eventAt, initial.eventAt) };
}

/** The price as the API's strictest form accepts it: at most 2 decimals, so "1.230" goes as "1.23". */
export function priceToSend(typed: string): string {
  const [whole = '', decimals] = typed.trim().split('.');
  return decimals === undefined ? whole : `${whole}.${decimals.slice(0, 2)}`;
}

/** The date as the API takes it: left out when unchanged (an edit keeps it), null when cleared, else the instant. */
export function eventAtToSend(local: string, initial: string): string | null | undefined {
  if (local === initial) return undefined;
  if (!local) return null;
  return localToInstant(local) ?? undefined;
}

const LOCAL_DATE_TIME = /^\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/;

/** "2026-12-05T19:30" in the reader's time zone as an instant ("2026-12-05T18:30:00.000Z"); null if it is no date. */
export function localToInstant(local: string): string | null {
  if (!LOCAL_DATE_TIME.test(local)) return null;
  // Without an offset, a date and time is read in the browser's own time zone.
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** An instant as a date-time input shows it, in the reader's time zone: to the minute, with seconds if it has any. */
export function instantToLocal(iso: string | null): string {
  const date = iso ? new Date(iso) : null;
  if (!date || Number.isNaN(date.getTime())) return '';
  const two = (n: number) => String(n).padStart(2, '0');
  const day = `${String(date.getFullYear()).padStart(4, '0')}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
  const seconds = date.getSeconds() || date.getMilliseconds() ? `:${two(date.getSeconds())}` : '';
  return `${day}T${two(date.getHours())}:${two(date.getMinutes())}${seconds}`;
}
