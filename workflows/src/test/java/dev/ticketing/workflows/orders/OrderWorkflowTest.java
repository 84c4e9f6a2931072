package dev.ticketing.workflows.orders;

import static dev.ticketing.workflows.orders.OrderStatus.CANCELLED;
import static dev.ticketing.workflows.orders.OrderStatus.COMPLETE;
import static dev.ticketing.workflows.orders.OrderStatus.CREATED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import dev.ticketing.harness.Poll;
import dev.ticketing.workflows.Histories;
import dev.ticketing.workflows.OrderId;
import dev.ticketing.workflows.PaymentId;
import dev.ticketing.workflows.Price;
import dev.ticketing.workflows.Rejection;
import dev.ticketing.workflows.TaskQueues;
import dev.ticketing.workflows.TicketId;
import dev.ticketing.workflows.UserId;
import dev.ticketing.workflows.WebUi;
import dev.ticketing.workflows.Wording;
import dev.ticketing.workflows.notifications.AskedEmails;
import dev.ticketing.workflows.notifications.EmailWorkflow;
import dev.ticketing.workflows.notifications.Notice;
import dev.ticketing.workflows.notifications.NoticeKind;
import dev.ticketing.workflows.payments.ChargeRequest;
import dev.ticketing.workflows.payments.RefundWorkflow;
import dev.ticketing.workflows.payments.RefundWorkflowImpl;
import dev.ticketing.workflows.payments.StripePayment;
import dev.ticketing.workflows.payouts.PayoutWorkflow;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WithStartWorkflowOperation;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowUpdateHandle;
import io.temporal.client.WorkflowUpdateStage;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

class OrderWorkflowTest {

  static final UserId SELLER = new UserId("5f0000000000000000000001");
  static final UserId BUYER = new UserId("5f0000000000000000000002");
  static final UserId OTHER = new UserId("5f0000000000000000000003");
  static final TicketId TICKET = new TicketId("5f00000000000000000000a1");
  static final TicketId OTHER_TICKET = new TicketId("5f00000000000000000000a2");
  static final OrderId ORDER = new OrderId("5f00000000000000000000b1");
  static final OrderId SECOND_ORDER = new OrderId("5f00000000000000000000b2");
  static final Duration WINDOW = Duration.ofMinutes(15);

  final InMemoryStores.Tickets tickets = new InMemoryStores.Tickets();
  final InMemoryStores.Orders orders = new InMemoryStores.Orders();
  final InMemoryStores.Payments payments = new InMemoryStores.Payments();
  TestWorkflowEnvironment env;
  WorkflowClient client;

