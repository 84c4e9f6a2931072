import { describe, expect, it } from 'vitest';
import { clockOffset } from '../api/clock';
import { countdownAnnouncement, formatTimeLeft, timeLeft } from './countdown';

const at = (iso: string) => Date.parse(iso);

describe('formatTimeLeft', () => {
  it('shows minutes and zero-padded seconds', () => {
    expect(formatTimeLeft(15 * 60_000)).toBe('15:00');
    expect(formatTimeLeft(65_000)).toBe('1:05');
    expect(formatTimeLeft(9_000)).toBe('0:09');
  });

  it('rounds a started second up, so 0:00 means the time is up', () => {
    expect(formatTimeLeft(59_001)).toBe('1:00');
    expect(formatTimeLeft(1)).toBe('0:01');
    expect(formatTimeLeft(0)).toBe('0:00');
    expect(formatTimeLeft(-5_000)).toBe('0:00');
  });
});

describe('timeLeft', () => {
  const expiresAt = '2026-11-25T10:15:00.000Z';

  it('counts down to expiresAt on a synchronised clock', () => {
    expect(timeLeft(expiresAt, at('2026-11-25T10:14:00.000Z'), 0)).toBe(60_000);
  });

  it('uses the server clock when the browser clock is behind', () => {
    // The browser reads 10:13:00 while the server already reads 10:14:00.
    expect(timeLeft(expiresAt, at('2026-11-25T10:13:00.000Z'), 60_000)).toBe(60_000);
  });

  it('never goes below zero', () => {
    expect(timeLeft(expiresAt, at('2026-11-25T10:20:00.000Z'), 0)).toBe(0);
  });
});

describe('clockOffset', () => {
  it('compares the server time with the middle of the round trip', () => {
    const sentAt = at('2026-11-25T10:00:00.000Z');
    const receivedAt = sentAt + 200;
    expect(clockOffset('2026-11-25T10:00:05.100Z', sentAt, receivedAt)).toBe(5_000);
  });

  it('is negative when the browser clock is ahead', () => {
    const sentAt = at('2026-11-25T10:00:10.000Z');
    expect(clockOffset('2026-11-25T10:00:00.050Z', sentAt, sentAt + 100)).toBe(-10_000);
  });

  it('falls back to zero on an unreadable server time', () => {
    expect(clockOffset('yesterday', 1_000, 1_100)).toBe(0);
  });
});

describe('countdownAnnouncement', () => {
  it('speaks when 5 minutes and when 1 minute are left', () => {
    expect(countdownAnnouncement(300_200, 299_950)).toBe('5 minutes left to pay.');
    expect(countdownAnnouncement(60_100, 59_900)).toBe('1 minute left to pay.');
  });

  it('stays quiet in between', () => {
    expect(countdownAnnouncement(900_000, 899_750)).toBeNull();
    expect(countdownAnnouncement(200_000, 199_750)).toBeNull();
    expect(countdownAnnouncement(30_000, 0)).toBeNull();
  });

  it('gives the nearest milestone when a sleeping tab skipped both', () => {
    expect(countdownAnnouncement(400_000, 30_000)).toBe('1 minute left to pay.');
  });
});
