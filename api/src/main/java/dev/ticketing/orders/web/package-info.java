/** The HTTP face of the orders domain. */
@NullMarked
package dev.ticketing.orders.web;

import org.jspecify.annotations.NullMarked;
