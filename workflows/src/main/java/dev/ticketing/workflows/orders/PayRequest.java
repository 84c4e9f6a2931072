package dev.ticketing.workflows.orders;

import dev.ticketing.workflows.UserId;

/** A buyer's request to pay for an order with a Stripe token ({@code tok_*}) or PaymentMethod. */
public record PayRequest(UserId buyerId, String token) {}
