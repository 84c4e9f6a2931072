package dev.ticketing.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.harness.FerretDb;
import dev.ticketing.harness.LocalStack;
import dev.ticketing.harness.Poll;
import dev.ticketing.store.DomainDatabase;
import dev.ticketing.users.User;
import dev.ticketing.users.Users;
import java.time.Clock;
import java.time.Duration;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Without its feed followed, so that only reads tell it anything. */
@ExtendWith(LocalStack.class)
class SessionVersionsIntegrationTest {

  Users users;

  @BeforeEach
  void open(FerretDb ferretDb) {
    users =
        new Users(
            DomainDatabase.open(ferretDb.uri("users_" + new ObjectId()), "users"),
            Clock.systemUTC());
  }

  @AfterEach
  void close() {
    users.close();
  }

  @Test
  void aSessionHeardLongAgoIsAnsweredFromMemoryWhileTheUserIsReadAgainInTheBackground() {
    var versions = new SessionVersions(users, Duration.ZERO);
    User ada = users.register("ada@example.com", "hash");
    assertThat(versions.isCurrent(ada.id(), ada.sessionVersion()))
        .as("read: not heard of")
        .isTrue();

    users.signOut(ada.id()); // in another process: this one has not heard

    assertThat(versions.isCurrent(ada.id(), ada.sessionVersion()))
        .as("answered from what was heard, not waiting on the store")
        .isTrue();
    Poll.until(
        "the read in the background ended the old session",
        Duration.ofSeconds(10),
        () -> !versions.isCurrent(ada.id(), ada.sessionVersion()));
  }

  @Test
  void aTokenNewerThanTheOneHeardReadsTheStoreAndAnOlderOneIsRefused() {
    var versions = new SessionVersions(users, Duration.ofMinutes(1));
    User ada = users.register("ada@example.com", "hash");
    assertThat(versions.isCurrent(ada.id(), ada.sessionVersion())).isTrue();

    User signedOut = users.signOut(ada.id());

    assertThat(versions.isCurrent(ada.id(), signedOut.sessionVersion())).as("newer: read").isTrue();
    assertThat(versions.isCurrent(ada.id(), ada.sessionVersion())).as("older: ended").isFalse();
  }
}
