/** The load generator's client of the REST API. */
@NullMarked
package dev.ticketing.bench.shop;

import org.jspecify.annotations.NullMarked;
