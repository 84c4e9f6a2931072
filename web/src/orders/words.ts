import type { CancellationReason } from '../api/types';

export const CANCELLATION_REASONS: Record<CancellationReason, string> = {
  cancelled: 'Cancelled by you',
  expired: 'Expired: not paid in time',
  payment_failed: 'Payment failed: the card was declined',
};
