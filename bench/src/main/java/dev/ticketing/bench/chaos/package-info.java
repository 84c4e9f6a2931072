/**
 * {@code make chaos}: purchases in flight while the workers are killed, Temporal restarts and
 * FerretDB goes away; then the invariant checker reads every store and Temporal.
 */
@NullMarked
package dev.ticketing.bench.chaos;

import org.jspecify.annotations.NullMarked;
