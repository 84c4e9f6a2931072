package dev.ticketing.tickets;

import dev.ticketing.store.DomainDatabase;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TicketSettings.class)
public class TicketsConfiguration {

  @Bean(destroyMethod = "close")
  Tickets tickets(TicketSettings settings) {
    return new Tickets(DomainDatabase.open(settings.mongodbUri(), "tickets"), Clock.systemUTC());
  }
}
