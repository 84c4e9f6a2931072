export type TicketStatus = 'available' | 'reserved' | 'sold';

export interface Ticket {
  id: string;
  title: string;
  price: number;
  userId: string;
  version: number;
  orderId: string | null;
  status: TicketStatus;
}

export type OrderStatus = 'created' | 'awaiting:payment' | 'cancelled' | 'complete';
export type CancellationReason = 'cancelled' | 'expired' | 'payment_failed';

export interface Order {
  id: string;
  userId: string;
  status: OrderStatus;
  expiresAt: string;
  version: number;
  ticket: { id: string; title: string; price: number; version: number };
  cancellationReason: CancellationReason | null;
}

export interface CurrentUser {
  id: string;
  email: string;
}

export interface ServerConfig {
  stripePublishableKey: string | null;
  serverTime: string;
}
