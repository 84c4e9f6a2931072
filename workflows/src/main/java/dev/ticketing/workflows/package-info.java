/** The shared kernel: ids, prices, task queues and the business rejections every domain speaks. */
@NullMarked
package dev.ticketing.workflows;

import org.jspecify.annotations.NullMarked;
