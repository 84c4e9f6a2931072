package dev.ticketing.payments;

import dev.ticketing.store.DomainDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PaymentSettings.class)
public class PaymentsConfiguration {

  private static final Logger log = LoggerFactory.getLogger(PaymentsConfiguration.class);

  @Bean(destroyMethod = "close")
  Payments payments(PaymentSettings settings) {
    return new Payments(DomainDatabase.open(settings.mongodbUri(), "payments"));
  }

  @Bean
  PaymentGateway paymentGateway(PaymentSettings settings) {
    PaymentSettings.Stripe stripe = settings.stripe();
    if (stripe.configured()) {
      log.info(
          "Payments go to Stripe{}", stripe.apiBase() == null ? "" : " at " + stripe.apiBase());
      return new StripeGateway(stripe.key(), stripe.apiBase());
    }
    log.warn(
        "STRIPE_KEY is not set: payments go to the offline sandbox gateway, which answers Stripe's"
            + " test cards (tok_visa succeeds, tok_chargeDeclined is declined) and charges nobody");
    return new SandboxGateway();
  }
}
