package dev.ticketing.payments.web;

import dev.ticketing.payments.Payment;
import dev.ticketing.payments.PaymentStatus;
import java.time.Instant;

/** A payment as the API shows it; {@code amount} is in minor units (1999 for 19.99). */
record PaymentResponse(
    String id,
    String orderId,
    String stripeId,
    long amount,
    String currency,
    PaymentStatus status,
    Instant createdAt) {

  static PaymentResponse of(Payment payment) {
    return new PaymentResponse(
        payment.id().value(),
        payment.orderId().value(),
        payment.stripeId(),
        payment.amount(),
        payment.currency(),
        payment.status(),
        payment.createdAt());
  }
}
