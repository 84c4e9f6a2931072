/** The worker process: the task queues its configuration names, each with its domain's store. */
@NullMarked
package dev.ticketing.workers;

import org.jspecify.annotations.NullMarked;
