package dev.ticketing.payments;

import static dev.ticketing.workflows.Rejection.INVALID;
import static dev.ticketing.workflows.Rejection.PAYMENT_DECLINED;

import dev.ticketing.workflows.PaymentId;
import dev.ticketing.workflows.payments.Charge;
import dev.ticketing.workflows.payments.ChargeRequest;
import dev.ticketing.workflows.payments.PaymentActivities;
import dev.ticketing.workflows.payments.StripePayment;
import java.time.Clock;
import java.util.Map;

public class PaymentActivitiesImpl implements PaymentActivities {

  private final PaymentGateway gateway;
  private final Payments payments;
  private final String currency;
  private final Clock clock;

  public PaymentActivitiesImpl(
      PaymentGateway gateway, Payments payments, String currency, Clock clock) {
    this.gateway = gateway;
    this.payments = payments;
    this.currency = currency;
    this.clock = clock;
  }

  @Override
  public Charge charge(ChargeRequest request) {
    try {
      String paymentIntent = gateway.charge(chargeOrder(request));
      Payment paid =
          payments.record(payment(request, paymentIntent, paymentIntent, PaymentStatus.SUCCEEDED));
      return new Charge(paid.id(), paymentIntent);
    } catch (PaymentGateway.Refused refused) {
      String stripeId = refused.paymentIntentId() != null ? refused.paymentIntentId() : "";
      String key =
          refused.paymentIntentId() != null ? refused.paymentIntentId() : request.idempotencyKey();
      payments.record(payment(request, key, stripeId, PaymentStatus.FAILED));
      throw (refused.declined() ? PAYMENT_DECLINED : INVALID).failure(refused.getMessage());
    }
  }

  @Override
  public void undoCharge(ChargeRequest request) {
    gateway
        .stopCharge(chargeOrder(request))
        .ifPresent(paymentIntent ->
            refund(
                new StripePayment(
                    paymentIntent,
                    request.orderId(),
                    request.buyerId(),
                    request.amount().cents(),
                    currency)));
  }

  @Override
  public PaymentId record(StripePayment payment) {
    return recorded(payment).id();
  }

  @Override
  public void refund(StripePayment payment) {
    Payment recorded = recorded(payment);
    if (recorded.status() != PaymentStatus.REFUNDED) {
      try {
        gateway.refund(payment.paymentIntentId(), "refund-" + payment.paymentIntentId());
      } catch (PaymentGateway.Refused refused) {
        // Asking again won't change Stripe's mind: fail where an operator sees it.
        throw INVALID.failure("Stripe refused the refund: " + refused.getMessage());
      }
      payments.refund(recorded.id());
    }
  }

  private PaymentGateway.ChargeOrder chargeOrder(ChargeRequest request) {
    var metadata =
        Map.of(
            "orderId", request.orderId().value(),
            "ticketId", request.ticketId().value(),
            "buyerId", request.buyerId().value());
    return new PaymentGateway.ChargeOrder(
        request.amount().cents(), currency, request.token(), request.idempotencyKey(), metadata);
  }

  private Payment recorded(StripePayment payment) {
    return payments.record(
        new Payment(
            Payment.idFor(payment.paymentIntentId()),
            payment.orderId(),
            payment.buyerId(),
            payment.paymentIntentId(),
            payment.amount(),
            payment.currency(),
            PaymentStatus.SUCCEEDED,
            clock.instant(),
            0));
  }

  private Payment payment(
      ChargeRequest request, String key, String stripeId, PaymentStatus status) {
    return new Payment(
        Payment.idFor(key),
        request.orderId(),
        request.buyerId(),
        stripeId,
        request.amount().cents(),
        currency,
        status,
        clock.instant(),
        0);
  }
}
