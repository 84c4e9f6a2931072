import { describe, expect, it } from 'vitest';
import { orderStatusWords } from './words';

describe('orderStatusWords', () => {
  it('says how a cancelled order ended, and only a declined card in red', () => {
    expect(orderStatusWords({ status: 'cancelled', cancellationReason: 'expired' })).toMatchObject({
      label: 'Expired',
      tone: 'neutral',
    });
    expect(orderStatusWords({ status: 'cancelled', cancellationReason: 'payment_failed' })).toMatchObject({
      label: 'Payment declined',
      tone: 'danger',
    });
    expect(orderStatusWords({ status: 'cancelled', cancellationReason: 'cancelled' }).label).toBe('Cancelled by you');
  });

  it('uses words for the open and the paid order', () => {
    expect(orderStatusWords({ status: 'created', cancellationReason: null }).label).toBe('Held for you');
    expect(orderStatusWords({ status: 'awaiting:payment', cancellationReason: null }).label).toBe('Payment in progress');
    expect(orderStatusWords({ status: 'complete', cancellationReason: null })).toMatchObject({ label: 'Paid', tone: 'ok' });
  });
});
