/** Latencies, figures against their targets, the printed table and the JSON file. */
@NullMarked
package dev.ticketing.bench.report;

import org.jspecify.annotations.NullMarked;
