/** What the order workflow asks of the tickets domain. */
@NullMarked
package dev.ticketing.workflows.tickets;

import org.jspecify.annotations.NullMarked;
