/** The payments domain: Stripe, or its offline sandbox, and the payments store. */
@NullMarked
package dev.ticketing.payments;

import org.jspecify.annotations.NullMarked;
