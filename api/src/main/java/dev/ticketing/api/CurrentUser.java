package dev.ticketing.api;

import dev.ticketing.workflows.UserId;

/**
 * The signed-in user, as the session token says: {@code iat} is when it was issued, in seconds. A
 * controller that takes one is for signed-in users only.
 */
public record CurrentUser(UserId id, String email, long iat) {}
