/** Purchases end to end over HTTP: reserve then pay, at rising concurrency. */
@NullMarked
package dev.ticketing.bench.purchases;

import org.jspecify.annotations.NullMarked;