  @BeforeEach
  void startServer() {
    env = TestWorkflowEnvironment.newInstance();
    for (var key :
        List.of(
            OrderWorkflow.ORDER_STATUS,
            OrderWorkflow.TICKET_ID,
            OrderWorkflow.BUYER_ID,
            PayoutWorkflow.PAYOUT_STATUS,
            PayoutWorkflow.SELLER_ID)) {
      env.registerSearchAttribute(key.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
    }
    Worker orderWorker = env.newWorker(TaskQueues.ORDERS);
    orderWorker.registerWorkflowImplementationTypes(OrderWorkflowImpl.class);
    orderWorker.registerActivitiesImplementations(orders);
    env.newWorker(TaskQueues.TICKETS).registerActivitiesImplementations(tickets);
    Worker paymentWorker = env.newWorker(TaskQueues.PAYMENTS);
    paymentWorker.registerWorkflowImplementationTypes(RefundWorkflowImpl.class);
    paymentWorker.registerActivitiesImplementations(payments);
    AskedEmails.takenBy(env);
    env.start();
    client = env.getWorkflowClient();
    tickets.list(TICKET, SELLER);
  }

  @AfterEach
  void recordHistoryAndStop(TestInfo test) throws IOException {
    Histories.recordIfAsked(client, OrderWorkflow.workflowId(ORDER), test);
    env.close();
  }

  @Test
  void expiresUnpaidOrderAfterExactlyTheWindow() {
    Instant start = now();
    Order order = reserve(ORDER, BUYER, TICKET, WINDOW);

    assertThat(order.status()).isEqualTo(CREATED);
    assertThat(order.expiresAt()).isBetween(start.plus(WINDOW), start.plus(WINDOW).plusSeconds(1));
    assertThat(tickets.holder(TICKET)).isEqualTo(ORDER);

    env.sleep(WINDOW.minusSeconds(1));
    assertThat(orders.get(ORDER).status()).isEqualTo(CREATED);
    assertThat(tickets.holder(TICKET)).isEqualTo(ORDER);

    awaitEnd(ORDER);
    assertThat(orders.get(ORDER).status()).isEqualTo(CANCELLED);
    assertThat(orders.get(ORDER).cancellationReason()).isEqualTo(CancellationReason.EXPIRED);
    assertThat(orders.events).containsExactly("OrderCreated", "OrderExpired");
    assertThat(tickets.holder(TICKET)).isNull();
  }

  @Test
  void cancelsOnRequestAndReleasesTheTicket() {
    reserve(ORDER, BUYER, TICKET, WINDOW);
    assertThat(rejection(() -> workflow(ORDER).cancel(OTHER)))
        .extracting(ApplicationFailure::getType)
        .isEqualTo("NOT_AUTHORIZED");

    workflow(ORDER).cancel(BUYER);

    assertThat(orders.get(ORDER).status()).isEqualTo(CANCELLED);
    assertThat(orders.get(ORDER).cancellationReason()).isEqualTo(CancellationReason.CANCELLED);
    assertThat(orders.events).containsExactly("OrderCreated", "OrderCancelled");
    assertThat(tickets.holder(TICKET)).isNull();
    assertThat(emailsAbout(ORDER)).as("the buyer cancelled it: no email").isEmpty();
  }

  @Test
  void rejectsASecondOrderForAReservedTicket() {
    reserve(ORDER, BUYER, TICKET, WINDOW);

    ApplicationFailure failure = rejection(() -> reserve(SECOND_ORDER, OTHER, TICKET, WINDOW));

    assertThat(failure.getType()).isEqualTo("INVALID");
    assertThat(failure.getOriginalMessage()).isEqualTo("Ticket is already reserved");
    assertThat(tickets.holder(TICKET)).isEqualTo(ORDER);
    assertThat(orders.get(SECOND_ORDER)).isNull();
  }

  @Test
  void rejectsBuyingOwnTicketAndUnknownTickets() {
    assertThat(rejection(() -> reserve(ORDER, SELLER, TICKET, WINDOW)).getOriginalMessage())
        .isEqualTo("You cannot buy your own ticket");
    assertThat(rejection(() -> reserve(SECOND_ORDER, BUYER, new TicketId("none"), WINDOW)))
        .extracting(ApplicationFailure::getType)
        .isEqualTo("NOT_FOUND");
    assertThat(tickets.holder(TICKET)).isNull();
  }

  @Test
  void repeatedReserveOnTheSameOrderAnswersTheSameOrder() {
    Order first = reserve(ORDER, BUYER, TICKET, WINDOW);

    assertThat(reserve(ORDER, BUYER, TICKET, WINDOW)).isEqualTo(first);
    assertThat(
            rejection(() -> reserve(ORDER, BUYER, new TicketId("other"), WINDOW))
                .getOriginalMessage())
        .isEqualTo("Idempotency-Key was used with a different request");
    assertThat(orders.events).containsExactly("OrderCreated");
  }

  @Test
  void expiryRacingACancelClosesTheOrderOnce() {
    reserve(ORDER, BUYER, TICKET, WINDOW);
    env.sleep(WINDOW);

    catchThrowable(() -> workflow(ORDER).cancel(BUYER));
    awaitEnd(ORDER);

    assertThat(orders.get(ORDER).status()).isEqualTo(CANCELLED);
    assertThat(orders.events).hasSize(2).first().isEqualTo("OrderCreated");
    assertThat(tickets.releases).containsExactly(ORDER);
    assertThat(tickets.holder(TICKET)).isNull();
  }

  @Test
  void releaseNeverFreesAnotherOrdersHold() {
    reserve(ORDER, BUYER, TICKET, WINDOW);
    tickets.holdFor(TICKET, SECOND_ORDER);

    awaitEnd(ORDER);

    assertThat(tickets.releases).containsExactly(ORDER);
    assertThat(tickets.holder(TICKET)).isEqualTo(SECOND_ORDER);
  }

  @Test
  void paysWithinTheWindow() {
    Order order = reserve(ORDER, BUYER, TICKET, WINDOW);

    PaymentId payment = workflow(ORDER).pay(new PayRequest(BUYER, "tok_visa"));

    assertThat(payment).isNotNull();
    assertThat(orders.get(ORDER).status()).isEqualTo(COMPLETE);
    assertThat(tickets.sold(TICKET)).isTrue();
    assertThat(payments.charges)
        .singleElement()
        .satisfies(charge -> {
          assertThat(charge.amount()).isEqualTo(order.ticket().price());
          assertThat(charge.idempotencyKey()).isEqualTo(ORDER + "-charge-1");
        });
    awaitEnd(ORDER);
  }

  @Test
  void aCompletedOrderStartsItsSellersPayoutOnceWhichOutlivesIt() {
    reserve(ORDER, BUYER, TICKET, WINDOW);

    workflow(ORDER).pay(new PayRequest(BUYER, "tok_visa"));
    awaitEnd(ORDER);

    var payout =
        client
            .getWorkflowServiceStubs()
            .blockingStub()
            .describeWorkflowExecution(
                io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest.newBuilder()
                    .setNamespace(client.getOptions().getNamespace())
                    .setExecution(
                        io.temporal.api.common.v1.WorkflowExecution.newBuilder()
                            .setWorkflowId(PayoutWorkflow.workflowId(ORDER)))
                    .build());
    assertThat(payout.getWorkflowExecutionInfo().getType().getName()).isEqualTo("PayoutWorkflow");
    assertThat(payout.getWorkflowExecutionInfo().getParentExecution().getWorkflowId())
        .isEqualTo(OrderWorkflow.workflowId(ORDER));
    assertThat(payout.getWorkflowExecutionInfo().getStatus())
        .as("still running after its order ended")
        .isEqualTo(
            io.temporal.api.enums.v1.WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
    assertThat(
            client
                .newUntypedWorkflowStub(PayoutWorkflow.workflowId(ORDER))
                .describe()
                .getStaticSummary())
        .isEqualTo("Payout for Concert — $20.00 sold");
  }

  @Test
  void refusesPaymentFromAnotherUser() {
    reserve(ORDER, BUYER, TICKET, WINDOW);

    assertThat(rejection(() -> workflow(ORDER).pay(new PayRequest(OTHER, "tok_visa"))))
        .extracting(ApplicationFailure::getType)
        .isEqualTo("NOT_AUTHORIZED");
    assertThat(payments.charges).isEmpty();
  }

  @Test
  void declineCancelsTheOrderAndReleasesTheTicket() {
    reserve(ORDER, BUYER, TICKET, WINDOW);

    ApplicationFailure failure =
        rejection(() -> workflow(ORDER).pay(new PayRequest(BUYER, "tok_chargeDeclined")));

    assertThat(failure.getType()).isEqualTo("PAYMENT_DECLINED");
    assertThat(failure.getOriginalMessage()).isEqualTo("Your card was declined.");
    assertThat(orders.get(ORDER).cancellationReason()).isEqualTo(CancellationReason.PAYMENT_FAILED);
    assertThat(tickets.holder(TICKET)).isNull();
    awaitEnd(ORDER);
    assertThat(payments.undone).isEmpty();
  }

  @Test
  void aChargeThatNeverAnswersIsUndoneOnceTheOrderCloses() {
    reserve(ORDER, BUYER, TICKET, WINDOW);
    var paying =
        WorkflowClient.startUpdate(
            workflow(ORDER)::pay, new PayRequest(BUYER, "tok_unanswered"), accepted());

    outwaitTheUnansweredCharge();

    assertThat(rejection(paying::getResult).getType()).isEqualTo("UNAVAILABLE");
    awaitEnd(ORDER);
    assertThat(orders.get(ORDER).cancellationReason()).isEqualTo(CancellationReason.PAYMENT_FAILED);
    assertThat(tickets.holder(TICKET)).isNull();
    assertThat(payments.undone)
        .singleElement()
        .isEqualTo(payments.charges.getFirst())
        .extracting(ChargeRequest::idempotencyKey)
        .isEqualTo(ORDER + "-charge-1");
  }

  @Test
  void operatorCancellationWaitsForTheUndoOfAChargeThatNeverAnswered() {
    reserve(ORDER, BUYER, TICKET, WINDOW);
    var undo = new CountDownLatch(1);
    payments.undoInFlight = undo;
    var paying =
        WorkflowClient.startUpdate(
            workflow(ORDER)::pay, new PayRequest(BUYER, "tok_unanswered"), accepted());
    outwaitTheUnansweredCharge();
    assertThat(rejection(paying::getResult).getType()).isEqualTo("UNAVAILABLE");
    Poll.until("the undo is in flight", Duration.ofSeconds(30), () -> !payments.undone.isEmpty());

    client.newUntypedWorkflowStub(OrderWorkflow.workflowId(ORDER)).cancel();

    assertThat(catchThrowable(() -> awaitEnd(ORDER, Duration.ofSeconds(2))))
        .hasRootCauseInstanceOf(TimeoutException.class);
    undo.countDown();
    assertThat(catchThrowable(() -> awaitEnd(ORDER))).hasRootCauseInstanceOf(CanceledFailure.class);
    assertThat(payments.undoneToTheEnd).hasValue(1);
  }

  @Test
  void paymentInFlightWhenTheTimerFiresCompletesTheOrder() throws Exception {
    Duration window = Duration.ofSeconds(2);
    reserve(ORDER, BUYER, TICKET, window);
    var charge = new CountDownLatch(1);
    payments.inFlight = charge;

    var paying =
        WorkflowClient.startUpdate(
            workflow(ORDER)::pay, new PayRequest(BUYER, "tok_visa"), accepted());
    awaitChargeInFlight();
    env.sleep(window.multipliedBy(2));
    assertThat(orders.get(ORDER).status()).isEqualTo(OrderStatus.AWAITING_PAYMENT);
    charge.countDown();

    assertThat(paying.getResult()).isNotNull();
    awaitEnd(ORDER);
    assertThat(orders.get(ORDER).status()).isEqualTo(COMPLETE);
    assertThat(orders.events).doesNotContain("OrderExpired");
    assertThat(tickets.sold(TICKET)).isTrue();
  }

  @Test
  void concurrentPaymentsChargeOnce() throws Exception {
    reserve(ORDER, BUYER, TICKET, WINDOW);
    var pay = new PayRequest(BUYER, "tok_visa");

    List<Object> answers;
    try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<Object>> futures =
          IntStream.range(0, 20).mapToObj(i -> threads.submit(() -> payOrRejection(pay))).toList();
      answers = futures.stream().map(OrderWorkflowTest::join).toList();
    }

    assertThat(answers).filteredOn(PaymentId.class::isInstance).hasSize(1);
    assertThat(answers)
        .filteredOn(String.class::isInstance)
        .hasSize(19)
        .containsOnly("Order has already been paid");
    assertThat(payments.charges).hasSize(1);
  }

  @Test
  void cancelWhilePaymentIsInFlightWaitsAndRefusesOncePaid() {
    reserve(ORDER, BUYER, TICKET, WINDOW);
    var charge = new CountDownLatch(1);
    payments.inFlight = charge;
    var paying =
        WorkflowClient.startUpdate(
            workflow(ORDER)::pay, new PayRequest(BUYER, "tok_visa"), accepted());
    var cancelling =
        WorkflowClient.startUpdate(
            workflow(ORDER)::cancel,
            BUYER,
            UpdateOptions.<Void>newBuilder().setWaitForStage(WorkflowUpdateStage.ACCEPTED).build());

    charge.countDown();

    assertThat(paying.getResult()).isNotNull();
    assertThat(rejection(cancelling::getResult).getOriginalMessage())
        .isEqualTo("Cannot cancel a completed order");
    assertThat(orders.get(ORDER).status()).isEqualTo(COMPLETE);
  }

  @Test
  void stripePaymentForAnOpenOrderCompletesIt() {
    Order order = reserve(ORDER, BUYER, TICKET, WINDOW);
    long price = order.ticket().price().cents();

    workflow(ORDER).paymentSucceeded(new StripePayment("pi_web", ORDER, BUYER, price, "usd"));
    awaitEnd(ORDER);

    assertThat(orders.get(ORDER).status()).isEqualTo(COMPLETE);
    assertThat(payments.recorded)
        .extracting(StripePayment::paymentIntentId)
        .containsExactly("pi_web");
    assertThat(payments.charges).isEmpty();
    assertThat(tickets.sold(TICKET)).isTrue();
  }

  @Test
  void stripePaymentThatDoesNotMatchTheOrderIsRefunded() {
    reserve(ORDER, BUYER, TICKET, WINDOW);
    var wrongAmount = new StripePayment("pi_odd", ORDER, BUYER, 1, "usd");

    workflow(ORDER).paymentSucceeded(wrongAmount);
    workflow(ORDER).cancel(BUYER);
    awaitEnd(ORDER);

    assertThat(payments.refunds).containsExactly(wrongAmount);
    assertThat(orders.get(ORDER).status()).isEqualTo(CANCELLED);
  }

  @Test
  void latePaymentIsRefundedOnceHoweverOftenItIsReported() {
    reserve(ORDER, BUYER, TICKET, WINDOW);
    workflow(ORDER).cancel(BUYER);
    var late = new StripePayment("pi_late", ORDER, BUYER, 2_000, "usd");

    refund(late);
    refund(late);

    assertThat(payments.refunds).containsExactly(late);
  }

  @Test
  void reservationThatCannotLandIsUndone() {
    tickets.unavailable = true;
    var reserving = startReserving();

    // A client waiting on an update holds the test server's clock; skip the retries explicitly.
    env.sleep(Duration.ofSeconds(30));
    ApplicationFailure failure = rejection(reserving::getResult);
    awaitEnd(ORDER);

    assertThat(failure.getType()).isEqualTo("UNAVAILABLE");
    assertThat(tickets.releases).containsExactly(ORDER);
    assertThat(orders.get(ORDER)).isNull();
  }

  @Test
  void aHoldThatLandsAfterItsReservationFailedIsReleased() {
    tickets.unavailable = true;
    var reserving = startReserving();
    env.sleep(Duration.ofSeconds(24)); // past the reservation's 20 s
    assertThat(rejection(reserving::getResult).getType()).isEqualTo("UNAVAILABLE");

    tickets.holdFor(TICKET, ORDER); // an attempt Temporal gave up on lands after all
    env.sleep(Duration.ofSeconds(15));
    awaitEnd(ORDER);

    assertThat(tickets.holder(TICKET)).isNull();
  }

  private WorkflowUpdateHandle<Order> startReserving() {
    var purchase = new Purchase(ORDER, BUYER, TICKET, WINDOW);
    OrderWorkflow workflow =
        client.newWorkflowStub(
            OrderWorkflow.class, OrderWorkflow.options(purchase, asShown(purchase)));
    return WorkflowClient.startUpdateWithStart(
        workflow::reserve,
        TICKET,
        UpdateOptions.<Order>newBuilder().setWaitForStage(WorkflowUpdateStage.ACCEPTED).build(),
        new WithStartWorkflowOperation<>(workflow::run, purchase));
  }

  @Test
  void operatorCancellationReleasesTheTicket() {
    reserve(ORDER, BUYER, TICKET, WINDOW);

    client.newUntypedWorkflowStub(OrderWorkflow.workflowId(ORDER)).cancel();

    assertThat(catchThrowable(() -> awaitEnd(ORDER))).hasRootCauseInstanceOf(CanceledFailure.class);
    assertThat(orders.get(ORDER).status()).isEqualTo(CANCELLED);
    assertThat(tickets.holder(TICKET)).isNull();
  }

  @Test
  void operatorCancellationDuringAChargeWaitsForItsOutcome() throws Exception {
    reserve(ORDER, BUYER, TICKET, WINDOW);
    var charge = new CountDownLatch(1);
    var paying = payHeldBy(charge, "tok_visa");

    client.newUntypedWorkflowStub(OrderWorkflow.workflowId(ORDER)).cancel();
    charge.countDown();

    assertThat(paying.getResult()).isNotNull();
    assertThat(catchThrowable(() -> awaitEnd(ORDER))).hasRootCauseInstanceOf(CanceledFailure.class);
    assertThat(orders.get(ORDER).status()).isEqualTo(COMPLETE);
    assertThat(tickets.sold(TICKET)).isTrue();
  }

  @Test
  void operatorCancellationDuringTheBuyersCancelLetsItsReleaseAndRecordLand() throws Exception {
    reserve(ORDER, BUYER, TICKET, WINDOW);
    var release = new CountDownLatch(1);
    tickets.releaseHeld = release;
    var cancelling =
        WorkflowClient.startUpdate(
            workflow(ORDER)::cancel,
            BUYER,
            UpdateOptions.<Void>newBuilder().setWaitForStage(WorkflowUpdateStage.ACCEPTED).build());
    Poll.until("the release is in flight", Duration.ofSeconds(30), () -> tickets.releasing);

    client.newUntypedWorkflowStub(OrderWorkflow.workflowId(ORDER)).cancel();
    Thread.sleep(500); // the cancel request reaches the workflow while the release is held
    release.countDown();

    cancelling.getResult(); // the buyer's cancel answered, not cut off by the workflow's end
    assertThat(catchThrowable(() -> awaitEnd(ORDER))).hasRootCauseInstanceOf(CanceledFailure.class);
    assertThat(orders.get(ORDER).status()).isEqualTo(CANCELLED);
    assertThat(orders.events).containsExactly("OrderCreated", "OrderCancelled");
    assertThat(tickets.holder(TICKET)).isNull();
  }

  @Test
  void operatorCancellationDuringADeclinedChargeReleasesTheTicket() throws Exception {
    reserve(ORDER, BUYER, TICKET, WINDOW);
    var charge = new CountDownLatch(1);
    var paying = payHeldBy(charge, "tok_chargeDeclined");

    client.newUntypedWorkflowStub(OrderWorkflow.workflowId(ORDER)).cancel();
    charge.countDown();

    assertThat(rejection(paying::getResult).getType()).isEqualTo("PAYMENT_DECLINED");
    assertThat(catchThrowable(() -> awaitEnd(ORDER))).hasRootCauseInstanceOf(CanceledFailure.class);
    assertThat(orders.get(ORDER).cancellationReason()).isEqualTo(CancellationReason.PAYMENT_FAILED);
    assertThat(tickets.holder(TICKET)).isNull();
  }

  @Test
  void operatorCancellationDuringARefundLetsItLandRetriedIfNeeded() throws Exception {
    reserve(ORDER, BUYER, TICKET, WINDOW);
    var refund = new CountDownLatch(1);
    payments.refundInFlight = refund;
    var wrongAmount = new StripePayment("pi_odd", ORDER, BUYER, 1, "usd");
    workflow(ORDER).paymentSucceeded(wrongAmount);
    Poll.until(
        "the refund is in flight", Duration.ofSeconds(30), () -> payments.refundsTried.get() > 0);

    client.newUntypedWorkflowStub(OrderWorkflow.workflowId(ORDER)).cancel();
    Thread.sleep(500); // the cancel request reaches the workflow while the refund is held
    refund.countDown();

    assertThat(catchThrowable(() -> awaitEnd(ORDER))).hasRootCauseInstanceOf(CanceledFailure.class);
    assertThat(payments.refunds).containsExactly(wrongAmount);
    assertThat(orders.get(ORDER).status()).isEqualTo(CANCELLED);
  }

  @Test
  void currentDetailsShowThePaymentWindowThenTheSellersPayout() {
    Order order = reserve(ORDER, BUYER, TICKET, WINDOW);
    assertThat(currentDetails(ORDER))
        .isEqualTo("Awaiting payment until " + Wording.timeOfDay(order.expiresAt()));

    workflow(ORDER).pay(new PayRequest(BUYER, "tok_visa"));
    awaitEnd(ORDER);

    assertThat(currentDetails(ORDER))
        .isEqualTo("Paid; ticket sold, the seller's payout is payout-" + ORDER);
  }

  @Test
  void currentDetailsShowWhyAnOrderWasCancelled() {
    Order expired = reserve(ORDER, BUYER, TICKET, WINDOW);
    awaitEnd(ORDER);
    tickets.list(OTHER_TICKET, SELLER);
    reserve(SECOND_ORDER, BUYER, OTHER_TICKET, WINDOW);
    catchThrowable(() -> workflow(SECOND_ORDER).pay(new PayRequest(BUYER, "tok_chargeDeclined")));
    awaitEnd(SECOND_ORDER);

    assertThat(currentDetails(ORDER))
        .isEqualTo(
            "Expired unpaid at "
                + Wording.timeOfDay(expired.expiresAt())
                + "; the ticket is for sale again");
    assertThat(currentDetails(SECOND_ORDER))
        .isEqualTo("Payment failed; the ticket is for sale again");
  }

  @Test
  void aCompletedOrderAsksForTheBuyersReceiptOnce() {
    Order order = reserve(ORDER, BUYER, TICKET, WINDOW);
    workflow(ORDER).pay(new PayRequest(BUYER, "tok_visa"));
    awaitEnd(ORDER);

    assertThat(emailsAbout(ORDER))
        .singleElement()
        .satisfies(receipt -> {
          assertThat(receipt.key()).isEqualTo("receipt-" + ORDER);
          assertThat(receipt.kind()).isEqualTo(NoticeKind.RECEIPT);
          assertThat(receipt.recipient()).isEqualTo(BUYER);
          assertThat(receipt.ticketTitle()).isEqualTo(order.ticket().title());
          assertThat(receipt.amount()).isEqualTo(order.ticket().price().cents());
        });
    assertThat(
            client
                .newUntypedWorkflowStub(EmailWorkflow.workflowId("receipt-" + ORDER))
                .describe()
                .getStaticSummary())
        .isEqualTo("Receipt email: Concert");
  }

  @Test
  void anExpiredOrDeclinedOrderTellsTheBuyerWhy() {
    reserve(ORDER, BUYER, TICKET, WINDOW);
    awaitEnd(ORDER);
    tickets.list(OTHER_TICKET, SELLER);
    reserve(SECOND_ORDER, BUYER, OTHER_TICKET, WINDOW);
    catchThrowable(() -> workflow(SECOND_ORDER).pay(new PayRequest(BUYER, "tok_chargeDeclined")));
    awaitEnd(SECOND_ORDER);

    assertThat(emailsAbout(ORDER))
        .extracting(Notice::kind, Notice::recipient)
        .containsExactly(tuple(NoticeKind.ORDER_EXPIRED, BUYER));
    assertThat(emailsAbout(SECOND_ORDER))
        .extracting(Notice::kind, Notice::recipient)
        .containsExactly(tuple(NoticeKind.PAYMENT_DECLINED, BUYER));
  }

  @Test
  void theWebUiListsAnOrderByItsTicketAndShowsWhoBuysFromWhom() {
    reserve(ORDER, BUYER, TICKET, WINDOW);

    var described = client.newUntypedWorkflowStub(OrderWorkflow.workflowId(ORDER)).describe();
    assertThat(described.getStaticSummary()).isEqualTo("Concert — $20.00");
    assertThat(described.getStaticDetails())
        .isEqualTo(
            "- Order "
                + ORDER
                + " of ticket "
                + TICKET
                + "\n- Buyer "
                + BUYER
                + ", seller "
                + SELLER
                + "\n- Held for the buyer for 15 minutes from the start");
  }

  @Test
  void currentDetailsShowWhyTheTicketCouldNotBeHad() {
    catchThrowable(() -> reserve(ORDER, SELLER, TICKET, WINDOW));

    assertThat(currentDetails(ORDER)).isEqualTo("Rejected: You cannot buy your own ticket");
  }

  /** The ticket as a buyer saw it when they clicked Purchase, which names the workflow. */
  static Order.Ticket asShown(Purchase purchase) {
    return new Order.Ticket(purchase.ticketId(), "Concert", new Price(2_000), 0, SELLER, null);
  }

  private Order reserve(OrderId id, UserId buyer, TicketId ticket, Duration window) {
    return reserve(client, new Purchase(id, buyer, ticket, window));
  }

  /** Starts the order's workflow with its {@code reserve} Update, as the API does. */
  static Order reserve(WorkflowClient client, Purchase purchase) {
    OrderWorkflow workflow =
        client.newWorkflowStub(
            OrderWorkflow.class, OrderWorkflow.options(purchase, asShown(purchase)));
    var start = new WithStartWorkflowOperation<>(workflow::run, purchase);
    return WorkflowClient.executeUpdateWithStart(
        workflow::reserve, purchase.ticketId(), UpdateOptions.<Order>newBuilder().build(), start);
  }

  private OrderWorkflow workflow(OrderId id) {
    return client.newWorkflowStub(OrderWorkflow.class, OrderWorkflow.workflowId(id));
  }

  private void refund(StripePayment payment) {
    RefundWorkflow refund =
        client.newWorkflowStub(RefundWorkflow.class, RefundWorkflow.options(payment));
    refund.refund(payment);
  }

  private Object payOrRejection(PayRequest pay) {
    try {
      return workflow(ORDER).pay(pay);
    } catch (RuntimeException e) {
      return Rejection.in(e).orElseThrow(() -> e).getOriginalMessage();
    }
  }

  private static UpdateOptions<PaymentId> accepted() {
    return UpdateOptions.<PaymentId>newBuilder()
        .setWaitForStage(WorkflowUpdateStage.ACCEPTED)
        .build();
  }

  /** Starts paying with {@code token}; its charge stays in flight until {@code charge} opens. */
  private WorkflowUpdateHandle<PaymentId> payHeldBy(CountDownLatch charge, String token) {
    payments.inFlight = charge;
    var paying =
        WorkflowClient.startUpdate(workflow(ORDER)::pay, new PayRequest(BUYER, token), accepted());
    awaitChargeInFlight();
    return paying;
  }

  private void awaitChargeInFlight() {
    Poll.until(
        "the charge is in flight", Duration.ofSeconds(30), () -> !payments.charges.isEmpty());
  }

  private void awaitEnd(OrderId id) {
    awaitEnd(id, Duration.ofSeconds(30));
  }

  private void awaitEnd(OrderId id, Duration patience) {
    try {
      client
          .newUntypedWorkflowStub(OrderWorkflow.workflowId(id))
          .getResult(patience.toMillis(), TimeUnit.MILLISECONDS, Void.class);
    } catch (TimeoutException e) {
      throw new AssertionError("The order's workflow did not end within " + patience, e);
    }
  }

  /**
   * Moves the test server's clock on until the charge's 60 s of retries are over and its undo has
   * started. Only then may the test wait on the pay Update: a client waiting on an Update holds the
   * clock, so a retry timer still pending would never fire.
   */
  private void outwaitTheUnansweredCharge() {
    // Up to 10 minutes of the test server's time, inside the 15-minute window: a loaded machine
    // may need more steps than the 60 s of retries suggest before the workflow has caught up.
    for (int step = 0; step < 120 && payments.undone.isEmpty(); step++) {
      env.sleep(Duration.ofSeconds(5));
    }
    assertThat(payments.undone).as("the unanswered charge's undo").isNotEmpty();
  }

  /** The buyer's emails that the order asked for, of every kind an order can ask for. */
  private List<Notice> emailsAbout(OrderId id) {
    return Stream.of("receipt-", "expired-", "declined-")
        .flatMap(event -> AskedEmails.of(client, event + id).stream())
        .toList();
  }

  private String currentDetails(OrderId id) {
    return WebUi.currentDetails(client, OrderWorkflow.workflowId(id));
  }

  private Instant now() {
    return Instant.ofEpochMilli(env.currentTimeMillis());
  }

  private static ApplicationFailure rejection(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    Throwable thrown = catchThrowable(call);
    return Rejection.in(thrown)
        .orElseThrow(() -> new AssertionError("no rejection in " + thrown, thrown));
  }

  private static Object join(Future<Object> future) {
    try {
      return future.get();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
