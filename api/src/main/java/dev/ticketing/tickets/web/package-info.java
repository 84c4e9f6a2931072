/** The HTTP face of the tickets domain. */
@NullMarked
package dev.ticketing.tickets.web;

import org.jspecify.annotations.NullMarked;
