package dev.ticketing.bench.chaos;

import dev.ticketing.bench.stores.Stores;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * The emails: each event's sent at most once, by the notifications store ({@code EmailSent}) and by
 * the mail server (one message per Message-ID, {@code <key@host>}); and each one asked for sent
 * within {@link #GRACE} of its event: a complete order's receipt, an expired order's and a declined
 * one's email, a sale's {@code sold-} and each transfer's {@code paid-}. The store keeps {@code
 * emails} under the event's key, with their {@code Email...} events.
 */
final class EmailChecks {

  static final String DOMAIN = "notifications";

  /**
   * How long after its event an email may still be unsent: an attempt killed mid-send holds the
   * email's claim for its one-minute lease, and the next waits out the activity's 30 s timeout and
   * a backoff.
   */
  static final Duration GRACE = Duration.ofMinutes(2);

  /** An email that an event asks for, and when the event happened. */
  record Expected(String key, Instant since) {}

  private final Map<String, Aggregate> emails;
  private final Map<String, Long> received;
  private final List<Expected> expected;

  private EmailChecks(
      Map<String, Aggregate> emails, Map<String, Long> received, List<Expected> expected) {
    this.emails = emails;
    this.received = received;
    this.expected = expected;
  }

  /** The store as it is now; {@code messageIds}: the mail server's, read after the store. */
  static EmailChecks read(Stores stores, PayoutChecks sales, List<String> messageIds) {
    return new EmailChecks(
        Aggregate.all(stores, DOMAIN, "emails", type -> true),
        messageIds.stream()
            .map(id -> id.contains("@") ? id.substring(0, id.lastIndexOf('@')) : id)
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting())),
        expected(sales));
  }

  Map<String, Aggregate> emails() {
    return emails;
  }

  /** How many messages with the key's Message-ID the mail server received. */
  long received(String key) {
    return received.getOrDefault(key, 0L);
  }

  List<Expected> expected() {
    return expected;
  }

  void check(Instant now, Violations violations) {
    emails.values().stream()
        .filter(email -> email.count("EmailSent") > 1)
        .forEach(email ->
            violations.add(
                Violations.EMAIL_TWICE,
                "email " + email.id() + ": " + email.count("EmailSent") + " EmailSent events"));
    received.forEach((key, messages) -> {
      if (messages > 1) {
        violations.add(
            Violations.EMAIL_TWICE,
            "email " + key + ": " + messages + " messages at the mail server");
      }
    });
    for (Expected email : unsent()) {
      if (now.isAfter(email.since().plus(GRACE))) {
        violations.add(
            Violations.EMAIL_STUCK,
            "email " + email.key() + " asked for at " + email.since() + ": " + where(email.key()));
      }
    }
  }

  /** The emails asked for that are not sent yet, by the store and by the mail server both. */
  List<Expected> unsent() {
    return expected.stream().filter(email -> !isSent(email.key())).toList();
  }

  boolean isSent(String key) {
    Aggregate email = emails.get(key);
    return email != null && email.count("EmailSent") > 0 && received(key) > 0;
  }

  private String where(String key) {
    Aggregate email = emails.get(key);
    if (email == null) {
      return "never asked to send (not in the store)";
    }
    return email.count("EmailSent") > 0
        ? "sent per the store, but not at the mail server"
        : email.field("status") + " since " + email.changedAt();
  }

  /** What the orders and payouts ask for, each keyed as the workflows key it. */
  private static List<Expected> expected(PayoutChecks sales) {
    List<Expected> expected = new ArrayList<>();
    for (Aggregate order : sales.orders().values()) {
      String status = order.field("status");
      String reason = order.field("cancellationReason");
      if ("COMPLETE".equals(status)) {
        expected.add(new Expected("receipt-" + order.id(), since(order.reached(status))));
      } else if ("CANCELLED".equals(status) && "EXPIRED".equals(reason)) {
        expected.add(new Expected("expired-" + order.id(), since(order.reached(status))));
      } else if ("CANCELLED".equals(status) && "PAYMENT_FAILED".equals(reason)) {
        expected.add(new Expected("declined-" + order.id(), since(order.reached(status))));
      }
    }
    for (Aggregate payout : sales.payouts().values()) {
      for (Document event : payout.events()) {
        Instant at = since(Aggregate.instant(event, "at"));
        switch (String.valueOf(event.getString("type"))) {
          case "PayoutScheduled" -> expected.add(new Expected("sold-" + payout.id(), at));
          case "PayoutSent" -> {
            Number transfers = Aggregate.state(event).get("transfers", Number.class);
            int transfer = transfers == null ? 1 : transfers.intValue();
            String suffix = transfer > 1 ? "-" + transfer : "";
            expected.add(new Expected("paid-" + payout.id() + suffix, at));
          }
          default -> {}
        }
      }
    }
    return expected;
  }

  private static Instant since(@Nullable Instant at) {
    return at == null ? Instant.EPOCH : at;
  }
}
