package dev.ticketing.users;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static dev.ticketing.workflows.Rejection.INVALID;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import dev.ticketing.store.DomainDatabase;
import dev.ticketing.store.DomainStore;
import dev.ticketing.store.EventLog;
import dev.ticketing.store.VersionedStore;
import dev.ticketing.workflows.UserId;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;

/**
 * The users store. An email belongs to one account by a claim, a document whose {@code _id} is the
 * email's lower-case form: inserting it is atomic, so of two sign-ups with one email, one fails.
 */
public final class Users implements DomainStore, AutoCloseable {

  /** How old a claim without its account must be before it is taken to be a crash's leftover. */
  private static final Duration ABANDONED = Duration.ofMinutes(1);

  private final DomainDatabase database;
  private final EventLog events;
  private final VersionedStore<User> store;
  private final MongoCollection<Document> emails;
  private final Clock clock;

  public Users(DomainDatabase database, Clock clock) {
    this.database = database;
    this.events = new EventLog(database);
    this.store = new VersionedStore<>(database, "users", new UserMapping(), events);
    this.emails = database.collection("emails");
    this.clock = clock;
  }

  /** A new account; refused with {@code Email in use} when another account has the email. */
  public User register(String email, String passwordHash) {
    var id = new UserId(new ObjectId().toHexString());
    claim(email, id);
    return store.create(new User(id, email, passwordHash, 0, clock.instant()), "UserCreated");
  }

  public Optional<User> find(UserId id) {
    return ObjectId.isValid(id.value()) ? store.find(new ObjectId(id.value())) : Optional.empty();
  }

  public Optional<User> findByEmail(String email) {
    Document claim = emails.find(eq("_id", User.key(email))).first();
    if (claim == null) {
      return Optional.empty();
    }
    return find(new UserId(claim.getString("userId")))
        .filter(user -> User.key(user.email()).equals(User.key(email)));
  }

  /** Changes the account's email, password hash or both, as one {@code UserUpdated}. */
  public User update(UserId id, @Nullable String newEmail, @Nullable String newHash) {
    User user = find(id).orElseThrow();
    boolean moves = newEmail != null && !User.key(newEmail).equals(User.key(user.email()));
    if (moves) {
      claim(newEmail, id);
    }
    User updated =
        store
            .change(
                new ObjectId(id.value()),
                "UserUpdated",
                u -> {
                  User next = newEmail == null ? u : u.withEmail(newEmail);
                  return newHash == null ? next : next.withPasswordHash(newHash);
                })
            .orElseThrow();
    if (moves) {
      emails.deleteOne(eq("_id", User.key(user.email())));
    }
    return updated;
  }

  DomainDatabase database() {
    return database;
  }

  public EventLog events() {
    return events;
  }

  @Override
  public String domain() {
    return "users";
  }

  @Override
  public boolean isReachable() {
    return database.ping();
  }

  @Override
  public void close() {
    database.close();
  }

  /** Makes the email this account's, unless a live account has it. */
  private void claim(String email, UserId owner) {
    String key = User.key(email);
    while (true) {
      try {
        emails.insertOne(
            new Document("_id", key)
                .append("userId", owner.value())
                .append("at", Date.from(clock.instant())));
        return;
      } catch (MongoWriteException e) {
        if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
          throw e;
        }
      }
      Document claim = emails.find(eq("_id", key)).first();
      if (claim == null) {
        continue;
      }
      var holder = new UserId(claim.getString("userId"));
      if (holder.equals(owner)) {
        return;
      }
      boolean held = find(holder).map(user -> User.key(user.email()).equals(key)).orElse(false);
      if (held || claim.getDate("at").toInstant().isAfter(clock.instant().minus(ABANDONED))) {
        throw INVALID.failure("Email in use");
      }
      // Only the claim judged abandoned: another sign-up may have replaced it meanwhile.
      emails.deleteOne(
          and(eq("_id", key), eq("userId", holder.value()), eq("at", claim.getDate("at"))));
    }
  }

  private static final class UserMapping implements VersionedStore.Mapping<User> {
    @Override
    public Object id(User user) {
      return new ObjectId(user.id().value());
    }

    @Override
    public long version(User user) {
      return user.version();
    }

    @Override
    public Document toDocument(User user) {
      return new Document("email", user.email())
          .append("passwordHash", user.passwordHash())
          .append("createdAt", Date.from(user.createdAt()));
    }

    @Override
    public User fromDocument(Document document) {
      return new User(
          new UserId(document.getObjectId("_id").toHexString()),
          document.getString("email"),
          document.getString("passwordHash"),
          document.get("version", Number.class).longValue(),
          document.getDate("createdAt").toInstant());
    }
  }
}
