/** The expiry storm: a thousand orders left unpaid, and how late each ticket is listed again. */
@NullMarked
package dev.ticketing.bench.expiry;

import org.jspecify.annotations.NullMarked;
