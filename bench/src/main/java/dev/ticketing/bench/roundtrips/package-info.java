/** FerretDB round trips per store change, from the stores' own counters in every process. */
@NullMarked
package dev.ticketing.bench.roundtrips;

import org.jspecify.annotations.NullMarked;
