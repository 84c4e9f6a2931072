package dev.ticketing.store;

/** A domain's store, as health checks see it. */
public interface DomainStore {

  /** The domain's name: {@code users}, {@code tickets}, {@code orders} or {@code payments}. */
  String domain();

  /** Whether its database answers now. */
  boolean isReachable();
}
