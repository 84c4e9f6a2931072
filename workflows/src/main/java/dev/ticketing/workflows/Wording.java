package dev.ticketing.workflows;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** How the workflows put money and times into the Temporal Web UI's summaries and details. */
public final class Wording {

  private static final DateTimeFormatter TIME_OF_DAY =
      DateTimeFormatter.ofPattern("HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private Wording() {}

  // Temporal refuses a start whose summary is over 400 bytes (limit.userMetadataSummarySize). A
  // title may be 200 characters; 50, even each escaped in JSON as 6 bytes, leave room for the rest.
  private static final int TITLE_IN_SUMMARY = 50;

  /** A ticket's title for a Web UI summary: its first 50 characters, and an ellipsis if cut. */
  public static String titleInSummary(String title) {
    if (title.codePointCount(0, title.length()) <= TITLE_IN_SUMMARY) {
      return title;
    }
    return title.substring(0, title.offsetByCodePoints(0, TITLE_IN_SUMMARY)) + "…";
  }

  /** {@code $19.99}: the platform charges in US dollars. */
  public static String money(long cents) {
    return money(cents, Price.CURRENCY);
  }

  /** {@code $17.99}, or {@code 17.99 EUR} in a currency other than Stripe's {@code usd}. */
  public static String money(long cents, String currency) {
    String amount = BigDecimal.valueOf(cents, 2).toPlainString();
    return currency.equalsIgnoreCase(Price.CURRENCY)
        ? "$" + amount
        : amount + " " + currency.toUpperCase(Locale.ROOT);
  }

  public static String money(Price price) {
    return money(price.cents());
  }

  /** {@code 10:15:30Z}, for moments within the hour, such as the end of a payment window. */
  public static String timeOfDay(Instant moment) {
    return TIME_OF_DAY.format(moment.truncatedTo(ChronoUnit.SECONDS));
  }

  /** {@code 2026-12-01T20:00:00Z}, for moments days or months away. */
  public static String moment(Instant moment) {
    return moment.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** {@code 15 minutes}, {@code 2 days}: a duration as people say it, in its largest whole unit. */
  public static String duration(Duration duration) {
    if (duration.toDays() > 0 && duration.equals(Duration.ofDays(duration.toDays()))) {
      return plural(duration.toDays(), "day");
    }
    if (duration.toHours() > 0 && duration.equals(Duration.ofHours(duration.toHours()))) {
      return plural(duration.toHours(), "hour");
    }
    if (duration.toMinutes() > 0 && duration.equals(Duration.ofMinutes(duration.toMinutes()))) {
      return plural(duration.toMinutes(), "minute");
    }
    return plural(duration.toSeconds(), "second");
  }

  private static String plural(long count, String unit) {
    return count + " " + unit + (count == 1 ? "" : "s");
  }
}
