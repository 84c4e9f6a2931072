/**
 * The physical limit this machine gives the purchase: the same Temporal server running a bare
 * workflow of the purchase's shape with no-op activities, and FerretDB's raw findAndModify rate.
 */
@NullMarked
package dev.ticketing.bench.baseline;

import org.jspecify.annotations.NullMarked;
