package dev.ticketing.tickets.web;

import dev.ticketing.tickets.Ticket;
import dev.ticketing.tickets.TicketCatalog;
import dev.ticketing.tickets.Tickets;
import java.time.Duration;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Reads every ticket into the catalog once the API has started, and again after a pause until the
 * store answers; meanwhile lists answer 503. The live feed keeps it current from then on.
 */
@Component
class CatalogLoader implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(CatalogLoader.class);
  private static final Duration RETRY = Duration.ofSeconds(1);
  private static final Duration UNREADABLE_AT_MOST = Duration.ofMinutes(1);

  private final Tickets tickets;
  private final TicketCatalog catalog;
  private volatile boolean running;

  CatalogLoader(Tickets tickets, TicketCatalog catalog) {
    this.tickets = tickets;
    this.catalog = catalog;
  }

  @Override
  public void start() {
    running = true;
    Thread.ofVirtual().name("catalog-loader").start(this::loadUntilLoaded);
  }

  private void loadUntilLoaded() {
    Duration unreadable = RETRY;
    while (running && !catalog.isLoaded()) {
      try (Stream<Ticket> stored = tickets.all()) {
        catalog.load(stored::iterator);
        log.info("The ticket catalog holds what the store had");
      } catch (DataAccessException e) {
        log.warn("The tickets store did not answer; reading the catalog again: {}", e.getMessage());
        pause(RETRY);
      } catch (RuntimeException e) {
        // A document it can't read fails every read alike, and would end this thread: said
        // loudly, and read again less and less often, each read a scan, until someone mends it.
        log.error("Reading the ticket catalog failed; reading it again in {}", unreadable, e);
        pause(unreadable);
        Duration doubled = unreadable.multipliedBy(2);
        unreadable = doubled.compareTo(UNREADABLE_AT_MOST) < 0 ? doubled : UNREADABLE_AT_MOST;
      }
    }
  }

  @Override
  public void stop() {
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private static void pause(Duration pause) {
    try {
      Thread.sleep(pause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
