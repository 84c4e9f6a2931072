export type TicketStatus = 'available' | 'reserved' | 'sold';

export interface Ticket {
  id: string;
  title: string;
  price: number;
  userId: string;
  version: number;
  orderId: string | null;
  status: TicketStatus;
  /** When the event takes place, if the seller said. */
  eventAt: string | null;
}

/** A listing's title, price and event date as POST and PUT /api/tickets take them; on PUT, no eventAt keeps it. */
export interface TicketRequest {
  title: string;
  price: string;
  eventAt?: string | null;
}

export type OrderStatus = 'created' | 'awaiting:payment' | 'cancelled' | 'complete';
export type CancellationReason = 'cancelled' | 'expired' | 'payment_failed';

export interface Order {
  id: string;
  userId: string;
  status: OrderStatus;
  expiresAt: string;
  createdAt: string;
  version: number;
  ticket: { id: string; title: string; price: number; version: number; eventAt: string | null };
  cancellationReason: CancellationReason | null;
}

export type PayoutStatus = 'held' | 'awaiting_account' | 'paid' | 'frozen' | 'reversed' | 'cancelled';

/** What the seller gets for a sale; `amount` (after the fee) and `fee` in the currency's minor units. */
export interface Payout {
  id: string;
  orderId: string;
  ticketId: string;
  amount: number;
  fee: number;
  currency: string;
  status: PayoutStatus;
  releaseAt: string;
  paidAt: string | null;
  transferId: string | null;
}

/** One of the seller's listings, with its payout once it is sold. */
export interface Sale {
  ticket: Ticket;
  payout: Payout | null;
}

export type AccountStatus = 'none' | 'onboarding' | 'active';

/** The Stripe account a seller is paid into; `onboardingUrl` while Stripe still needs details. */
export interface PayoutAccount {
  status: AccountStatus;
  accountId: string | null;
  onboardingUrl: string | null;
}

export interface CurrentUser {
  id: string;
  email: string;
}

export interface ServerConfig {
  stripePublishableKey: string | null;
  serverTime: string;
  /** How long a new order holds its ticket; older APIs leave it out. */
  orderHoldSeconds?: number;
}
