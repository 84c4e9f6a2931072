package dev.ticketing.tickets;

import static java.util.Comparator.comparing;

import dev.ticketing.workflows.TicketId;
import dev.ticketing.workflows.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Every ticket as its latest event left it, held in memory: those for sale newest first, and each
 * seller's. Browsing reads this, never the store, so a page costs the same at a thousand tickets as
 * at a million: FerretDB's SQLite backend has no secondary indexes, and any query of the store
 * scans it. It is loaded from the store once and kept current by the tickets feed, whose events
 * carry whole tickets; a ticket older than the one held changes nothing, so load and feed may
 * overlap. Written by its follower (and by a purchase's read of the store, as new or newer), read
 * by any number of requests without a lock.
 */
public final class TicketCatalog {

  private static final Duration TAKEN_TRUSTED = Duration.ofSeconds(5);
  // Past this many tickets heard taken, those heard longer ago than trusted are let go.
  private static final int TAKEN_KEPT = 10_000;
  private static final Comparator<Ticket> NEWEST_FIRST =
      comparing(Ticket::createdAt).thenComparing(ticket -> ticket.id().value()).reversed();

  private final Map<TicketId, Ticket> tickets = new ConcurrentHashMap<>();
  private final NavigableSet<Ticket> available = new ConcurrentSkipListSet<>(NEWEST_FIRST);
  private final Map<UserId, NavigableSet<Ticket>> bySeller = new ConcurrentHashMap<>();
  // When each ticket was last heard taken (reserved, sold, withdrawn), for as long as it is
  // trusted.
  private final Map<TicketId, Instant> takenAt = new ConcurrentHashMap<>();
  private final Supplier<Instant> clock;
  private volatile boolean loaded;

  public TicketCatalog() {
    this(Instant::now);
  }

  TicketCatalog(Supplier<Instant> clock) {
    this.clock = clock;
  }

  /** Takes the ticket, as its feed tells it, unless the one held is as new. */
  public synchronized void apply(Ticket ticket) {
    if (hold(ticket)) {
      heard(ticket);
    }
  }

  /**
   * Takes the ticket as the store just answered it to a buyer. A taken ticket's version already
   * held is trusted taken anew: the store said so again. (The feed's word is not renewed so: a feed
   * read again repeats what it told before.)
   */
  public synchronized void read(Ticket ticket) {
    Ticket held = tickets.get(ticket.id());
    boolean asHeld = held != null && held.version() == ticket.version();
    if (hold(ticket) || asHeld) {
      heard(ticket);
    }
  }

  /**
   * Takes this version of the ticket off sale, as a reservation of it just did: its buyer won't see
   * it listed while the feed catches up. A newer version held, or one yet to come, decides.
   */
  public synchronized void withdraw(TicketId id, long version) {
    Ticket held = tickets.get(id);
    if (held != null && held.version() == version) {
      available.remove(held);
      heardTaken(id);
    }
  }

  /**
   * Whether this catalog heard within {@link #TAKEN_TRUSTED} that the ticket is taken: reserved or
   * sold, as the feed or the store told, or withdrawn by a reservation in this process. A moment
   * behind the store, and never longer than that trusted (a lost announcement is healed by the
   * store read the next buyer then makes): for refusing a rush's buyers at once, never for deciding
   * a sale.
   */
  public boolean isTaken(TicketId id) {
    Instant heard = takenAt.get(id);
    return heard != null && !heard.isBefore(clock.get().minus(TAKEN_TRUSTED));
  }

  /**
   * The ticket is on sale again, as an order this process closed just made it: not taken (its new
   * version, unknown here, comes with the feed). Its buyer's friend may reserve it at once.
   */
  public void released(TicketId id) {
    takenAt.remove(id);
  }

  /** Holds the ticket unless the one held is as new; whether it did. */
  private boolean hold(Ticket ticket) {
    Ticket held = tickets.get(ticket.id());
    if (held != null && held.version() >= ticket.version()) {
      return false;
    }
    if (held != null) {
      available.remove(held);
      sellerOf(held).remove(held);
    }
    tickets.put(ticket.id(), ticket);
    sellerOf(ticket).add(ticket);
    if (ticket.status() == TicketStatus.AVAILABLE) {
      available.add(ticket);
    }
    return true;
  }

  private void heard(Ticket ticket) {
    if (ticket.status() == TicketStatus.AVAILABLE) {
      takenAt.remove(ticket.id());
    } else {
      heardTaken(ticket.id());
    }
  }

  private void heardTaken(TicketId id) {
    Instant now = clock.get();
    if (takenAt.size() >= TAKEN_KEPT) {
      Instant trustedSince = now.minus(TAKEN_TRUSTED);
      takenAt.values().removeIf(heard -> heard.isBefore(trustedSince));
      if (takenAt.size() >= TAKEN_KEPT) {
        takenAt.clear(); // as many taken within the trust: forgetting costs their buyers a read
      }
    }
    takenAt.put(id, now);
  }

  /** The ticket as last told, in any status; empty if this catalog does not know it. */
  public Optional<Ticket> find(TicketId id) {
    return Optional.ofNullable(tickets.get(id));
  }

  /**
   * Every ticket the store held when it was read; what the feed told since stays. None is trusted
   * taken: that is for what was heard a moment ago.
   */
  public void load(Iterable<Ticket> stored) {
    for (Ticket ticket : stored) {
      synchronized (this) {
        hold(ticket);
      }
    }
    loaded = true;
  }

  public boolean isLoaded() {
    return loaded;
  }

  /**
   * A page of the tickets for sale now, newest first, whose titles hold {@code search} (any case,
   * every character as it is) when given. A ticket whose event has taken place is never for sale
   * again unless edited, and leaves the list as it is passed over.
   */
  public List<Ticket> forSale(@Nullable String search, Instant now, int limit, int offset) {
    List<Ticket> page = new ArrayList<>(limit);
    int skipped = 0;
    for (Ticket ticket : available) {
      if (ticket.hasTakenPlace(now)) {
        forget(ticket);
      } else if (search == null || contains(ticket.title(), search)) {
        if (skipped++ >= offset) {
          page.add(ticket);
          if (page.size() == limit) {
            break;
          }
        }
      }
    }
    return page;
  }

  /** A page of the seller's tickets in every status, newest first. */
  public List<Ticket> ofSeller(UserId seller, int limit, int offset) {
    return bySeller.getOrDefault(seller, new ConcurrentSkipListSet<>(NEWEST_FIRST)).stream()
        .skip(offset)
        .limit(limit)
        .toList();
  }

  private synchronized void forget(Ticket passed) {
    if (tickets.get(passed.id()) == passed) {
      available.remove(passed);
    }
  }

  private NavigableSet<Ticket> sellerOf(Ticket ticket) {
    return bySeller.computeIfAbsent(
        ticket.userId(), seller -> new ConcurrentSkipListSet<>(NEWEST_FIRST));
  }

  private static boolean contains(String title, String search) {
    for (int start = 0; start + search.length() <= title.length(); start++) {
      if (title.regionMatches(true, start, search, 0, search.length())) {
        return true;
      }
    }
    return false;
  }
}
