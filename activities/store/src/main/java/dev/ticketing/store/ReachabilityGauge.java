package dev.ticketing.store;

import com.mongodb.connection.ServerConnectionState;
import com.mongodb.event.ServerDescriptionChangedEvent;
import com.mongodb.event.ServerListener;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Metrics;

/**
 * {@code ticketing_store_up{domain}}: 1 while the driver's own server monitor holds a connection to
 * the domain's database, 0 while it does not. The monitor checks in the background, so a scrape
 * costs no round trip and never waits on a server that is away.
 */
final class ReachabilityGauge implements ServerListener {

  private volatile boolean connected;

  ReachabilityGauge(String domain) {
    Gauge.builder("ticketing.store.up", this, gauge -> gauge.connected ? 1 : 0)
        .description("Whether the domain's database answers the driver's monitor")
        .tag("domain", domain)
        .strongReference(true)
        .register(Metrics.globalRegistry);
  }

  @Override
  public void serverDescriptionChanged(ServerDescriptionChangedEvent event) {
    connected = event.getNewDescription().getState() == ServerConnectionState.CONNECTED;
  }
}
