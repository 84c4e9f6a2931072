package dev.ticketing.workers;

import static dev.ticketing.store.DomainDatabase.BOOT_CLIENT;
import static dev.ticketing.store.DomainDatabase.BOOT_TEMPLATE;

import dev.ticketing.store.DomainStore;
import dev.ticketing.store.StoresHealth;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

@SpringBootApplication(excludeName = {BOOT_CLIENT, BOOT_TEMPLATE})
@EnableConfigurationProperties(WorkerSettings.class)
public class TicketingWorkers {

  @Bean
  HealthIndicator stores(List<DomainStore> stores) {
    return new StoresHealth(stores);
  }

  public static void main(String[] args) {
    SpringApplication.run(TicketingWorkers.class, args);
  }
}
