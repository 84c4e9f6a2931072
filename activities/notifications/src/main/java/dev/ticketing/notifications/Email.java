package dev.ticketing.notifications;

import dev.ticketing.workflows.UserId;
import dev.ticketing.workflows.notifications.NoticeKind;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The record of one event's email, under the event's key. An attempt claims it before sending, so
 * two attempts at once never both send; a claim older than {@link #LEASE} is a crashed attempt's,
 * and the next attempt takes it over.
 */
public record Email(
    String id,
    NoticeKind kind,
    UserId recipient,
    EmailStatus status,
    String claim,
    Instant claimedAt,
    @Nullable Instant sentAt,
    long version,
    Instant createdAt) {

  /** Longer than an attempt can take: the SMTP timeouts end one well within it. */
  static final Duration LEASE = Duration.ofMinutes(1);

  static Email claimed(String key, NoticeKind kind, UserId recipient, String claim, Instant now) {
    return new Email(key, kind, recipient, EmailStatus.SENDING, claim, now, null, 0, now);
  }

  /** Whether nothing is left to do for it. */
  boolean isDone() {
    return status != EmailStatus.SENDING;
  }

  /** Claimed for {@code claim}; refused while another attempt's claim holds. */
  Email claimedBy(String claim, Instant now) {
    if (isDone() || this.claim.equals(claim)) {
      return this;
    }
    if (claimedAt.plus(LEASE).isAfter(now)) {
      throw new ClaimHeld(id);
    }
    return new Email(
        id, kind, recipient, EmailStatus.SENDING, claim, now, null, version, createdAt);
  }

  /**
   * Its claim given up by the attempt that held it (the mail server refused): the next may send.
   */
  Email releasedBy(String claim) {
    if (isDone() || !this.claim.equals(claim)) {
      return this;
    }
    return new Email(id, kind, recipient, status, claim, Instant.EPOCH, sentAt, version, createdAt);
  }

  Email sent(Instant at) {
    return with(EmailStatus.SENT, at);
  }

  Email undeliverable() {
    return with(EmailStatus.UNDELIVERABLE, null);
  }

  private Email with(EmailStatus next, @Nullable Instant at) {
    return status == next
        ? this
        : new Email(id, kind, recipient, next, claim, claimedAt, at, version, createdAt);
  }

  /** Another attempt is sending the email now; this one retries later. */
  static final class ClaimHeld extends RuntimeException {
    ClaimHeld(String key) {
      super("Another attempt is sending email " + key);
    }
  }
}
