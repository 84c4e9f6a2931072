package dev.ticketing.payouts;

import dev.ticketing.store.DomainDatabase;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PayoutSettings.class)
public class PayoutsConfiguration {

  private static final Logger log = LoggerFactory.getLogger(PayoutsConfiguration.class);

  @Bean(destroyMethod = "close")
  Payouts payouts(PayoutSettings settings) {
    return new Payouts(
        DomainDatabase.open(settings.mongodbUri(), "payouts"), settings, Clock.systemUTC());
  }

  @Bean
  PayoutGateway payoutGateway(PayoutSettings settings) {
    if (settings.usesStripe()) {
      return new StripePayoutGateway(settings.stripeKey(), settings.stripeApiBase());
    }
    log.warn("STRIPE_KEY is not set: payouts go to the offline sandbox, which pays nobody");
    return new SandboxPayoutGateway(settings.publicUrl());
  }
}
