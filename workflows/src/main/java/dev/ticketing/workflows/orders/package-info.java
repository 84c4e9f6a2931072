/**
 * The purchase: {@link dev.ticketing.workflows.orders.OrderWorkflow} and what it asks of the orders
 * store.
 */
@NullMarked
package dev.ticketing.workflows.orders;

import org.jspecify.annotations.NullMarked;
