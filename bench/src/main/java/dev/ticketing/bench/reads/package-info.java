/** Browsing reads against a tickets store of 1,000, 10,000 and 100,000 tickets. */
@NullMarked
package dev.ticketing.bench.reads;

import org.jspecify.annotations.NullMarked;
