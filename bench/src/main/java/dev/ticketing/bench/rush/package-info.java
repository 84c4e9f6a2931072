/** The on-sale rush: a thousand buyers at one ticket in the same instant. */
@NullMarked
package dev.ticketing.bench.rush;

import org.jspecify.annotations.NullMarked;
