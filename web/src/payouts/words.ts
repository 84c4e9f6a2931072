import type { AccountStatus, Payout, PayoutStatus } from '../api/types';
import type { StatusWords } from '../layout/StatusBadge';

export const PAYOUT_STATUS_WORDS: Record<PayoutStatus, StatusWords> = {
  held: {
    label: 'Held',
    tone: 'pending',
    detail: 'Paid after the event, so that a buyer who could not get in can still be refunded.',
  },
  awaiting_account: {
    label: 'Waiting for your payout account',
    tone: 'pending',
    detail: 'Set up payouts to receive it.',
  },
  paid: { label: 'Paid', tone: 'ok' },
  frozen: {
    label: 'Frozen',
    tone: 'pending',
    detail: 'The buyer disputes the charge; nothing is paid until the dispute is closed.',
  },
  reversed: {
    label: 'Reversed',
    tone: 'danger',
    detail: 'The buyer disputed the charge after you were paid, so the transfer was taken back.',
  },
  cancelled: {
    label: 'Cancelled',
    tone: 'neutral',
    detail: 'The buyer was refunded or won a dispute, so nothing is paid for this sale.',
  },
};

/** The date that matters for a payout in its status, and what it is: until when it is held, when it was paid. */
export function payoutDate(payout: Payout): { label: string; iso: string } | null {
  switch (payout.status) {
    case 'held':
      return { label: 'until', iso: payout.releaseAt };
    case 'awaiting_account':
      return { label: 'due since', iso: payout.releaseAt };
    case 'paid':
      return payout.paidAt ? { label: 'on', iso: payout.paidAt } : null;
    default:
      return null;
  }
}

export const ACCOUNT_STATUS_WORDS: Record<AccountStatus, StatusWords> = {
  none: { label: 'Not set up', tone: 'neutral', detail: 'Set up payouts to be paid for what you sell.' },
  onboarding: {
    label: 'Stripe needs details',
    tone: 'pending',
    detail: 'Stripe still needs some details from you before it can pay you.',
  },
  active: { label: 'Active', tone: 'ok', detail: 'Stripe pays each sale into your account after its event.' },
};
