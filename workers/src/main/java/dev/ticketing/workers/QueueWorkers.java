package dev.ticketing.workers;

import dev.ticketing.notifications.Addresses;
import dev.ticketing.notifications.NotificationActivitiesImpl;
import dev.ticketing.notifications.NotificationSettings;
import dev.ticketing.notifications.NotificationsConfiguration;
import dev.ticketing.orders.OrderActivitiesImpl;
import dev.ticketing.orders.Orders;
import dev.ticketing.orders.OrdersConfiguration;
import dev.ticketing.payments.PaymentActivitiesImpl;
import dev.ticketing.payments.PaymentGateway;
import dev.ticketing.payments.PaymentSettings;
import dev.ticketing.payments.Payments;
import dev.ticketing.payments.PaymentsConfiguration;
import dev.ticketing.payouts.PayoutActivitiesImpl;
import dev.ticketing.payouts.PayoutGateway;
import dev.ticketing.payouts.Payouts;
import dev.ticketing.payouts.PayoutsConfiguration;
import dev.ticketing.store.DomainDatabase;
import dev.ticketing.tickets.TicketActivitiesImpl;
import dev.ticketing.tickets.Tickets;
import dev.ticketing.tickets.TicketsConfiguration;
import dev.ticketing.users.User;
import dev.ticketing.users.Users;
import dev.ticketing.workflows.TaskQueues;
import dev.ticketing.workflows.notifications.EmailWorkflowImpl;
import dev.ticketing.workflows.orders.OrderWorkflowImpl;
import dev.ticketing.workflows.payments.RefundWorkflowImpl;
import dev.ticketing.workflows.payouts.PayoutWorkflowImpl;
import io.temporal.worker.Worker;
import java.time.Clock;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The task queues; each, and its domain's database, exists only where it is served. */
final class QueueWorkers {

  private QueueWorkers() {}

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnQueue(TaskQueues.ORDERS)
  @Import(OrdersConfiguration.class)
  static class OrderQueue {
    @Bean
    QueueWorker orderWorker(Orders orders) {
      return queue(
          TaskQueues.ORDERS,
          worker -> {
            worker.registerWorkflowImplementationTypes(OrderWorkflowImpl.class);
            worker.registerActivitiesImplementations(new OrderActivitiesImpl(orders));
          });
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnQueue(TaskQueues.TICKETS)
  @Import(TicketsConfiguration.class)
  static class TicketQueue {
    @Bean
    QueueWorker ticketWorker(Tickets tickets) {
      return queue(
          TaskQueues.TICKETS,
          worker -> worker.registerActivitiesImplementations(new TicketActivitiesImpl(tickets)));
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnQueue(TaskQueues.PAYMENTS)
  @Import(PaymentsConfiguration.class)
  static class PaymentQueue {
    @Bean
    QueueWorker paymentWorker(Payments payments, PaymentGateway gateway, PaymentSettings settings) {
      var activities =
          new PaymentActivitiesImpl(gateway, payments, settings.currency(), Clock.systemUTC());
      return queue(
          TaskQueues.PAYMENTS,
          worker -> {
            worker.registerWorkflowImplementationTypes(RefundWorkflowImpl.class);
            worker.registerActivitiesImplementations(activities);
          });
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnQueue(TaskQueues.PAYOUTS)
  @Import(PayoutsConfiguration.class)
  static class PayoutQueue {
    @Bean
    QueueWorker payoutWorker(Payouts payouts, PayoutGateway gateway) {
      var activities = new PayoutActivitiesImpl(payouts, gateway, Clock.systemUTC());
      return queue(
          TaskQueues.PAYOUTS,
          worker -> {
            worker.registerWorkflowImplementationTypes(PayoutWorkflowImpl.class);
            worker.registerActivitiesImplementations(activities);
          });
    }
  }

  /**
   * Emails. The users' addresses are read from the users database when each email is sent, with a
   * user that may only read it: the notifications domain keeps no copy of them.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnQueue(TaskQueues.NOTIFICATIONS)
  @Import(NotificationsConfiguration.class)
  static class NotificationQueue {
    @Bean(destroyMethod = "close")
    Users recipients(NotificationSettings settings) {
      return new Users(DomainDatabase.open(settings.usersMongodbUri(), "users"), Clock.systemUTC());
    }

    @Bean
    Addresses addresses(Users recipients) {
      return user -> recipients.peek(user).map(User::email);
    }

    @Bean
    QueueWorker notificationWorker(NotificationActivitiesImpl activities) {
      return queue(
          TaskQueues.NOTIFICATIONS,
          worker -> {
            worker.registerWorkflowImplementationTypes(EmailWorkflowImpl.class);
            worker.registerActivitiesImplementations(activities);
          });
    }
  }

  private static QueueWorker queue(String taskQueue, Consumer<Worker> registration) {
    return new QueueWorker() {
      @Override
      public String taskQueue() {
        return taskQueue;
      }

      @Override
      public void register(Worker worker) {
        registration.accept(worker);
      }
    };
  }
}
