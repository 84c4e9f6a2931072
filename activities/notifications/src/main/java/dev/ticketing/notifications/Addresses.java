package dev.ticketing.notifications;

import dev.ticketing.workflows.UserId;
import java.util.Optional;

/**
 * Where a user's email goes: read when the email is sent, so a changed address is the one used. The
 * users domain answers it; the workers wire the two together.
 */
@FunctionalInterface
public interface Addresses {

  /** The user's address now; empty when there is no such user. */
  Optional<String> of(UserId user);
}
