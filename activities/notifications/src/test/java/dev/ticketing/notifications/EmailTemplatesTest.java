package dev.ticketing.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.samskivert.mustache.Mustache;
import dev.ticketing.workflows.UserId;
import dev.ticketing.workflows.notifications.Notice;
import dev.ticketing.workflows.notifications.NoticeKind;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EmailTemplatesTest {

  static final UserId ADA = new UserId("5f00000000000000000000a1");

  // The loader Spring Boot's Mustache support gives: templates/<name>.mustache on the class path.
  final EmailTemplates templates =
      new EmailTemplates(
          Mustache.compiler()
              .withLoader(name ->
                  new InputStreamReader(
                      Objects.requireNonNull(
                          getClass()
                              .getClassLoader()
                              .getResourceAsStream("templates/" + name + ".mustache"),
                          name),
                      StandardCharsets.UTF_8)),
          "https://tickets.example.com/");

  @ParameterizedTest
  @EnumSource(NoticeKind.class)
  void everyKindHasASubjectTextAndHtmlNamingTheTicket(NoticeKind kind) {
    EmailTemplates.Rendered email = templates.render(Notices.of(kind, ADA, "Jazz Night"));

    assertThat(email.subject()).contains("Jazz Night").doesNotContain("\n");
    assertThat(email.text()).contains("Jazz Night").contains("https://tickets.example.com/");
    assertThat(email.html())
        .startsWith("<!DOCTYPE html>")
        .contains("Jazz Night")
        .contains("href=\"https://tickets.example.com/");
  }

  @Test
  void aReceiptSaysWhatWasPaidAndLinksToTheOrder() {
    Notice receipt = Notices.of(NoticeKind.RECEIPT, ADA, "Final");

    EmailTemplates.Rendered email = templates.render(receipt);

    assertThat(email.subject()).isEqualTo("Your receipt for Final");
    assertThat(email.text())
        .contains("Paid: $17.99")
        .contains("https://tickets.example.com/orders/" + receipt.orderId().value());
  }

  @Test
  void aSaleSaysWhenTheSellerIsPaidAndAsksForAnAccountOnlyWhenThereIsNone() {
    Notice sold = Notices.of(NoticeKind.TICKET_SOLD, ADA, "Final");
    Notice soldWithAccount =
        new Notice(
            sold.key(),
            sold.kind(),
            sold.recipient(),
            sold.orderId(),
            sold.ticketId(),
            sold.ticketTitle(),
            sold.amount(),
            sold.currency(),
            sold.date(),
            false);

    assertThat(templates.render(sold).text())
        .contains(
            "You will be paid $17.99 (after our fee) on Tuesday 22 December 2026 at 19:30 UTC")
        .contains("set up payouts first");
    assertThat(templates.render(soldWithAccount).text()).doesNotContain("set up payouts");
    assertThat(templates.render(soldWithAccount).html()).doesNotContain("set up payouts");
  }

  @Test
  void onlyTheHtmlEscapesATitleAsItIsStored() {
    String title = "Rock & Roll <live> \"tonight\"";

    EmailTemplates.Rendered email =
        templates.render(Notices.of(NoticeKind.PAYOUT_PAID, ADA, title));

    assertThat(email.subject()).isEqualTo("We paid you $17.99 for " + title);
    assertThat(email.text()).contains(title);
    assertThat(email.html())
        .contains("Rock &amp; Roll &lt;live&gt; &quot;tonight&quot;")
        .doesNotContain("<live>");
  }

  @Test
  void writesAmountsAsTheirCurrencyDoes() {
    assertThat(EmailTemplates.money(1_999, "usd")).isEqualTo("$19.99");
    assertThat(EmailTemplates.money(500, "eur")).isEqualTo("€5.00");
    assertThat(EmailTemplates.money(1_000, "jpy")).isEqualTo("¥1,000");
  }
}
