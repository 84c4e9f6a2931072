/** The system under test: our own processes on free ports, or a stack someone else runs. */
@NullMarked
package dev.ticketing.bench.stack;

import org.jspecify.annotations.NullMarked;
