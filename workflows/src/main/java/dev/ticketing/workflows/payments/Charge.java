package dev.ticketing.workflows.payments;

import dev.ticketing.workflows.PaymentId;

/** A successful charge: our payment record and Stripe's PaymentIntent. */
public record Charge(PaymentId paymentId, String paymentIntentId) {}
