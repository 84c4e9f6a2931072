package dev.ticketing.users.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.api.ApiIntegrationTest;
import dev.ticketing.harness.ApiClient;
import dev.ticketing.harness.ApiClient.Answer;
import dev.ticketing.store.Event;
import dev.ticketing.users.Users;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class UserApiIntegrationTest extends ApiIntegrationTest {

  static final String SIGNUP = "/api/users/signup";
  static final String SIGNIN = "/api/users/signin";
  static final String CURRENT = "/api/users/currentuser";

  @Autowired Users users;

  @Test
  void signUpAnswersTheUserSignsInAndRecordsUserCreated() {
    ApiClient client = anonymous();
    String email = uniqueEmail();

    Answer answer = client.signUp(email);

    assertThat(answer.status()).isEqualTo(201);
    assertThat(answer.text("email")).isEqualTo(email);
    assertThat(answer.text("id")).matches("[0-9a-f]{24}");
    assertThat(answer.headers().firstValue("Set-Cookie").orElseThrow())
        .startsWith("session=")
        .contains("HttpOnly", "Path=/", "SameSite=Lax")
        .doesNotContain("Secure");
    Answer current = client.get(CURRENT);
    assertThat(current.body().path("currentUser").path("id").asString())
        .isEqualTo(answer.text("id"));
    assertThat(current.body().path("currentUser").path("email").asString()).isEqualTo(email);
    assertThat(current.body().path("currentUser").path("iat").asLong()).isPositive();
    assertThat(users.events().of(answer.text("id")))
        .extracting(Event::type)
        .containsExactly("UserCreated");
  }

  @Test
  void signUpRefusesBadEmailsAndPasswordsWithEveryFailedRule() {
    Answer answer = anonymous().post(SIGNUP, Map.of("email", "not-an-email", "password", "short"));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.errors())
        .containsExactlyInAnyOrder(
            "Email must be valid@email", "Password must be between 8 and 64 characters@password");
    assertThat(
            anonymous()
                .post(SIGNUP, Map.of("email", uniqueEmail(), "password", "x".repeat(65)))
                .message())
        .isEqualTo("Password must be between 8 and 64 characters");
    assertThat(anonymous().post(SIGNUP, Map.of("email", 42, "password", "password1")).message())
        .isEqualTo("Email must be valid");
    for (String control : List.of("\u0001", "\u007f", "\u0008")) {
      String email = control + uniqueEmail();
      assertThat(anonymous().post(SIGNUP, Map.of("email", email, "password", "password1")).errors())
          .as("an address around U+%04X", (int) control.charAt(0))
          .containsExactly("Email must be valid@email");
    }
  }

  @Test
  void aPasswordOfSixtyFourCharactersOfAnyScriptWorks() {
    String email = uniqueEmail();
    String password = "é".repeat(64);

    assertThat(anonymous().post(SIGNUP, Map.of("email", email, "password", password)).status())
        .isEqualTo(201);
    assertThat(anonymous().post(SIGNIN, Map.of("email", email, "password", password)).status())
        .isEqualTo(200);
  }

  @Test
  void signUpRefusesAnEmailInUseWhateverItsCase() {
    String email = uniqueEmail();
    anonymous().signUp(email);

    Answer again = anonymous().signUp(email.toUpperCase());

    assertThat(again.status()).isEqualTo(400);
    assertThat(again.errors()).containsExactly("Email in use");
  }

  @Test
  void ofConcurrentSignUpsWithOneEmailExactlyOneSucceeds() throws Exception {
    String email = uniqueEmail();

    List<Integer> statuses;
    try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<Integer>> futures =
          IntStream.range(0, 20)
              .mapToObj(i -> threads.submit(() -> anonymous().signUp(email).status()))
              .toList();
      statuses = futures.stream().map(UserApiIntegrationTest::join).toList();
    }

    assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
    assertThat(statuses).filteredOn(s -> s == 400).hasSize(19);
  }

  @Test
  void signInAnswersTheUserWithANewSession() {
    String email = uniqueEmail();
    String id = anonymous().signUp(email).text("id");
    ApiClient client = anonymous();

    Answer answer =
        client.post(SIGNIN, Map.of("email", email.toUpperCase(), "password", "password1"));

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.text("id")).isEqualTo(id);
    assertThat(answer.headers().firstValue("Set-Cookie").orElseThrow()).startsWith("session=");
    assertThat(client.get(CURRENT).body().path("currentUser").path("id").asString()).isEqualTo(id);
  }

  @Test
  void signInValidatesAndGivesOneAnswerForUnknownEmailAndWrongPassword() {
    String email = uniqueEmail();
    anonymous().signUp(email);

    assertThat(anonymous().post(SIGNIN, Map.of("email", "nope", "password", "")).errors())
        .containsExactlyInAnyOrder(
            "Email must be valid@email", "You must supply a password@password");
    Answer wrongPassword =
        anonymous().post(SIGNIN, Map.of("email", email, "password", "wrong-one"));
    Answer unknownEmail =
        anonymous().post(SIGNIN, Map.of("email", uniqueEmail(), "password", "password1"));
    assertThat(wrongPassword.status()).isEqualTo(400);
    assertThat(wrongPassword.body()).isEqualTo(unknownEmail.body());
    assertThat(wrongPassword.errors()).containsExactly("Invalid credentials");
  }

  @Test
  void tenFailedSignInsLockTheEmailEvenForTheRightPassword() {
    String email = uniqueEmail();
    anonymous().signUp(email);
    for (int i = 0; i < 10; i++) {
      Answer failed = anonymous().post(SIGNIN, Map.of("email", email, "password", "guess-" + i));
      assertThat(failed.status()).as("attempt %d: %s", i, failed).isEqualTo(400);
    }

    Answer locked = anonymous().post(SIGNIN, Map.of("email", email, "password", "password1"));

    assertThat(locked.status()).isEqualTo(429);
    assertThat(locked.message()).startsWith("Too many failed sign-ins");
  }

  @Test
  void signOutClearsTheSession() {
    ApiClient client = signedUp();

    Answer answer = client.post("/api/users/signout", "");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().isObject() && answer.body().isEmpty()).isTrue();
    assertThat(answer.headers().firstValue("Set-Cookie").orElseThrow()).contains("Max-Age=0");
    assertThat(client.get(CURRENT).body().path("currentUser").isNull()).isTrue();
    assertThat(anonymous().send("POST", "/api/users/signout", null).status()).isEqualTo(200);
  }

  @Test
  void aMissingBadTamperedUnsignedOrExpiredTokenIsSignedOut() {
    String id = signedUp().get(CURRENT).body().path("currentUser").path("id").asString();
    var key = Keys.hmacShaKeyFor(JWT_KEY.getBytes(StandardCharsets.UTF_8));
    Instant now = Instant.now();
    String valid =
        Jwts.builder()
            .claim("id", id)
            .claim("email", "a@b.co")
            .issuedAt(Date.from(now))
            .expiration(Date.from(now.plusSeconds(60)))
            .signWith(key)
            .compact();
    String expired =
        Jwts.builder()
            .claim("id", id)
            .claim("email", "a@b.co")
            .issuedAt(Date.from(now.minusSeconds(120)))
            .expiration(Date.from(now.minusSeconds(60)))
            .signWith(key)
            .compact();
    String[] parts = valid.split("\\.");
    String tampered =
        parts[0]
            + "."
            + encode("{\"id\":\"5f0000000000000000000002\",\"email\":\"a@b.co\",\"iat\":1}")
            + "."
            + parts[2];
    String unsigned = encode("{\"alg\":\"none\"}") + "." + parts[1] + ".";

    assertThat(currentUserWith(valid).path("id").asString()).isEqualTo(id);
    for (String token : List.of("", "garbage", expired, tampered, unsigned)) {
      assertThat(currentUserWith(token).isNull()).as(token + " " + currentUserWith(token)).isTrue();
    }
    assertThat(anonymous().get(CURRENT).body().path("currentUser").isNull()).isTrue();
  }

  @Test
  void changingTheAccountNeedsTheCurrentPasswordAndRecordsUserUpdated() {
    ApiClient client = anonymous();
    String id = client.signUp(uniqueEmail()).text("id");
    String newEmail = uniqueEmail();

    Answer wrong = client.patch(CURRENT, Map.of("currentPassword", "wrong-one", "email", newEmail));
    Answer changed =
        client.patch(
            CURRENT,
            Map.of("currentPassword", "password1", "email", newEmail, "password", "password2"));

    assertThat(wrong.status()).isEqualTo(400);
    assertThat(wrong.errors()).containsExactly("Invalid credentials");
    assertThat(changed.status()).isEqualTo(200);
    assertThat(changed.text("email")).isEqualTo(newEmail);
    assertThat(changed.headers().firstValue("Set-Cookie").orElseThrow()).startsWith("session=");
    assertThat(client.get(CURRENT).body().path("currentUser").path("email").asString())
        .isEqualTo(newEmail);
    assertThat(
            anonymous().post(SIGNIN, Map.of("email", newEmail, "password", "password2")).status())
        .isEqualTo(200);
    assertThat(users.events().of(id))
        .extracting(Event::type)
        .containsExactly("UserCreated", "UserUpdated");
  }

  @Test
  void changingTheAccountValidatesAndRefusesAnEmailInUse() {
    String taken = uniqueEmail();
    anonymous().signUp(taken);
    ApiClient client = signedUp();

    assertThat(anonymous().patch(CURRENT, Map.of("currentPassword", "password1")).status())
        .isEqualTo(401);
    assertThat(client.patch(CURRENT, Map.of("email", "bad", "password", "short")).errors())
        .containsExactlyInAnyOrder(
            "You must supply your current password@currentPassword",
            "Email must be valid@email",
            "Password must be between 8 and 64 characters@password");
    assertThat(
            client.patch(CURRENT, Map.of("currentPassword", "password1", "email", taken)).errors())
        .containsExactly("Email in use");
  }

  @Test
  void aChangeOfAnotherJsonTypeIsRefusedNotIgnored() {
    ApiClient client = signedUp();

    assertThat(
            client
                .patch(
                    CURRENT,
                    Map.of("currentPassword", "password1", "email", 42, "password", 87654321))
                .errors())
        .containsExactlyInAnyOrder(
            "Email must be valid@email", "Password must be between 8 and 64 characters@password");
    assertThat(
            client
                .patch(CURRENT, Map.of("currentPassword", "password1", "password", List.of()))
                .errors())
        .containsExactly("Password must be between 8 and 64 characters@password");
  }

  private tools.jackson.databind.JsonNode currentUserWith(String token) {
    return anonymous()
        .send("GET", CURRENT, null, "Cookie", "session=" + token)
        .body()
        .path("currentUser");
  }

  private static String encode(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static <T> T join(Future<T> future) {
    try {
      return future.get();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
