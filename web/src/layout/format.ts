// Money in dollars, and dates and times in the reader's own language and time zone.

const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const timeOfDay = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });
const fullDateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'long' });

export function formatPrice(price: number): string {
  return money.format(price);
}

/** An amount in the currency's minor units, as Stripe counts it: 1799 usd is "$17.99", 500 jpy is "¥500". */
export function formatMinorUnits(amount: number, currency: string): string {
  const format = new Intl.NumberFormat('en-US', { style: 'currency', currency: currency.toUpperCase() });
  return format.format(amount / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2));
}

/** "Dec 4, 2026, 6:32 PM"; the time alone when it falls on `today`'s date. */
export function formatDateTime(iso: string, today?: Date): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return today && date.toDateString() === today.toDateString() ? timeOfDay.format(date) : dateTime.format(date);
}

/** Every detail, for a tooltip. */
export function formatFullDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : fullDateTime.format(date);
}

/** "15 minutes", "1 hour 30 minutes", "5 seconds". */
export function formatDuration(seconds: number): string {
  const parts: [number, string][] = [
    [Math.floor(seconds / 3600), 'hour'],
    [Math.floor((seconds % 3600) / 60), 'minute'],
    [Math.round(seconds % 60), 'second'],
  ];
  const words = parts.filter(([n]) => n > 0).map(([n, unit]) => `${n} ${unit}${n === 1 ? '' : 's'}`);
  return words.join(' ') || '0 seconds';
}
