package dev.ticketing.users;

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
 * email's lower-case form: inserting it is atomic, so of two sign-ups with one email, one fails. A
 * claim a crash left without its account is taken over after {@link #ABANDONED}, by one sign-up.
 */
public final class Users implements DomainStore, AutoCloseable {

  /** How old a claim without its account must be before it is taken to be a crash's leftover. */
  private static final Duration ABANDONED = Duration.ofMinutes(1);

  private final DomainDatabase database;
  private final EventLog events;
  private final VersionedStore<User> store;
  private final MongoCollection<Document> emails;
  private final MongoCollection<Document> takeovers;
  private final Clock clock;

  public Users(DomainDatabase database, Clock clock) {
    this.database = database;
    this.events = new EventLog(database);
    this.store = new VersionedStore<>(database, "users", new UserMapping(), events);
    this.emails = database.collection("emails");
    this.takeovers = database.collection("email_takeovers");
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
    while (!inserted(emails, new Document("_id", key).append("userId", owner.value()))) {
      Document claim = emails.find(eq("_id", key)).first();
      if (claim == null) {
        continue;
      }
      var holder = new UserId(claim.getString("userId"));
      if (holder.equals(owner)) {
        return;
      }
      boolean held = find(holder).map(user -> User.key(user.email()).equals(key)).orElse(false);
      if (held || isRecent(claim) || !tookOver(key, claim)) {
        throw INVALID.failure("Email in use");
      }
      emails.deleteOne(eq("_id", key));
    }
  }

  /**
   * Whether this caller, of all who found the same abandoned claim, is the one to remove it: the
   * one whose takeover lands. Not a delete conditioned on the claim: FerretDB reads before it
   * deletes by id, so two such deletes could remove the claim and then its successor. A taker gone
   * for {@link #ABANDONED} lets the next attempt land.
   */
  private boolean tookOver(String key, Document claim) {
    String abandoned = key + " " + claim.getString("userId") + " " + claim.getDate("at").getTime();
    for (int attempt = 0; ; attempt++) {
      String id = abandoned + " " + attempt;
      if (inserted(takeovers, new Document("_id", id))) {
        return true;
      }
      Document other = takeovers.find(eq("_id", id)).first();
      if (other == null || isRecent(other)) {
        return false;
      }
    }
  }

  /** Inserts the document, stamped now, unless one with its {@code _id} exists. */
  private boolean inserted(MongoCollection<Document> collection, Document document) {
    try {
      collection.insertOne(document.append("at", Date.from(clock.instant())));
      return true;
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
        throw e;
      }
      return false;
    }
  }

  private boolean isRecent(Document stamped) {
    return stamped.getDate("at").toInstant().isAfter(clock.instant().minus(ABANDONED));
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
