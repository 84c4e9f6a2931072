package dev.ticketing.users.web;

import dev.ticketing.api.CurrentUser;
import dev.ticketing.api.Sessions;
import dev.ticketing.users.Accounts;
import dev.ticketing.users.User;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/users")
class UserController {

  record UserResponse(String id, String email) {
    static UserResponse of(User user) {
      return new UserResponse(user.id().value(), user.email());
    }
  }

  record CurrentUserResponse(@Nullable CurrentUser currentUser) {}

  private final Accounts accounts;
  private final Sessions sessions;

  UserController(Accounts accounts, Sessions sessions) {
    this.accounts = accounts;
    this.sessions = sessions;
  }

  @PostMapping("/signup")
  ResponseEntity<UserResponse> signUp(@RequestBody(required = false) @Nullable JsonNode body) {
    var credentials = Credentials.forSignUp(body);
    User user = accounts.signUp(credentials.email(), credentials.password());
    return signedIn(HttpStatus.CREATED, user);
  }

  @PostMapping("/signin")
  ResponseEntity<UserResponse> signIn(@RequestBody(required = false) @Nullable JsonNode body) {
    var credentials = Credentials.forSignIn(body);
    User user = accounts.signIn(credentials.email(), credentials.password());
    return signedIn(HttpStatus.OK, user);
  }

  @PostMapping("/signout")
  ResponseEntity<Map<String, Object>> signOut() {
    return ResponseEntity.ok()
        .header(HttpHeaders.SET_COOKIE, sessions.clear().toString())
        .body(Map.of());
  }

  @GetMapping("/currentuser")
  CurrentUserResponse currentUser(HttpServletRequest request) {
    return new CurrentUserResponse(sessions.current(request).orElse(null));
  }

  @PatchMapping("/currentuser")
  ResponseEntity<UserResponse> update(
      CurrentUser user, @RequestBody(required = false) @Nullable JsonNode body) {
    var change = AccountChange.from(body);
    User updated =
        accounts.update(user.id(), change.currentPassword(), change.email(), change.password());
    return signedIn(HttpStatus.OK, updated);
  }

  private ResponseEntity<UserResponse> signedIn(HttpStatus status, User user) {
    var session = new CurrentUser(user.id(), user.email(), Instant.now().getEpochSecond());
    ResponseCookie cookie = sessions.issue(session);
    return ResponseEntity.status(status)
        .header(HttpHeaders.SET_COOKIE, cookie.toString())
        .body(UserResponse.of(user));
  }
}
