// The API's rules for a ticket, checked before sending so that a typo is explained at once. Where a rule
// is the API's, so is the message; for input that is no number at all it says what to type instead.
import type { ErrorItem } from '../api/client';

export interface TicketDraft {
  title: string;
  /** As typed. */
  price: string;
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

/** Everything the API would refuse, by field; none when the draft may be sent. */
export function draftProblems(draft: TicketDraft): ErrorItem[] {
  const problems: ErrorItem[] = [];
  const title = titleProblem(draft.title);
  if (title) problems.push({ field: 'title', message: title });
  const price = priceProblem(draft.price);
  if (price) problems.push({ field: 'price', message: price });
  return problems;
}

/** The price as the API's strictest form accepts it: at most 2 decimals, so "1.230" goes as "1.23". */
export function priceToSend(typed: string): string {
  const [whole = '', decimals] = typed.trim().split('.');
  return decimals === undefined ? whole : `${whole}.${decimals.slice(0, 2)}`;
}
