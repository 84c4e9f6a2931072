package dev.ticketing.users;

import static dev.ticketing.workflows.Rejection.INVALID;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import dev.ticketing.store.DomainDatabase;
import dev.ticketing.store.DomainStore;
import dev.ticketing.store.Event;
import dev.ticketing.store.VersionedStore;
import dev.ticketing.workflows.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.bson.types.ObjectId;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The users store. An email belongs to one account by a claim, a document whose {@code _id} is the
 * email's lower-case form: inserting it is atomic, so of two sign-ups with one email, one fails. A
 * claim a crash left without its account is taken over after {@link #ABANDONED}, by one sign-up.
 */
public final class Users extends DomainStore {

  /** How old a claim without its account must be before it is taken to be a crash's leftover. */
  private static final Duration ABANDONED = Duration.ofMinutes(1);

  // Each further attempt follows another writer's claim or takeover; this many in a row is a fault.
  private static final int MAX_ATTEMPTS = 100;
  private static final String EMAILS = "emails";
  private static final String TAKEOVERS = "email_takeovers";

  /** An email's owner, since {@code at}. */
  record EmailClaim(String id, UserId userId, Instant at) {}

  /** A sign-up's right to remove an abandoned claim. */
  record Takeover(String id, Instant at) {}

  private final MongoTemplate template;
  private final VersionedStore<User> store;
  private final Clock clock;

  public Users(DomainDatabase database, Clock clock) {
    super(database, "users");
    this.template = database.template();
    this.store = new VersionedStore<>(database, "users", User.class, events);
    this.clock = clock;
  }

  /** A new account; refused with {@code Email in use} when another account has the email. */
  public User register(String email, String passwordHash) {
    var id = new UserId(new ObjectId().toHexString());
    claim(email, id);
    return store.create(User.registered(id, email, passwordHash, clock.instant()), "UserCreated");
  }

  public Optional<User> find(UserId id) {
    return ObjectId.isValid(id.value()) ? store.find(id) : Optional.empty();
  }

  /** The user, read without writing: for the workers that read addresses and may write nothing. */
  public Optional<User> peek(UserId id) {
    return ObjectId.isValid(id.value()) ? store.peek(id) : Optional.empty();
  }

  public Optional<User> findByEmail(String email) {
    EmailClaim claim = template.findById(User.key(email), EmailClaim.class, EMAILS);
    if (claim == null) {
      return Optional.empty();
    }
    return find(claim.userId()).filter(user -> User.key(user.email()).equals(User.key(email)));
  }

  /** Changes the account's email, password hash or both, as one {@code UserUpdated}. */
  public User update(UserId id, UnaryOperator<User> change) {
    User user = find(id).orElseThrow();
    User changed = change.apply(user);
    boolean moves = !User.key(changed.email()).equals(User.key(user.email()));
    if (moves) {
      claim(changed.email(), id);
    }
    User updated = store.change(id, "UserUpdated", change).orElseThrow();
    if (moves) {
      template.remove(Query.query(where("_id").is(User.key(user.email()))), EMAILS);
    }
    return updated;
  }

  /** Whether the event is one of a user's own; the feed carries sign-in throttling's too. */
  public static boolean isUserEvent(Event event) {
    return event.type().startsWith("User");
  }

  /** The user as one of its events left it. */
  public User userAfter(Event event) {
    return store.stateAfter(event);
  }

  /** Ends every session issued so far; the next one carries the new session version. */
  public User signOut(UserId id) {
    return store.change(id, "UserSignedOut", User::endSessions).orElseThrow();
  }

  DomainDatabase database() {
    return database;
  }

  /** Makes the email this account's, unless a live account has it. */
  private void claim(String email, UserId owner) {
    String key = User.key(email);
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      if (inserted(new EmailClaim(key, owner, clock.instant()), EMAILS)) {
        return;
      }
      EmailClaim claim = template.findById(key, EmailClaim.class, EMAILS);
      if (claim == null) {
        continue; // released meanwhile
      }
      if (claim.userId().equals(owner)) {
        return;
      }
      boolean held = find(claim.userId()).map(u -> User.key(u.email()).equals(key)).orElse(false);
      if (held || isRecent(claim.at()) || !tookOver(key, claim)) {
        throw INVALID.failure("Email in use");
      }
      template.remove(Query.query(where("_id").is(key)), EMAILS);
    }
    throw new ConcurrencyFailureException("Could not claim an email: it kept changing hands");
  }

  /**
   * Whether this caller, of all who found the same abandoned claim, is the one to remove it: the
   * one whose takeover lands. Not a delete conditioned on the claim: FerretDB reads before it
   * deletes by id, so two such deletes could remove the claim and then its successor. A taker gone
   * for {@link #ABANDONED} lets the next attempt land.
   */
  private boolean tookOver(String key, EmailClaim claim) {
    String abandoned = key + " " + claim.userId() + " " + claim.at().toEpochMilli();
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      String id = abandoned + " " + attempt;
      if (inserted(new Takeover(id, clock.instant()), TAKEOVERS)) {
        return true;
      }
      Takeover other = template.findById(id, Takeover.class, TAKEOVERS);
      if (other == null || isRecent(other.at())) {
        return false;
      }
    }
    return false;
  }

  /** Inserts the document unless one with its {@code _id} exists. */
  private boolean inserted(Object document, String collection) {
    try {
      template.insert(document, collection);
      return true;
    } catch (DuplicateKeyException taken) {
      return false;
    }
  }

  private boolean isRecent(Instant at) {
    return at.isAfter(clock.instant().minus(ABANDONED));
  }
}
