import { describe, expect, it } from 'vitest';
import { laterAccount } from './usePayoutAccount';

describe('laterAccount', () => {
  it('never goes back from an account further along', () => {
    const active = { status: 'active' as const, accountId: 'acct_1', onboardingUrl: null };
    const onboarding = { status: 'onboarding' as const, accountId: 'acct_1', onboardingUrl: 'https://connect.stripe.com/x' };
    expect(laterAccount(active, onboarding)).toBe(active);
    expect(laterAccount(onboarding, active)).toBe(active);
    expect(laterAccount(null, onboarding)).toBe(onboarding);
  });
});
