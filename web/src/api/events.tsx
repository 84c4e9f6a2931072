import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import type { AccountStatus, Order, Payout, Ticket } from './types';

// One EventSource for the whole app; pages subscribe to the kinds of events they show.

export interface TicketEvent {
  type: 'TicketCreated' | 'TicketUpdated' | 'TicketReserved' | 'TicketReleased' | 'TicketSold';
  ticket: Ticket;
}

export interface OrderEvent {
  type: 'OrderCreated' | 'OrderPaymentStarted' | 'OrderCompleted' | 'OrderCancelled' | 'OrderExpired';
  order: Order;
}

/** To the seller only. */
export interface PayoutEvent {
  type:
    | 'PayoutScheduled'
    | 'PayoutSent'
    | 'PayoutAwaitingAccount'
    | 'PayoutFrozen'
    | 'PayoutReversed'
    | 'PayoutResumed'
    | 'PayoutCancelled';
  payout: Payout;
}

/** To the seller only. */
export interface AccountEvent {
  type: 'AccountOpened' | 'AccountActivated';
  account: { status: AccountStatus; accountId: string };
}

interface ServerEvents {
  ticket: TicketEvent;
  order: OrderEvent;
  payout: PayoutEvent;
  account: AccountEvent;
}

type Kind = keyof ServerEvents;

/** The field each kind's object must have, as a string, for the event to be taken. */
const KINDS: Record<Kind, string> = { ticket: 'id', order: 'id', payout: 'id', account: 'status' };

export type EventListeners = { [K in Kind]?: (event: ServerEvents[K]) => void } & {
  /** Events may have been missed: re-fetch what the page shows. */
  reset?: () => void;
};

interface Events {
  subscribe: (listeners: EventListeners) => () => void;
  live: boolean;
}

const STREAM = '/api/events/stream';
const FIRST_RETRY_MS = 2_000;
const MAX_RETRY_MS = 30_000;

const EventsContext = createContext<Events>({ subscribe: () => () => {}, live: false });

/**
 * Keyed by the signed-in user (null: signed out, undefined: not known yet): the stream reconnects when the
 * session cookie changes.
 */
export function EventsProvider({ userId, children }: { userId: string | null | undefined; children: ReactNode }) {
  const listeners = useRef(new Set<EventListeners>());
  const [live, setLive] = useState(false);
  const [events] = useState(() => ({
    subscribe(l: EventListeners) {
      listeners.current.add(l);
      return () => void listeners.current.delete(l);
    },
  }));

  useEffect(() => {
    if (userId === undefined || typeof EventSource === 'undefined') return;
    const each = (call: (l: EventListeners) => void) => [...listeners.current].forEach(call);
    const reset = () => each((l) => l.reset?.());
    let source: EventSource | null = null;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let retryMs = FIRST_RETRY_MS;

    const connect = () => {
      const current = new EventSource(STREAM);
      source = current;
      let opened = false;
      current.onopen = () => {
        setLive(true);
        retryMs = FIRST_RETRY_MS;
        // A fresh connection (no Last-Event-ID) starts from now: whatever happened before it is unknown.
        if (!opened) reset();
        opened = true;
      };
      for (const kind of Object.keys(KINDS) as Kind[]) {
        current.addEventListener(kind, (e) => {
          const event = parse(e, kind);
          if (event) each((l) => dispatch(l, kind, event));
        });
      }
      current.addEventListener('reset', reset);
      current.onerror = () => {
        setLive(false);
        // The browser retries network failures itself; an HTTP error closes the stream for good.
        if (current.readyState !== EventSource.CLOSED) return;
        current.close();
        retryTimer = setTimeout(connect, retryMs);
        retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
      };
    };
    connect();
    return () => {
      clearTimeout(retryTimer);
      source?.close();
      setLive(false);
    };
  }, [userId]);

  return <EventsContext.Provider value={{ ...events, live }}>{children}</EventsContext.Provider>;
}

/** The event's data if it carries its kind's object with the field that identifies it; anything else is skipped. */
function parse<K extends Kind>(event: Event, kind: K): ServerEvents[K] | null {
  try {
    const data: unknown = JSON.parse((event as MessageEvent<string>).data);
    const inner = (data as Record<string, Record<string, unknown> | undefined> | null)?.[kind];
    return typeof inner?.[KINDS[kind]] === 'string' ? (data as ServerEvents[K]) : null;
  } catch {
    return null;
  }
}

function dispatch<K extends Kind>(listeners: EventListeners, kind: K, event: ServerEvents[K]): void {
  (listeners[kind] as ((e: ServerEvents[K]) => void) | undefined)?.(event);
}

/** Calls the latest handlers for every event, for as long as the component is mounted. */
export function useServerEvents(handlers: EventListeners): void {
  const { subscribe } = useContext(EventsContext);
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(
    () =>
      subscribe({
        ticket: (e) => latest.current.ticket?.(e),
        order: (e) => latest.current.order?.(e),
        payout: (e) => latest.current.payout?.(e),
        account: (e) => latest.current.account?.(e),
        reset: () => latest.current.reset?.(),
      }),
    [subscribe],
  );
}

export function useLiveStatus(): boolean {
  return useContext(EventsContext).live;
}
