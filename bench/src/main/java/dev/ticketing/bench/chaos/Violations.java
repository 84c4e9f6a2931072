package dev.ticketing.bench.chaos;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the invariant checker counted: every figure must be zero. */
public final class Violations {

  public static final String SOLD_TWICE = "tickets sold twice";
  public static final String CHARGES_WITHOUT_ORDER = "charges without a complete order or refund";
  public static final String OPEN_PAST_EXPIRY = "orders still open past expiresAt + 30 s";
  public static final String HELD_BY_CLOSED = "tickets held by a closed or unknown order";
  public static final String SOLD_WITHOUT_ORDER = "tickets sold to an order that is not complete";
  public static final String MISSING_EVENTS = "events missing for a state change";
  public static final String RUNNING_PAST_EXPIRY =
      "order workflows still running past expiresAt + 30 s";
  public static final String PAID_TWICE = "payouts paid twice";
  public static final String PAYOUT_WITHOUT_ORDER = "payouts without a complete order";
  public static final String PAID_BEFORE_RELEASE = "payouts paid before their releaseAt";
  public static final String PAID_WHILE_FROZEN = "transfers of a frozen payout";
  public static final String FEE_AND_AMOUNT = "payouts whose fee + amount is not the charge";
  public static final String PAYOUT_STUCK = "payouts missing or stuck 30 s past their due";
  public static final String EMAIL_TWICE = "emails sent twice (store or mail server)";
  public static final String EMAIL_STUCK = "emails lost or stuck unsent 2 min past their event";

  private static final int EXAMPLES = 5;

  private final Map<String, Long> counts = new LinkedHashMap<>();
  private final Map<String, List<String>> examples = new LinkedHashMap<>();

  Violations() {
    for (String kind :
        List.of(
            SOLD_TWICE,
            CHARGES_WITHOUT_ORDER,
            OPEN_PAST_EXPIRY,
            HELD_BY_CLOSED,
            SOLD_WITHOUT_ORDER,
            MISSING_EVENTS,
            RUNNING_PAST_EXPIRY,
            PAID_TWICE,
            PAYOUT_WITHOUT_ORDER,
            PAID_BEFORE_RELEASE,
            PAID_WHILE_FROZEN,
            FEE_AND_AMOUNT,
            PAYOUT_STUCK,
            EMAIL_TWICE,
            EMAIL_STUCK)) {
      counts.put(kind, 0L);
    }
  }

  void add(String kind, String example) {
    counts.merge(kind, 1L, Long::sum);
    List<String> some = examples.computeIfAbsent(kind, k -> new ArrayList<>());
    if (some.size() < EXAMPLES) {
      some.add(example);
    }
  }

  public Map<String, Long> counts() {
    return Map.copyOf(counts);
  }

  public long total() {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }

  public boolean none() {
    return total() == 0;
  }

  @Override
  public String toString() {
    var text = new StringBuilder();
    counts.forEach((kind, count) -> {
      text.append("  %-55s %d%n".formatted(kind, count));
      for (String example : examples.getOrDefault(kind, List.of())) {
        text.append("      e.g. ").append(example).append('\n');
      }
    });
    return text.toString();
  }
}
