package dev.ticketing.api;

import static dev.ticketing.store.DomainDatabase.BOOT_CLIENT;
import static dev.ticketing.store.DomainDatabase.BOOT_TEMPLATE;

import dev.ticketing.orders.OrdersConfiguration;
import dev.ticketing.payments.PaymentsConfiguration;
import dev.ticketing.payouts.PayoutGateway;
import dev.ticketing.payouts.PayoutSettings;
import dev.ticketing.payouts.Payouts;
import dev.ticketing.payouts.PayoutsConfiguration;
import dev.ticketing.payouts.SellerAccounts;
import dev.ticketing.payouts.web.PayoutSignals;
import dev.ticketing.store.DomainStore;
import dev.ticketing.store.StoresHealth;
import dev.ticketing.tickets.TicketCatalog;
import dev.ticketing.tickets.TicketsConfiguration;
import dev.ticketing.users.UsersConfiguration;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

@SpringBootApplication(
    scanBasePackages = "dev.ticketing",
    excludeName = {BOOT_CLIENT, BOOT_TEMPLATE})
@EnableConfigurationProperties(SessionSettings.class)
@Import({
  UsersConfiguration.class,
  TicketsConfiguration.class,
  OrdersConfiguration.class,
  PaymentsConfiguration.class,
  PayoutsConfiguration.class
})
public class TicketingApi {

  /** Every ticket in memory, for browsing: loaded by CatalogLoader, fed by LiveFeed. */
  @Bean
  TicketCatalog ticketCatalog() {
    return new TicketCatalog();
  }

  /** Sellers' payout accounts; one that becomes active tells the payouts waiting for it. */
  @Bean
  SellerAccounts sellerAccounts(
      Payouts payouts, PayoutGateway stripe, PayoutSettings settings, PayoutSignals signals) {
    return new SellerAccounts(payouts, stripe, settings.publicUrl(), signals::accountActivated);
  }

  @Bean
  HealthIndicator stores(List<DomainStore> stores) {
    return new StoresHealth(stores);
  }

  public static void main(String[] args) {
    SpringApplication.run(TicketingApi.class, args);
  }
}
