package dev.ticketing.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketing.notifications.Emails;
import dev.ticketing.orders.Orders;
import dev.ticketing.payments.Payments;
import dev.ticketing.payouts.Payouts;
import dev.ticketing.tickets.Tickets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.mustache.autoconfigure.MustacheAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class QueueWorkersTest {

  final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  MustacheAutoConfiguration.class, MailSenderAutoConfiguration.class))
          .withPropertyValues("spring.mail.host=localhost")
          .withUserConfiguration(
              QueueWorkers.OrderQueue.class,
              QueueWorkers.TicketQueue.class,
              QueueWorkers.PaymentQueue.class,
              QueueWorkers.PayoutQueue.class,
              QueueWorkers.NotificationQueue.class);

  @Test
  void servesOnlyTheConfiguredQueuesAndOpensOnlyTheirDatabases() {
    context
        .withPropertyValues("ticketing.workers.queues=orders, payments")
        .run(served -> {
          assertThat(served.getBeansOfType(QueueWorker.class).values())
              .extracting(QueueWorker::taskQueue)
              .containsExactlyInAnyOrder("orders", "payments");
          assertThat(served).hasSingleBean(Orders.class).hasSingleBean(Payments.class);
          assertThat(served).doesNotHaveBean(Payouts.class);
          assertThat(served).doesNotHaveBean(Tickets.class);
          assertThat(served).doesNotHaveBean(Emails.class);
        });
  }

  @Test
  void servesEveryQueueByDefault() {
    context.run(served ->
        assertThat(served.getBeansOfType(QueueWorker.class).values())
            .extracting(QueueWorker::taskQueue)
            .containsExactlyInAnyOrder(
                "orders", "tickets", "payments", "payouts", "notifications"));
  }

  @Test
  void refusesAQueueThatDoesNotExist() {
    assertThatThrownBy(() -> new WorkerSettings(List.of("orders", "shipping")))
        .hasMessage(
            "TICKETING_WORKER_QUEUES must name some of [orders, tickets, payments, payouts,"
                + " notifications], not [orders, shipping]");
  }
}
