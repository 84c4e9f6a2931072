package dev.ticketing.notifications;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import dev.ticketing.workflows.notifications.Notice;
import dev.ticketing.workflows.notifications.NoticeKind;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Each kind's subject, plain text and HTML, from its Mustache templates under {@code
 * templates/email/} ({@code receipt.subject.mustache}, {@code receipt.txt.mustache}, {@code
 * receipt.html.mustache}, ...). Only the HTML escapes what it is given.
 */
public final class EmailTemplates {

  /** An email as its recipient reads it. */
  public record Rendered(String subject, String text, String html) {}

  /** What the templates may show, as words and links. */
  record Facts(
      String title,
      String amount,
      @Nullable String date,
      boolean needsAccount,
      String orderUrl,
      String ticketUrl,
      String salesUrl,
      String homeUrl) {}

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("EEEE d MMMM uuuu 'at' HH:mm 'UTC'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private record Templates(Template subject, Template text, Template html) {}

  private final Map<NoticeKind, Templates> templates = new EnumMap<>(NoticeKind.class);
  private final String publicUrl;

  public EmailTemplates(Mustache.Compiler compiler, String publicUrl) {
    Mustache.Compiler plain = compiler.escapeHTML(false);
    Mustache.Compiler html = compiler.escapeHTML(true);
    for (NoticeKind kind : NoticeKind.values()) {
      String name = "email/" + kind.name().toLowerCase(Locale.ROOT);
      templates.put(
          kind,
          new Templates(
              load(plain, name + ".subject"),
              load(plain, name + ".txt"),
              load(html, name + ".html")));
    }
    this.publicUrl =
        publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
  }

  public Rendered render(Notice notice) {
    Facts facts = facts(notice);
    Templates kind = templates.get(notice.kind());
    return new Rendered(
        kind.subject().execute(facts).strip(),
        kind.text().execute(facts),
        kind.html().execute(facts));
  }

  private Facts facts(Notice notice) {
    return new Facts(
        notice.ticketTitle(),
        money(notice.amount(), notice.currency()),
        date(notice.date()),
        notice.needsAccount(),
        publicUrl + "/orders/" + notice.orderId().value(),
        publicUrl + "/tickets/" + notice.ticketId().value(),
        publicUrl + "/sales",
        publicUrl + "/");
  }

  /** An amount in minor units, as its currency writes it: 1999 usd is $19.99. */
  static String money(long minorUnits, String currencyCode) {
    Currency currency = Currency.getInstance(currencyCode.toUpperCase(Locale.ROOT));
    NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
    format.setCurrency(currency);
    int digits = Math.max(currency.getDefaultFractionDigits(), 0);
    format.setMinimumFractionDigits(digits);
    format.setMaximumFractionDigits(digits);
    return format.format(BigDecimal.valueOf(minorUnits, digits));
  }

  private static @Nullable String date(@Nullable Instant date) {
    return date == null ? null : DATE.format(date);
  }

  private static Template load(Mustache.Compiler compiler, String name) {
    try {
      return compiler.loadTemplate(name);
    } catch (Exception e) {
      throw new IllegalStateException("No email template " + name, e);
    }
  }
}
