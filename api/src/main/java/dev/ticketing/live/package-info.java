/**
 * Live updates for browsers: the tickets and orders feeds followed as they are written, and
 * streamed to each browser as Server-Sent Events.
 */
@NullMarked
package dev.ticketing.live;

import org.jspecify.annotations.NullMarked;
