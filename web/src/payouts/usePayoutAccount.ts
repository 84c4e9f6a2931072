import { useCallback } from 'react';
import { request } from '../api/client';
import { useServerEvents, type AccountEvent } from '../api/events';
import type { PayoutAccount } from '../api/types';
import { useApiRead } from '../api/useApiRead';

/**
 * The seller's payout account, kept current by the event stream. `setUp` opens it (or asks again) and, while
 * Stripe needs details, leaves for Stripe's onboarding, which returns to /payouts/return.
 */
export function usePayoutAccount() {
  const { data: account, setData: setAccount, error, reload } = useApiRead('/api/payouts/account', laterAccount);

  useServerEvents({
    account: (event) => setAccount((current) => laterAccount(current, fromEvent(event, current))),
    reset: () => void reload(),
  });

  /** Answers the account when there is nothing left to do on Stripe's pages; else the browser goes there. */
  const setUp = useCallback(async (): Promise<PayoutAccount | null> => {
    const opened = await request<PayoutAccount>('POST', '/api/payouts/account');
    if (opened.onboardingUrl) {
      window.location.assign(opened.onboardingUrl);
      return null;
    }
    setAccount((current) => laterAccount(current, opened));
    return opened;
  }, [setAccount]);

  return { account, error, setUp };
}

function fromEvent({ account }: AccountEvent, current: PayoutAccount | null): PayoutAccount {
  const onboardingUrl = account.status === 'onboarding' ? (current?.onboardingUrl ?? null) : null;
  return { status: account.status, accountId: account.accountId, onboardingUrl };
}

/** An account only moves forward (none, onboarding, active), so whichever of two is further along is the later. */
export function laterAccount(current: PayoutAccount | null, next: PayoutAccount): PayoutAccount {
  const rank = { none: 0, onboarding: 1, active: 2 };
  return current && rank[current.status] > rank[next.status] ? current : next;
}
