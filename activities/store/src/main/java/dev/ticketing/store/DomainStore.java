package dev.ticketing.store;

/**
 * A domain's store: its own database and event log, its name and reachability as health checks see
 * them, closed with the app.
 */
public abstract class DomainStore implements AutoCloseable {

  protected final DomainDatabase database;
  protected final EventLog events;
  private final String domain;

  protected DomainStore(DomainDatabase database, String domain) {
    this.database = database;
    this.events = new EventLog(database);
    this.domain = domain;
  }

  /** The domain's name: users, tickets, orders, payments, payouts or notifications. */
  public final String domain() {
    return domain;
  }

  /** Whether its database answers now. */
  public final boolean isReachable() {
    return database.ping();
  }

  /** Every change this domain recorded, in order. */
  public final EventLog events() {
    return events;
  }

  @Override
  public void close() {
    database.close();
  }
}
