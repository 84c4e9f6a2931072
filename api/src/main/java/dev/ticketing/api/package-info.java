/**
 * What every endpoint shares: the error format and the one place exceptions become HTTP answers,
 * the rules on request bodies, reading JSON forms, and the signed-in user's session.
 */
@NullMarked
package dev.ticketing.api;

import org.jspecify.annotations.NullMarked;
