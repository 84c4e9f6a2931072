package dev.ticketing.workflows.payments;

import dev.ticketing.workflows.OrderId;
import dev.ticketing.workflows.Price;
import dev.ticketing.workflows.TicketId;
import dev.ticketing.workflows.UserId;

/**
 * One attempt to charge for an order. The idempotency key is derived in the workflow, so a retried
 * activity asks Stripe for the same charge and never makes a second one.
 */
public record ChargeRequest(
    OrderId orderId,
    TicketId ticketId,
    UserId buyerId,
    Price amount,
    String token,
    String idempotencyKey) {}
