/** Running many clients at once on virtual threads. */
@NullMarked
package dev.ticketing.bench.load;

import org.jspecify.annotations.NullMarked;
