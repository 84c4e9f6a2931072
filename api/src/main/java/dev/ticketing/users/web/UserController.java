package dev.ticketing.users.web;

import dev.ticketing.api.CurrentUser;
import dev.ticketing.api.SessionVersions;
import dev.ticketing.api.Sessions;
import dev.ticketing.users.Accounts;
import dev.ticketing.users.User;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/users")
class UserController {

  record UserResponse(String id, String email) {
    static UserResponse of(User user) {
      return new UserResponse(user.id().value(), user.email());
    }
  }

  record CurrentUserResponse(
      @Schema(nullable = true, description = "null when signed out")
          @Nullable CurrentUser currentUser) {}

  private final Accounts accounts;
  private final Sessions sessions;
  private final SessionVersions versions;

  UserController(Accounts accounts, Sessions sessions, SessionVersions versions) {
    this.accounts = accounts;
    this.sessions = sessions;
    this.versions = versions;
  }

  @ApiResponse(responseCode = "201", description = "Signed up and in", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "400", description = "A rule is broken, or the email is in use")
  @PostMapping("/signup")
  ResponseEntity<UserResponse> signUp(@Valid @RequestBody SignUp body) {
    return signedIn(HttpStatus.CREATED, accounts.signUp(body.address(), body.password()));
  }

  @ApiResponse(responseCode = "200", description = "Signed in", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "400", description = "A rule is broken, or invalid credentials")
  @ApiResponse(responseCode = "429", description = "Too many failed sign-ins for this email")
  @PostMapping("/signin")
  ResponseEntity<UserResponse> signIn(@Valid @RequestBody SignIn body) {
    return signedIn(HttpStatus.OK, accounts.signIn(body.address(), body.password()));
  }

  /** Ends every session of the signed-in user, this one included; signed out, only the cookie. */
  @PostMapping("/signout")
  ResponseEntity<Map<String, Object>> signOut(@AuthenticationPrincipal @Nullable CurrentUser user) {
    if (user != null) {
      versions.heard(accounts.signOut(user.id()));
    }
    return ResponseEntity.ok()
        .header(HttpHeaders.SET_COOKIE, sessions.clear().toString())
        .body(Map.of());
  }

  @GetMapping("/currentuser")
  CurrentUserResponse currentUser(@AuthenticationPrincipal @Nullable CurrentUser user) {
    return new CurrentUserResponse(user);
  }

  @ApiResponse(
      responseCode = "200",
      description = "Changed, with a new session",
      useReturnTypeSchema = true)
  @ApiResponse(
      responseCode = "400",
      description = "A rule is broken, invalid credentials, or the email is in use")
  @ApiResponse(responseCode = "429", description = "Too many wrong current passwords")
  @PatchMapping("/currentuser")
  ResponseEntity<UserResponse> changeAccount(
      @AuthenticationPrincipal CurrentUser user, @Valid @RequestBody AccountChange change) {
    User updated =
        accounts.update(user.id(), change.currentPassword(), change.address(), change.password());
    versions.heard(updated); // older sessions end here at once; elsewhere as the feed tells
    return signedIn(HttpStatus.OK, updated);
  }

  private ResponseEntity<UserResponse> signedIn(HttpStatus status, User user) {
    var cookie = sessions.issue(user.id(), user.email(), user.sessionVersion());
    return ResponseEntity.status(status)
        .header(HttpHeaders.SET_COOKIE, cookie.toString())
        .body(UserResponse.of(user));
  }
}
