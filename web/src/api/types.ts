export type TicketStatus = 'available' | 'reserved' | 'sold';

export interface Ticket {
  id: string;
  title: string;
  price: number;
  userId: string;
  version: number;
  orderId: string | null;
  status: TicketStatus;
  /** When the event takes place; older APIs leave it out. */
  eventAt?: string | null;
}

export type OrderStatus = 'created' | 'awaiting:payment' | 'cancelled' | 'complete';
export type CancellationReason = 'cancelled' | 'expired' | 'payment_failed';

export interface Order {
  id: string;
  userId: string;
  status: OrderStatus;
  expiresAt: string;
  /** When the order was made; shown when the API gives it. */
  createdAt?: string;
  version: number;
  ticket: { id: string; title: string; price: number; version: number; eventAt?: string | null };
  cancellationReason: CancellationReason | null;
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
