/** The HTTP face of the users domain. */
@NullMarked
package dev.ticketing.users.web;

import org.jspecify.annotations.NullMarked;
