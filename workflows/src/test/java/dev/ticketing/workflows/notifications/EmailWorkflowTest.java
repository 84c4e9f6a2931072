package dev.ticketing.workflows.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.workflows.OrderId;
import dev.ticketing.workflows.TaskQueues;
import dev.ticketing.workflows.TicketId;
import dev.ticketing.workflows.UserId;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An email on Temporal's time-skipping test server: an hour's outage in milliseconds. */
class EmailWorkflowTest {

  static final Notice RECEIPT =
      new Notice(
          "receipt-5f00000000000000000000b1",
          NoticeKind.RECEIPT,
          new UserId("5f0000000000000000000002"),
          new OrderId("5f00000000000000000000b1"),
          new TicketId("5f00000000000000000000c1"),
          "Concert",
          1_999,
          "usd",
          null,
          false);

  /** A mail server that is down until {@code upAt}, recording when each attempt came. */
  static final class MailServer implements NotificationActivities {
    final List<Instant> attempts = new ArrayList<>();
    final List<Notice> sent = new ArrayList<>();
    Instant upAt = Instant.MIN;
    TestWorkflowEnvironment env;

    @Override
    public synchronized void send(Notice notice) {
      Instant now = Instant.ofEpochMilli(env.currentTimeMillis());
      attempts.add(now);
      if (now.isBefore(upAt)) {
        throw new IllegalStateException("Connection refused");
      }
      sent.add(notice);
    }
  }

  final MailServer mail = new MailServer();
  TestWorkflowEnvironment env;
  WorkflowClient client;

  @BeforeEach
  void startServer() {
    env = TestWorkflowEnvironment.newInstance();
    mail.env = env;
    var worker = env.newWorker(TaskQueues.NOTIFICATIONS);
    worker.registerWorkflowImplementationTypes(EmailWorkflowImpl.class);
    worker.registerActivitiesImplementations(mail);
    env.start();
    client = env.getWorkflowClient();
  }

  @AfterEach
  void stop() {
    env.close();
  }

  @Test
  void aMailServerDownForAnHourIsAskedAgainWithBackoffAndTheEmailSentOnce() {
    Instant start = Instant.ofEpochMilli(env.currentTimeMillis());
    mail.upAt = start.plus(Duration.ofHours(1));

    email().send(RECEIPT);

    assertThat(mail.sent).containsExactly(RECEIPT);
    List<Duration> gaps = new ArrayList<>();
    for (int i = 1; i < mail.attempts.size(); i++) {
      gaps.add(Duration.between(mail.attempts.get(i - 1), mail.attempts.get(i)));
    }
    // Each gap is the backoff plus the attempt's own run time, which a loaded machine stretches.
    assertThat(gaps.getFirst()).isBetween(Duration.ofMillis(900), Duration.ofSeconds(5));
    assertThat(gaps.get(5)).isBetween(Duration.ofSeconds(31), Duration.ofSeconds(40)); // doubled
    assertThat(gaps)
        .allSatisfy(
            gap -> assertThat(gap).isLessThanOrEqualTo(Duration.ofMinutes(10).plusSeconds(1)));
    assertThat(mail.attempts.getLast())
        .isBetween(mail.upAt, mail.upAt.plus(Duration.ofMinutes(10).plusSeconds(1)));
    // an hour is about a dozen attempts, not thousands
    assertThat(mail.attempts).hasSizeBetween(8, 20);
  }

  private EmailWorkflow email() {
    return client.newWorkflowStub(
        EmailWorkflow.class,
        WorkflowOptions.newBuilder()
            .setWorkflowId("email-" + RECEIPT.key())
            .setTaskQueue(TaskQueues.NOTIFICATIONS)
            .build());
  }
}
