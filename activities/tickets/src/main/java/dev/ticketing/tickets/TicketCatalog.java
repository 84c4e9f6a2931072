package dev.ticketing.tickets;

import static java.util.Comparator.comparing;

import dev.ticketing.workflows.TicketId;
import dev.ticketing.workflows.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import org.jspecify.annotations.Nullable;

/**
 * Every ticket as its latest event left it, held in memory: those for sale newest first, and each
 * seller's. Browsing reads this, never the store, so a page costs the same at a thousand tickets as
 * at a million: FerretDB's SQLite backend has no secondary indexes, and any query of the store
 * scans it. It is loaded from the store once and kept current by the tickets feed, whose events
 * carry whole tickets; a ticket older than the one held changes nothing, so load and feed may
 * overlap. Written by one follower, read by any number of requests without a lock.
 */
public final class TicketCatalog {

  private static final Comparator<Ticket> NEWEST_FIRST =
      comparing(Ticket::createdAt).thenComparing(ticket -> ticket.id().value()).reversed();

  private final Map<TicketId, Ticket> tickets = new ConcurrentHashMap<>();
  private final NavigableSet<Ticket> available = new ConcurrentSkipListSet<>(NEWEST_FIRST);
  private final Map<UserId, NavigableSet<Ticket>> bySeller = new ConcurrentHashMap<>();
  // Tickets this process released (an order of its buyer closed) that the feed has not told of yet.
  private final Set<TicketId> released = ConcurrentHashMap.newKeySet();
  private volatile boolean loaded;

  /** Takes the ticket, unless the one held is as new. */
  public synchronized void apply(Ticket ticket) {
    Ticket held = tickets.get(ticket.id());
    if (held != null && held.version() >= ticket.version()) {
      return;
    }
    released.remove(ticket.id());
    if (held != null) {
      available.remove(held);
      sellerOf(held).remove(held);
    }
    tickets.put(ticket.id(), ticket);
    sellerOf(ticket).add(ticket);
    if (ticket.status() == TicketStatus.AVAILABLE) {
      available.add(ticket);
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
    }
  }

  /**
   * Whether this catalog knows the ticket is taken: reserved or sold, as the feed last told, or
   * withdrawn by a reservation in this process. A moment behind the store: for refusing a buyer at
   * once, never for deciding a sale.
   */
  public boolean isTaken(TicketId id, Instant now) {
    Ticket held = tickets.get(id);
    return held != null
        && !released.contains(id)
        && (held.status() != TicketStatus.AVAILABLE
            || (!available.contains(held) && !held.hasTakenPlace(now)));
  }

  /**
   * The ticket is on sale again, as an order this process closed just made it: not taken, until the
   * feed tells its new version (unknown here). Its buyer's friend may reserve it at once.
   */
  public void released(TicketId id) {
    released.add(id);
  }

  /** The ticket as last told, in any status; empty if this catalog does not know it. */
  public Optional<Ticket> find(TicketId id) {
    return Optional.ofNullable(tickets.get(id));
  }

  /** Every ticket the store held when it was read; what the feed told since stays. */
  public void load(Iterable<Ticket> stored) {
    stored.forEach(this::apply);
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
