package dev.ticketing.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ticketing.harness.FerretDb;
import dev.ticketing.harness.LocalStack;
import dev.ticketing.store.DomainDatabase;
import dev.ticketing.store.Event;
import dev.ticketing.workflows.OrderId;
import dev.ticketing.workflows.Price;
import dev.ticketing.workflows.TicketId;
import dev.ticketing.workflows.UserId;
import dev.ticketing.workflows.payments.Charge;
import dev.ticketing.workflows.payments.ChargeRequest;
import dev.ticketing.workflows.payments.StripePayment;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import java.util.List;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalStack.class)
class PaymentActivitiesIntegrationTest {

  static final OrderId ORDER = new OrderId(new ObjectId().toHexString());
  static final UserId BUYER = new UserId(new ObjectId().toHexString());

  Payments payments;
  PaymentActivitiesImpl activities;

  @BeforeEach
  void open(FerretDb ferretDb) {
    payments =
        new Payments(DomainDatabase.open(ferretDb.uri("payments_" + new ObjectId()), "payments"));
    activities =
        new PaymentActivitiesImpl(new SandboxGateway(), payments, "usd", Clock.systemUTC());
  }

  @AfterEach
  void close() {
    payments.close();
  }

  @Test
  void aRetriedChargeIsRecordedOnce() {
    Charge first = activities.charge(request("tok_visa"));
    Charge retried = activities.charge(request("tok_visa"));

    assertThat(retried).isEqualTo(first);
    assertThat(payments.forOrder(ORDER))
        .singleElement()
        .satisfies(payment -> {
          assertThat(payment.amount()).isEqualTo(1999);
          assertThat(payment.currency()).isEqualTo("usd");
          assertThat(payment.status()).isEqualTo(PaymentStatus.SUCCEEDED);
          assertThat(payment.stripeId()).isEqualTo(first.paymentIntentId());
        });
    assertThat(types(first)).containsExactly("PaymentCreated");
  }

  @Test
  void aDeclineIsRecordedAsFailedAndRejected() {
    var declined =
        catchThrowableOfType(
            ApplicationFailure.class, () -> activities.charge(request("tok_chargeDeclined")));

    assertThat(declined.getType()).isEqualTo("PAYMENT_DECLINED");
    assertThat(declined.getOriginalMessage()).isEqualTo("Your card was declined.");
    assertThat(payments.forOrder(ORDER))
        .extracting(Payment::status)
        .containsExactly(PaymentStatus.FAILED);
  }

  @Test
  void anUnknownTokenIsAnInvalidRequest() {
    var refused =
        catchThrowableOfType(
            ApplicationFailure.class, () -> activities.charge(request("tok_nope")));

    assertThat(refused.getType()).isEqualTo("INVALID");
    assertThat(refused.getOriginalMessage()).isEqualTo("No such token: 'tok_nope'");
  }

  @Test
  void refundsAPaymentOnceHoweverOftenAsked() {
    var late = new StripePayment("pi_late", ORDER, BUYER, 1999, "usd");

    activities.refund(late);
    activities.refund(late);

    Payment refunded = payments.find(Payment.idFor("pi_late")).orElseThrow();
    assertThat(refunded.status()).isEqualTo(PaymentStatus.REFUNDED);
    assertThat(payments.events().of(refunded.id().value()))
        .extracting(Event::type)
        .containsExactly("PaymentCreated", "PaymentRefunded");
  }

  @Test
  void anUnansweredChargeThatTookMoneyIsRefundedOnce() {
    activities.undoCharge(request("tok_visa"));
    activities.undoCharge(request("tok_visa"));

    assertThat(payments.forOrder(ORDER))
        .singleElement()
        .extracting(Payment::status)
        .isEqualTo(PaymentStatus.REFUNDED);
  }

  @Test
  void anUnansweredDeclineLeavesNothingToUndo() {
    activities.undoCharge(request("tok_chargeDeclined"));

    assertThat(payments.forOrder(ORDER)).isEmpty();
  }

  @Test
  void aPaymentStripeReportsForOurOwnChargeIsTheSamePayment() {
    Charge charge = activities.charge(request("tok_visa"));

    var reported = new StripePayment(charge.paymentIntentId(), ORDER, BUYER, 1999, "usd");

    assertThat(activities.record(reported)).isEqualTo(charge.paymentId());
    assertThat(payments.forOrder(ORDER)).hasSize(1);
  }

  @Test
  void remembersTheStripeEventsActedOn() {
    assertThat(payments.handled("evt_1")).isFalse();

    payments.markHandled("evt_1");
    payments.markHandled("evt_1");

    assertThat(payments.handled("evt_1")).isTrue();
    assertThat(payments.handled("evt_2")).isFalse();
  }

  private List<String> types(Charge charge) {
    return payments.events().of(charge.paymentId().value()).stream().map(Event::type).toList();
  }

  private static ChargeRequest request(String token) {
    return new ChargeRequest(
        ORDER,
        new TicketId(new ObjectId().toHexString()),
        BUYER,
        new Price(1999),
        token,
        ORDER + "-charge-1");
  }
}
