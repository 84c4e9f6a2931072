package dev.ticketing.bench.chaos;

import dev.ticketing.bench.report.Latencies;
import dev.ticketing.bench.report.Percentiles;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * What became of the emails: how many the store records sent and the mail server received, by kind
 * (the key's first word: {@code receipt}, {@code sold}, {@code paid}, ...); how many of either were
 * sent twice; how many asked for are unsent, still within their grace; and how long after its event
 * each email asked for was sent (the {@code EmailSent} event).
 */
public record EmailFigures(
    long sent,
    long received,
    Map<String, Long> byKind,
    long duplicates,
    long asked,
    long unsentWithinGrace,
    Percentiles delay) {

  static EmailFigures of(EmailChecks stored, Instant now) {
    Map<String, Long> byKind = new TreeMap<>();
    long sent = 0;
    long received = 0;
    long duplicates = 0;
    for (Aggregate email : stored.emails().values()) {
      long sends = email.count("EmailSent");
      long messages = stored.received(email.id());
      sent += sends;
      received += messages;
      duplicates += Math.max(0, sends - 1) + Math.max(0, messages - 1);
      if (sends > 0) {
        byKind.merge(email.id().split("-", 2)[0], 1L, Long::sum);
      }
    }
    var delay = new Latencies();
    for (EmailChecks.Expected email : stored.expected()) {
      Aggregate sentEmail = stored.emails().get(email.key());
      Instant sentAt = sentEmail == null ? null : sentEmail.reached("SENT");
      if (sentAt != null) {
        delay.record(Duration.between(email.since(), sentAt));
      }
    }
    long unsentWithinGrace =
        stored.unsent().stream()
            .filter(email -> !now.isAfter(email.since().plus(EmailChecks.GRACE)))
            .count();
    return new EmailFigures(
        sent,
        received,
        byKind,
        duplicates,
        stored.expected().size(),
        unsentWithinGrace,
        delay.percentiles());
  }

  @Override
  public String toString() {
    return """
    Emails:
      sent %d per the store, %d messages at the mail server; sent by kind %s
      duplicates %d (a second EmailSent, or a second message under one Message-ID)
      asked for by the orders and payouts %d; unsent but within their %d s %d
      sent after their event: %s, max %.0f ms
    """
        .formatted(
            sent,
            received,
            byKind,
            duplicates,
            asked,
            EmailChecks.GRACE.toSeconds(),
            unsentWithinGrace,
            delay,
            delay.max());
  }
}
