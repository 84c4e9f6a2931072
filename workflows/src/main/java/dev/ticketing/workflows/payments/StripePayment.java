package dev.ticketing.workflows.payments;

import dev.ticketing.workflows.OrderId;
import dev.ticketing.workflows.UserId;

/** A PaymentIntent that Stripe reports succeeded, as its webhook tells us. */
public record StripePayment(
    String paymentIntentId, OrderId orderId, UserId buyerId, long amount, String currency) {}
