package dev.ticketing.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.ticketing.harness.FerretDb;
import dev.ticketing.harness.LocalStack;
import dev.ticketing.store.DomainDatabase;
import dev.ticketing.store.Event;
import dev.ticketing.workflows.UserId;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

@ExtendWith(LocalStack.class)
class AccountsIntegrationTest {

  /** A clock the test moves by hand. */
  static final class TestClock extends Clock {
    Instant now = Instant.parse("2026-11-25T10:00:00Z");

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  final TestClock clock = new TestClock();
  Users users;
  Accounts accounts;

  @BeforeEach
  void open(FerretDb ferretDb) {
    users = new Users(DomainDatabase.open(ferretDb.uri("users_" + new ObjectId()), "users"), clock);
    var throttle =
        new SignInThrottle(users.database(), users.events(), 10, Duration.ofMinutes(15), clock);
    accounts = new Accounts(users, throttle, new Passwords(new BCryptPasswordEncoder(4)));
  }

  @AfterEach
  void close() {
    users.close();
  }

  @Test
  void signsUpAndInWithTheEmailInAnyCase() {
    User user = accounts.signUp("Ada@Example.com", "password123");

    assertThat(accounts.signIn("ada@example.COM", "password123").id()).isEqualTo(user.id());
    assertThat(user.passwordHash()).doesNotContain("password123").startsWith("$2a$");
    assertThat(users.events().of(user.id().value()))
        .extracting(Event::type)
        .containsExactly("UserCreated");
  }

  @Test
  void ofConcurrentSignUpsWithOneEmailExactlyOneSucceeds() throws Exception {
    List<Object> outcomes =
        atOnce(30, i -> signUpOrRefusal(i % 2 == 0 ? "race@x.io" : "RACE@x.io"));

    assertThat(outcomes).filteredOn(User.class::isInstance).hasSize(1);
    assertThat(outcomes)
        .filteredOn(String.class::isInstance)
        .hasSize(29)
        .containsOnly("Email in use");
  }

  @Test
  void unknownEmailAndWrongPasswordGetTheSameAnswer() {
    accounts.signUp("ada@example.com", "password123");

    assertThat(
            refusal(() -> accounts.signIn("ada@example.com", "wrong-password"))
                .getOriginalMessage())
        .isEqualTo("Invalid credentials");
    assertThat(
            refusal(() -> accounts.signIn("nobody@example.com", "password123"))
                .getOriginalMessage())
        .isEqualTo("Invalid credentials");
  }

  @Test
  void locksAnEmailAfterTenFailuresUntilTheOldestIsFifteenMinutesOld() {
    accounts.signUp("ada@example.com", "password123");
    for (int i = 0; i < 10; i++) {
      refusal(() -> accounts.signIn("ada@example.com", "wrong-password"));
      clock.now = clock.now.plusSeconds(60);
    }

    assertThat(refusal(() -> accounts.signIn("ada@example.com", "password123")).getType())
        .isEqualTo("THROTTLED");
    clock.now = Instant.parse("2026-11-25T10:15:00Z").minusSeconds(1);
    assertThat(refusal(() -> accounts.signIn("ADA@example.com", "password123")).getType())
        .isEqualTo("THROTTLED");
    clock.now = Instant.parse("2026-11-25T10:15:01Z");
    assertThat(accounts.signIn("ada@example.com", "password123").email())
        .isEqualTo("ada@example.com");
  }

  @Test
  void guessesSentAtOnceAreAllCountedTowardsTheLock() throws Exception {
    accounts.signUp("ada@example.com", "password123");
    List<String> outcomes =
        atOnce(40, i -> refusal(() -> accounts.signIn("ada@example.com", "guess-" + i)).getType());

    assertThat(outcomes).filteredOn("INVALID"::equals).hasSize(10);
    assertThat(outcomes).filteredOn("THROTTLED"::equals).hasSize(30);
    assertThat(refusal(() -> accounts.signIn("ada@example.com", "password123")).getType())
        .isEqualTo("THROTTLED");
  }

  @Test
  void signInsThatSucceedAreNotCounted() {
    accounts.signUp("ada@example.com", "password123");
    for (int i = 0; i < 9; i++) {
      refusal(() -> accounts.signIn("ada@example.com", "wrong-password"));
    }
    for (int i = 0; i < 5; i++) {
      accounts.signIn("ada@example.com", "password123");
    }

    assertThat(accounts.signIn("ada@example.com", "password123").email())
        .isEqualTo("ada@example.com");
  }

