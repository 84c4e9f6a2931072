import { describe, expect, it } from 'vitest';
import { payout } from '../api/fixtures';
import { PAYOUT_STATUS_WORDS, payoutDate } from './words';

const held = payout('t1');

describe('payoutDate', () => {
  it('is until when a payout is held, since when it is due, and when it was paid', () => {
    expect(payoutDate(held)).toEqual({ label: 'until', iso: held.releaseAt });
    expect(payoutDate({ ...held, status: 'awaiting_account' })).toEqual({ label: 'due since', iso: held.releaseAt });
    const paid = { ...held, status: 'paid' as const, paidAt: '2026-12-07T19:30:02Z', transferId: 'tr_1' };
    expect(payoutDate(paid)).toEqual({ label: 'on', iso: '2026-12-07T19:30:02Z' });
  });

  it('has no date for a payout that is stopped or over without pay', () => {
    for (const status of ['frozen', 'reversed', 'cancelled'] as const) expect(payoutDate({ ...held, status })).toBeNull();
  });
});

describe('PAYOUT_STATUS_WORDS', () => {
  it('alarms only about money taken back', () => {
    const danger = Object.entries(PAYOUT_STATUS_WORDS).filter(([, w]) => w.tone === 'danger');
    expect(danger.map(([status]) => status)).toEqual(['reversed']);
  });
});
