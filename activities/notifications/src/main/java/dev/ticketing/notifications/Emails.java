package dev.ticketing.notifications;

import dev.ticketing.store.DomainDatabase;
import dev.ticketing.store.DomainStore;
import dev.ticketing.store.VersionedStore;
import dev.ticketing.workflows.notifications.Notice;
import java.time.Clock;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The notifications store: each event's email ({@code EmailClaimed}, {@code EmailSent}, {@code
 * EmailUndeliverable}), under the event's key.
 */
public final class Emails extends DomainStore {

  private final VersionedStore<Email> emails;
  private final Clock clock;

  public Emails(DomainDatabase database, Clock clock) {
    super(database, "notifications");
    this.emails = new VersionedStore<>(database, "emails", Email.class, events);
    this.clock = clock;
  }

  public Optional<Email> find(String key) {
    return emails.find(key);
  }

  /**
   * The notice's email, claimed for {@code claim}: done already, or claimed now by this attempt.
   * Throws {@link Email.ClaimHeld} while another attempt holds it.
   */
  Email claim(Notice notice, String claim) {
    Email created =
        emails.create(
            Email.claimed(notice.key(), notice.kind(), notice.recipient(), claim, clock.instant()),
            "EmailClaimed");
    if (created.isDone() || created.claim().equals(claim)) {
      return created;
    }
    return change(notice.key(), "EmailClaimed", email -> email.claimedBy(claim, clock.instant()));
  }

  Email release(String key, String claim) {
    return change(key, "EmailReleased", email -> email.releasedBy(claim));
  }

  Email sent(String key) {
    return change(key, "EmailSent", email -> email.sent(clock.instant()));
  }

  Email undeliverable(String key) {
    return change(key, "EmailUndeliverable", Email::undeliverable);
  }

  private Email change(String key, String event, UnaryOperator<Email> transition) {
    return emails
        .change(key, event, transition)
        .orElseThrow(() -> new IllegalStateException("No email " + key));
  }
}
