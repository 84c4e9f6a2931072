package dev.ticketing.tickets.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.tickets.TicketCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

class CatalogHealthIndicatorTest {

  @Test
  void outOfServiceUntilTheCatalogHasReadTheStore() {
    var catalog = new TicketCatalog();
    var health = new CatalogHealthIndicator(catalog);

    assertThat(health.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
    catalog.load(List.of());
    assertThat(health.health().getStatus()).isEqualTo(Status.UP);
  }
}
