/**
 * The tickets domain: listings, and the reservation that lets one order at a time hold a ticket.
 */
@NullMarked
package dev.ticketing.tickets;

import org.jspecify.annotations.NullMarked;
