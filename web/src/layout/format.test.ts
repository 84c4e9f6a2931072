import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDuration, formatMinorUnits } from './format';

describe('formatDuration', () => {
  it('says a hold in words', () => {
    expect(formatDuration(900)).toBe('15 minutes');
    expect(formatDuration(5)).toBe('5 seconds');
    expect(formatDuration(60)).toBe('1 minute');
    expect(formatDuration(5400)).toBe('1 hour 30 minutes');
  });
});

describe('formatDateTime', () => {
  it('gives the time alone for a moment of today, the date too otherwise', () => {
    const today = new Date(2026, 11, 4, 9, 0);
    const later = new Date(2026, 11, 4, 18, 32).toISOString();
    const tomorrow = new Date(2026, 11, 5, 18, 32).toISOString();
    expect(formatDateTime(later, today)).not.toMatch(/2026/);
    expect(formatDateTime(tomorrow, today)).toMatch(/2026/);
    expect(formatDateTime(later)).toMatch(/2026/);
  });
});

describe('formatMinorUnits', () => {
  it('counts in the currency’s minor units, as Stripe does', () => {
    expect(formatMinorUnits(1799, 'usd')).toBe('$17.99');
    expect(formatMinorUnits(200, 'USD')).toBe('$2.00');
    expect(formatMinorUnits(500, 'jpy')).toBe('¥500');
  });
});
