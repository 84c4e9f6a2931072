/**
 * The payouts domain: what each sold ticket's seller is owed, the sellers' Stripe Connect accounts,
 * and the transfers that pay them.
 */
@NullMarked
package dev.ticketing.payouts;

import org.jspecify.annotations.NullMarked;
