/** The HTTP face of the payments domain. */
@NullMarked
package dev.ticketing.payments.web;

import org.jspecify.annotations.NullMarked;
