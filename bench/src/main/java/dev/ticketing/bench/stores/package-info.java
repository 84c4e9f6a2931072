/** Read-only access to every domain's database, as the checks need it. */
@NullMarked
package dev.ticketing.bench.stores;

import org.jspecify.annotations.NullMarked;
