package dev.ticketing.workflows.payouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.ticketing.workflows.Histories;
import dev.ticketing.workflows.OrderId;
import dev.ticketing.workflows.Price;
import dev.ticketing.workflows.TaskQueues;
import dev.ticketing.workflows.TicketId;
import dev.ticketing.workflows.UserId;
import dev.ticketing.workflows.WebUi;
import dev.ticketing.workflows.Wording;
import dev.ticketing.workflows.notifications.AskedEmails;
import dev.ticketing.workflows.notifications.Notice;
import dev.ticketing.workflows.notifications.NoticeKind;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;

/** Payouts on Temporal's time-skipping test server: days and months in milliseconds. */
class PayoutWorkflowTest {

  static final OrderId ORDER = new OrderId("5f00000000000000000000b1");
  static final UserId SELLER = new UserId("5f0000000000000000000001");
  static final Duration HOLD = InMemoryPayouts.TERMS.hold();

  final InMemoryPayouts payouts = new InMemoryPayouts();
  TestWorkflowEnvironment env;
  WorkflowClient client;

  @BeforeEach
  void startServer() {
    env = TestWorkflowEnvironment.newInstance();
    for (var key : List.of(PayoutWorkflow.PAYOUT_STATUS, PayoutWorkflow.SELLER_ID)) {
      env.registerSearchAttribute(key.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
    }
    var worker = env.newWorker(TaskQueues.PAYOUTS);
    worker.registerWorkflowImplementationTypes(PayoutWorkflowImpl.class);
    worker.registerActivitiesImplementations(payouts);
    AskedEmails.takenBy(env);
    env.start();
    client = env.getWorkflowClient();
  }

  @AfterEach
  void recordHistoryAndStop(TestInfo test) throws IOException {
    Histories.recordIfAsked(client, PayoutWorkflow.workflowId(ORDER), test);
    env.close();
  }

  @Test
  void holdsTheSellersShareForTwoDaysThenTransfersItOnce() {
    payouts.activeAccounts.add(SELLER);
    Instant completed = now();
    start(null);

    env.sleep(HOLD.minusSeconds(5)); // start() slept 1 s of it, and a loaded machine a little more
    assertThat(payouts.transfers).isEmpty();
    env.sleep(Duration.ofSeconds(10));

    assertThat(payouts.transfers)
        .singleElement()
        .satisfies(transfer -> {
          assertThat(transfer.amount()).isEqualTo(1799);
          assertThat(transfer.idempotencyKey()).isEqualTo("payout-" + ORDER);
          assertThat(transfer.at()).isAfterOrEqualTo(completed.plus(HOLD));
        });
    assertThat(payout().status()).isEqualTo(PayoutStatus.PAID);
    assertThat(payout().fee()).isEqualTo(200);
  }

  @Test
  void aPayoutOfAnEventIsHeldUntilTwoDaysAfterIt() {
    payouts.activeAccounts.add(SELLER);
    Instant event = now().plus(Duration.ofDays(30));
    start(event);

    env.sleep(Duration.ofDays(31));
    assertThat(payouts.transfers).isEmpty();
    env.sleep(Duration.ofDays(1).plusSeconds(5));

    assertThat(payouts.transfers)
        .singleElement()
        .satisfies(t -> assertThat(t.at()).isAfterOrEqualTo(event.plus(HOLD)));
  }

  @Test
  void waitsMonthsForTheSellersAccountAndPaysWhenItIsActivated() {
    start(null);
    env.sleep(HOLD.plusSeconds(5));
    assertThat(payout().status()).isEqualTo(PayoutStatus.AWAITING_ACCOUNT);

    env.sleep(Duration.ofDays(90));
    payouts.activeAccounts.add(SELLER);
    workflow().accountActivated();
    env.sleep(Duration.ofSeconds(5));

    assertThat(payout().status()).isEqualTo(PayoutStatus.PAID);
    assertThat(payouts.transfers).hasSize(1);
  }

  @Test
  void anAccountActivatedWithoutItsSignalIsFoundAnyway() {
    start(null);
    env.sleep(HOLD.plusSeconds(5));
    payouts.activeAccounts.add(SELLER);

    env.sleep(Duration.ofDays(1).plusSeconds(5));

    assertThat(payout().status()).isEqualTo(PayoutStatus.PAID);
  }

  @Test
  void aDisputeFreezesTheHeldPayoutAndOneWonPaysItAtOnce() {
    payouts.activeAccounts.add(SELLER);
    start(null);
    workflow().disputed(new DisputeNotice("dp_1", null));
    env.sleep(HOLD.plus(Duration.ofDays(10)));
    assertThat(payout().status()).isEqualTo(PayoutStatus.FROZEN);
    assertThat(payouts.transfers).isEmpty();

    workflow().disputed(new DisputeNotice("dp_1", true));
    env.sleep(Duration.ofSeconds(5));

    assertThat(payout().status()).isEqualTo(PayoutStatus.PAID);
    assertThat(payouts.transfers).hasSize(1);
  }

  @Test
  void aDisputeLostCancelsThePayoutAndTheWorkflowEnds() {
    payouts.activeAccounts.add(SELLER);
    start(null);
    workflow().disputed(new DisputeNotice("dp_1", null));
    workflow().disputed(new DisputeNotice("dp_1", false));

    awaitEnd();

    assertThat(payout().status()).isEqualTo(PayoutStatus.CANCELLED);
    assertThat(payouts.transfers).isEmpty();
  }

  @Test
  void aDisputeAfterThePayoutReversesTheTransferOnce() {
    payouts.activeAccounts.add(SELLER);
    start(null);
    env.sleep(HOLD.plusSeconds(5));

    workflow().disputed(new DisputeNotice("dp_1", null));
    workflow().disputed(new DisputeNotice("dp_1", null));
    env.sleep(Duration.ofSeconds(5));
    assertThat(payout().status()).isEqualTo(PayoutStatus.REVERSED);
    workflow().disputed(new DisputeNotice("dp_1", false));

    awaitEnd();
    assertThat(payouts.reversals).containsExactly("tr_1");
    assertThat(payout().status()).isEqualTo(PayoutStatus.CANCELLED);
  }

  @Test
  void aDisputeTheSellerWinsAfterAReversalIsPaidAgainUnderANewKey() {
    paidThenDisputed();

    workflow().disputed(new DisputeNotice("dp_1", true));
    env.sleep(Duration.ofSeconds(5));

    assertThat(payouts.transfers)
        .extracting(InMemoryPayouts.Transfer::idempotencyKey)
        .containsExactly("payout-" + ORDER, "payout-" + ORDER + "-2");
    assertThat(payout().status()).isEqualTo(PayoutStatus.PAID);
    assertThat(emailsAbout("paid-" + ORDER, "reversed-" + ORDER + "-dp_1", "paid-" + ORDER + "-2"))
        .extracting(Notice::kind)
        .containsExactly(
            NoticeKind.PAYOUT_PAID, NoticeKind.PAYOUT_REVERSED, NoticeKind.PAYOUT_PAID);
  }

  @Test
  void aDisputeWonAfterTheWindowStillPaysTheReversedPayoutAgain() {
    paidThenDisputed();
    assertThat(payout().status()).isEqualTo(PayoutStatus.REVERSED);

    env.sleep(InMemoryPayouts.TERMS.disputeWindow().plusDays(10)); // disputes take their time
    workflow().disputed(new DisputeNotice("dp_1", true));
    env.sleep(Duration.ofSeconds(5));

    assertThat(payout().status()).isEqualTo(PayoutStatus.PAID);
    assertThat(payouts.transfers).hasSize(2);
  }

  @Test
  @Timeout(120) // the bug this guards against spun the workflow task and held the test server
  void anAccountThatArrivesWhileFrozenWaitsForTheDisputeThenPays() {
    start(null);
    env.sleep(HOLD.plusSeconds(5));
    assertThat(payout().status()).isEqualTo(PayoutStatus.AWAITING_ACCOUNT);
    workflow().disputed(new DisputeNotice("dp_1", null));
    env.sleep(Duration.ofSeconds(5));
    payouts.activeAccounts.add(SELLER);
    workflow().accountActivated();

    env.sleep(Duration.ofDays(2));
    assertThat(payout().status()).isEqualTo(PayoutStatus.FROZEN);
    assertThat(payouts.transfers).isEmpty();

    workflow().disputed(new DisputeNotice("dp_1", true));
    env.sleep(Duration.ofSeconds(5));
    assertThat(payout().status()).isEqualTo(PayoutStatus.PAID);
    assertThat(payouts.transfers).hasSize(1);
  }

  @Test
  void anAccountSignalAfterThePayoutIsPaidLeavesItOpenToDisputes() {
    payouts.activeAccounts.add(SELLER);
    start(null);
    env.sleep(HOLD.plusSeconds(5));
    assertThat(payout().status()).isEqualTo(PayoutStatus.PAID);

    // As the webhook and the seller's page both signal, or the payout's own check came first.
    workflow().accountActivated();
    env.sleep(Duration.ofSeconds(5));
    workflow().disputed(new DisputeNotice("dp_1", null));
    env.sleep(Duration.ofSeconds(5));

    assertThat(payout().status()).isEqualTo(PayoutStatus.REVERSED);
    assertThat(payouts.reversals).containsExactly("tr_1");
  }

  @Test
  void anAccountSignalWhileHeldPaysNoSoonerThanTheHoldEnds() {
    payouts.activeAccounts.add(SELLER);
    start(null);

    workflow().accountActivated();
    env.sleep(HOLD.minusSeconds(5));
    assertThat(payouts.transfers).isEmpty();
    env.sleep(Duration.ofSeconds(10));

    assertThat(payouts.transfers).hasSize(1);
  }

  @Test
  void theSellerIsToldOfTheSaleWithWhenAndWhetherToSetUpPayouts() {
    start(null);
    assertThat(emailsAbout("sold-" + ORDER))
        .singleElement()
        .satisfies(sold -> {
          assertThat(sold.kind()).isEqualTo(NoticeKind.TICKET_SOLD);
          assertThat(sold.recipient()).isEqualTo(SELLER);
          assertThat(sold.ticketTitle()).isEqualTo("Concert");
          assertThat(sold.amount()).isEqualTo(1799);
          assertThat(sold.date()).isEqualTo(payout().releaseAt());
          assertThat(sold.needsAccount()).as("no payout account yet").isTrue();
        });
  }

  @Test
  void aFrozenPayoutTellsTheSellerOncePerDispute() {
    payouts.activeAccounts.add(SELLER);
    start(null);
    workflow().disputed(new DisputeNotice("dp_1", null));
    workflow().disputed(new DisputeNotice("dp_1", null));
    env.sleep(Duration.ofSeconds(5));

    assertThat(emailsAbout("sold-" + ORDER, "frozen-" + ORDER + "-dp_1", "paid-" + ORDER))
        .extracting(Notice::kind, Notice::needsAccount)
        .containsExactly(
            tuple(NoticeKind.TICKET_SOLD, false), tuple(NoticeKind.PAYOUT_FROZEN, false));
  }

  @Test
  void aDisputeClosedBeforeItWasOpenedDecidesOnceAndTheLateOpeningChangesNothing() {
    payouts.activeAccounts.add(SELLER);
    start(null);
    workflow().disputed(new DisputeNotice("dp_1", true));
    workflow().disputed(new DisputeNotice("dp_1", true));
    workflow().disputed(new DisputeNotice("dp_1", null));

    env.sleep(HOLD.plusSeconds(5));

    assertThat(payout().status()).isEqualTo(PayoutStatus.PAID);
    assertThat(payouts.events).containsExactly("PayoutScheduled", "PayoutSent");
  }

  @Test
  void aRefundedPaymentCancelsThePayout() {
    start(null);
    workflow().paymentRefunded();

    awaitEnd();

    assertThat(payout().status()).isEqualTo(PayoutStatus.CANCELLED);
  }

  @Test
  void aPaidPayoutEndsWhenNoDisputeCanComeAnyMore() {
    payouts.activeAccounts.add(SELLER);
    start(null);

    env.sleep(HOLD.plus(InMemoryPayouts.TERMS.disputeWindow()).plusSeconds(5));

    awaitEnd();
    assertThat(payout().status()).isEqualTo(PayoutStatus.PAID);
  }

  @Test
  void currentDetailsShowTheSellersShareAndWhenItIsReleased() {
    start(null);
    assertThat(currentDetails())
        .isEqualTo(
            "Held until "
                + Wording.moment(payout().releaseAt())
                + ": $17.99 for the seller, after a fee of $2.00");

    payouts.activeAccounts.add(SELLER);
    env.sleep(HOLD.plusSeconds(5));

    assertThat(currentDetails())
        .isEqualTo(
            "Paid $17.99 to the seller; open to disputes until "
                + Wording.moment(payout().disputesEndAt()));
  }

  private void start(@Nullable Instant eventAt) {
    var request =
        new PayoutRequest(
            ORDER,
            new TicketId("5f00000000000000000000a1"),
            SELLER,
            new Price(1999),
            eventAt,
            now(),
            "pi_1",
            "Concert");
    var options =
        WorkflowOptions.newBuilder()
            .setWorkflowId(PayoutWorkflow.workflowId(ORDER))
            .setTaskQueue(TaskQueues.PAYOUTS)
            .build();
    WorkflowClient.start(client.newWorkflowStub(PayoutWorkflow.class, options)::run, request);
    env.sleep(Duration.ofSeconds(1));
  }

  /** A payout paid to an active account, then its dispute dp_1 opened. */
  private void paidThenDisputed() {
    payouts.activeAccounts.add(SELLER);
    start(null);
    env.sleep(HOLD.plusSeconds(5));
    workflow().disputed(new DisputeNotice("dp_1", null));
    env.sleep(Duration.ofSeconds(5));
  }

  private PayoutWorkflow workflow() {
    return client.newWorkflowStub(PayoutWorkflow.class, PayoutWorkflow.workflowId(ORDER));
  }

  /** The seller's emails that the payout asked for, of those events. */
  private List<Notice> emailsAbout(String... events) {
    return Stream.of(events).flatMap(event -> AskedEmails.of(client, event).stream()).toList();
  }

  private String currentDetails() {
    return WebUi.currentDetails(client, PayoutWorkflow.workflowId(ORDER));
  }

  private Payout payout() {
    return payouts.payouts.get(ORDER);
  }

  private void awaitEnd() {
    WorkflowStub.fromTyped(workflow()).getResult(Void.class);
  }

  private Instant now() {
    return Instant.ofEpochMilli(env.currentTimeMillis());
  }
}
