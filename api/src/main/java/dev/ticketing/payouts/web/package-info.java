/** The HTTP face of the payouts domain: the seller's sales, payouts and payout account. */
@NullMarked
package dev.ticketing.payouts.web;

import org.jspecify.annotations.NullMarked;
