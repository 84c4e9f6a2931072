/** The users domain: accounts, their passwords, and the throttling of failed sign-ins. */
@NullMarked
package dev.ticketing.users;

import org.jspecify.annotations.NullMarked;
