/** What the order workflow asks of the payments domain, and the refund of late payments. */
@NullMarked
package dev.ticketing.workflows.payments;

import org.jspecify.annotations.NullMarked;
