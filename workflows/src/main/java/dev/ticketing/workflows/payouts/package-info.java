/**
 * The seller's payout of an order: held until after the event, transferred once through Stripe
 * Connect, frozen or reversed by a dispute.
 */
@NullMarked
package dev.ticketing.workflows.payouts;

import org.jspecify.annotations.NullMarked;