  @Test
  void nineFailuresAtAClockFinerThanMillisecondsDoNotLock() {
    clock.now = clock.now.plusNanos(123_456);
    accounts.signUp("ada@example.com", "password123");
    for (int i = 0; i < 9; i++) {
      refusal(() -> accounts.signIn("ada@example.com", "wrong-password"));
    }

    assertThat(accounts.signIn("ada@example.com", "password123").email())
        .isEqualTo("ada@example.com");
  }

  @Test
  void aPasswordLongerThanBcryptReadsCountsInFull() {
    String emoji = "\uD83C\uDFAB".repeat(64); // 64 characters, 256 bytes of UTF-8
    accounts.signUp("ada@example.com", emoji);

    assertThat(accounts.signIn("ada@example.com", emoji).email()).isEqualTo("ada@example.com");
    String lastOneDiffers = "\uD83C\uDFAB".repeat(63) + "\uD83C\uDFB5";
    assertThat(
            refusal(() -> accounts.signIn("ada@example.com", lastOneDiffers)).getOriginalMessage())
        .isEqualTo("Invalid credentials");
  }

  @Test
  void anEmailClaimACrashLeftIsTakenOverByOneOfManySignUps() throws Exception {
    var abandoned =
        new Users.EmailClaim(
            "ada@example.com",
            new UserId(new ObjectId().toHexString()),
            clock.now.minusSeconds(120));
    users.database().template().insert(abandoned, "emails");

    List<Boolean> signedUp =
        atOnce(
            20,
            i -> {
              try {
                accounts.signUp("ada@example.com", "password-" + i);
                return true;
              } catch (ApplicationFailure inUse) {
                return false;
              }
            });

    assertThat(signedUp).containsOnlyOnce(true);
  }

  @Test
  void aClaimTheServerStoresOtherwiseThanSentEndsInAnErrorNotALoop() {
    // The driver writes half a surrogate pair as '?', so the stored claim never matches the key.
    String mangled = "a\ud800z@x.io";
    accounts.signUp(mangled, "password123");

    assertTimeoutPreemptively(
        Duration.ofSeconds(30),
        () ->
            assertThatThrownBy(() -> accounts.signUp(mangled, "password123"))
                .isInstanceOfAny(ApplicationFailure.class, ConcurrencyFailureException.class));
  }

  @Test
  void throttlesEmailsThatHaveNoAccountToo() {
    for (int i = 0; i < 10; i++) {
      refusal(() -> accounts.signIn("ghost@example.com", "whatever1"));
    }

    assertThat(refusal(() -> accounts.signIn("ghost@example.com", "whatever1")).getType())
        .isEqualTo("THROTTLED");
  }

  @Test
  void changingTheEmailFreesTheOldOneAndRecordsOneUpdate() {
    User ada = accounts.signUp("ada@example.com", "password123");
    accounts.signUp("bob@example.com", "password123");

    assertThat(
            refusal(() -> accounts.update(ada.id(), "password123", "BOB@example.com", null))
                .getOriginalMessage())
        .isEqualTo("Email in use");
    User moved = accounts.update(ada.id(), "password123", "lovelace@example.com", "new-password");

    assertThat(accounts.signIn("lovelace@example.com", "new-password").id()).isEqualTo(ada.id());
    assertThat(accounts.signUp("ada@example.com", "password123").id()).isNotEqualTo(ada.id());
    assertThat(
            refusal(() -> accounts.update(ada.id(), "password123", null, "x2345678"))
                .getOriginalMessage())
        .isEqualTo("Invalid credentials");
    assertThat(users.events().of(moved.id().value()))
        .extracting(Event::type)
        .containsExactly("UserCreated", "UserUpdated");
  }

  private Object signUpOrRefusal(String email) {
    try {
      return accounts.signUp(email, "password123");
    } catch (ApplicationFailure refused) {
      return refused.getOriginalMessage();
    }
  }

  /** {@code count} calls, 16 at a time; their answers in the order they were asked. */
  private static <T> List<T> atOnce(int count, IntFunction<T> call) throws Exception {
    try (var threads = Executors.newFixedThreadPool(16)) {
      List<Future<T>> asked =
          IntStream.range(0, count).mapToObj(i -> threads.submit(() -> call.apply(i))).toList();
      List<T> answers = new ArrayList<>();
      for (Future<T> answer : asked) {
        answers.add(answer.get());
      }
      return answers;
    }
  }

  private static ApplicationFailure refusal(Runnable call) {
    return catchThrowableOfType(ApplicationFailure.class, call::run);
  }
}
