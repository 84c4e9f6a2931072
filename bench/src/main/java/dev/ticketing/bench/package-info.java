/**
 * {@code make bench}: how fast a purchase is, how close to Temporal's own limit on this machine,
 * what a rush and an expiry storm do, and how much memory the processes take.
 */
@NullMarked
package dev.ticketing.bench;

import org.jspecify.annotations.NullMarked;
