package dev.ticketing.orders.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.tickets.Tickets;
import dev.ticketing.workflows.OrderId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StandingAttemptsTest {

  static final OrderId FIRST = new OrderId("5f0000000000000000000001");
  static final OrderId LATER = new OrderId("5f0000000000000000000002");
  static final String KEY = "5f00000000000000000000aa:3";

  final StandingAttempts standing = new StandingAttempts();
  final Tickets.Attempt first = new Tickets.Attempt(KEY + ":0", FIRST, Instant.now());

  @Test
  void anotherOrdersAttemptBarsLaterBuyersButNotItsOwnOrder() {
    standing.heard(KEY, first);

    assertThat(standing.heldByAnother(KEY, LATER)).isTrue();
    assertThat(standing.heldByAnother(KEY, FIRST)).isFalse();
    assertThat(standing.heldByAnother("5f00000000000000000000aa:4", LATER)).isFalse();
  }

  @Test
  void anAbandonedAttemptBarsNobody() {
    standing.heard(KEY, first);

    standing.forget(first);

    assertThat(standing.heldByAnother(KEY, LATER)).isFalse();
  }

  @Test
  void anAttemptIsTrustedForASecondThenTheStoreIsAskedAgain() throws InterruptedException {
    standing.heard(KEY, first);

    Thread.sleep(1_100);

    assertThat(standing.heldByAnother(KEY, LATER)).isFalse();
  }
}
