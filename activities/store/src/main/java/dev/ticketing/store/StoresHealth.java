package dev.ticketing.store;

import java.util.List;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** Up while every store this process uses answers; readiness includes it. */
public final class StoresHealth implements HealthIndicator {

  private final List<DomainStore> stores;

  public StoresHealth(List<DomainStore> stores) {
    this.stores = stores;
  }

  @Override
  public Health health() {
    var health = Health.up();
    for (DomainStore store : stores) {
      boolean reachable = store.isReachable();
      health.withDetail(store.domain(), reachable ? "UP" : "DOWN");
      if (!reachable) {
        health.down();
      }
    }
    return health.build();
  }
}
