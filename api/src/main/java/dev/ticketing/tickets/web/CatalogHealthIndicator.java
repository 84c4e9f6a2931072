package dev.ticketing.tickets.web;

import dev.ticketing.tickets.TicketCatalog;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Out of service until the ticket catalog has read the store, and up for good after (the feed keeps
 * it current). Readiness includes it: an API that would answer every list with 503 gets no traffic.
 */
@Component
class CatalogHealthIndicator implements HealthIndicator {

  private final TicketCatalog catalog;

  CatalogHealthIndicator(TicketCatalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public Health health() {
    return catalog.isLoaded()
        ? Health.up().build()
        : Health.outOfService().withDetail("catalog", "reading the tickets store").build();
  }
}
