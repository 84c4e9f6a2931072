package dev.ticketing.orders;

import dev.ticketing.store.DomainDatabase;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OrderSettings.class)
public class OrdersConfiguration {

  @Bean(destroyMethod = "close")
  Orders orders(OrderSettings settings) {
    return new Orders(DomainDatabase.open(settings.mongodbUri(), "orders"));
  }
}
