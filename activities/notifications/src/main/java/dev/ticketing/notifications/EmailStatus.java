package dev.ticketing.notifications;

/** Where an email is. */
public enum EmailStatus {
  /** An attempt is sending it, since the email's {@code claimedAt}. */
  SENDING,
  /** The mail server took it. */
  SENT,
  /** Its recipient has no address any more: nothing was sent, and nothing will be. */
  UNDELIVERABLE
}
