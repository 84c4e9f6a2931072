/** The orders domain: the store of orders, written by the order workflow and read by the API. */
@NullMarked
package dev.ticketing.orders;

import org.jspecify.annotations.NullMarked;
