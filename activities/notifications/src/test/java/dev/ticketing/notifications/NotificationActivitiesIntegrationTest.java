package dev.ticketing.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.samskivert.mustache.Mustache;
import dev.ticketing.harness.ExternalProcess;
import dev.ticketing.harness.FerretDb;
import dev.ticketing.harness.LocalStack;
import dev.ticketing.harness.Mailpit;
import dev.ticketing.store.DomainDatabase;
import dev.ticketing.store.Event;
import dev.ticketing.workflows.UserId;
import dev.ticketing.workflows.notifications.Notice;
import dev.ticketing.workflows.notifications.NoticeKind;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The activity against a real FerretDB and a real SMTP server (Mailpit), read back by its API. */
@ExtendWith(LocalStack.class)
class NotificationActivitiesIntegrationTest {

  static final String PUBLIC_URL = "http://localhost:8080";

  final Map<UserId, String> addresses = new ConcurrentHashMap<>();
  String uri;
  Emails emails;
  Mailpit mailpit;

  @BeforeEach
  void open(FerretDb ferretDb, Mailpit mailpit) {
    this.mailpit = mailpit;
    uri = ferretDb.uri("notifications_" + new ObjectId());
    emails = new Emails(DomainDatabase.open(uri, "notifications"), Clock.systemUTC());
  }

  @AfterEach
  void close() {
    emails.close();
  }

  @Test
  void sendsTheNoticeAsTextAndHtmlUnderTheEventsMessageIdOnce() {
    UserId buyer = user();
    Notice receipt = Notices.of(NoticeKind.RECEIPT, buyer, "Jazz Night");
    var activities = activities(mailpit.smtpPort());

    activities.send(receipt);
    activities.send(receipt); // a retry after the send: nothing more

    assertThat(mailpit.emailsTo(addresses.get(buyer)))
        .singleElement()
        .satisfies(email -> {
          assertThat(email.subject()).isEqualTo("Your receipt for Jazz Night");
          assertThat(email.from())
              .isEqualTo(new Mailpit.Address("Ticketing", "tickets@ticketing.localhost"));
          assertThat(email.text()).contains("Paid: $17.99");
          assertThat(email.html()).contains("<h1");
          assertThat(email.messageId()).isEqualTo(receipt.key() + "@localhost");
        });
    assertThat(events(receipt)).containsExactly("EmailClaimed", "EmailSent");
  }

  @Test
  void aTitleThatSpellsAnEncodedWordIsSentAsItIs() {
    var activities = activities(mailpit.smtpPort());
    for (String title :
        List.of("=?utf-8?b?SGFjaw==?=", "=?x?q?a?= \uD83C\uDFAB".repeat(20) + " Jazz")) {
      UserId buyer = user();
      activities.send(Notices.of(NoticeKind.RECEIPT, buyer, title));

      assertThat(mailpit.emailsTo(addresses.get(buyer)))
          .singleElement()
          .satisfies(email -> assertThat(email.subject()).isEqualTo("Your receipt for " + title));
    }
  }

  @Test
  void ofManyAttemptsAtOnceOneSends() throws Exception {
    UserId seller = user();
    Notice sold = Notices.of(NoticeKind.TICKET_SOLD, seller, "Final");
    var activities = activities(mailpit.smtpPort());

    List<Throwable> failures = concurrently(8, () -> activities.send(sold));

    // the others found it claimed, and fail to be retried; a retry finds it sent
    assertThat(failures).allSatisfy(f -> assertThat(f).isInstanceOf(Email.ClaimHeld.class));
    activities.send(sold);
    assertThat(mailpit.emailsTo(addresses.get(seller))).hasSize(1);
    assertThat(events(sold)).containsExactly("EmailClaimed", "EmailSent");
  }

  @Test
  void aMailServerThatIsDownFailsTheAttemptAndTheNextOneSends() {
    UserId buyer = user();
    Notice expired = Notices.of(NoticeKind.ORDER_EXPIRED, buyer, "Matinee");

    assertThatThrownBy(() -> activities(ExternalProcess.freePort()).send(expired))
        .isInstanceOf(MailException.class);
    activities(mailpit.smtpPort()).send(expired);

    assertThat(mailpit.emailsTo(addresses.get(buyer))).hasSize(1);
    assertThat(events(expired))
        .containsExactly("EmailClaimed", "EmailReleased", "EmailClaimed", "EmailSent");
  }

  @Test
  void aClaimOlderThanItsLeaseIsTakenOverAndSent() {
    UserId buyer = user();
    Notice declined = Notices.of(NoticeKind.PAYMENT_DECLINED, buyer, "Matinee");
    var late = Clock.offset(Clock.systemUTC(), Email.LEASE.plusSeconds(1));
    emails.claim(declined, "a crashed attempt");

    // the same store, read by a process a lease later
    try (var takeover = new Emails(DomainDatabase.open(uri, "notifications"), late)) {
      activities(mailpit.smtpPort(), takeover).send(declined);
    }

    assertThat(mailpit.emailsTo(addresses.get(buyer))).hasSize(1);
    assertThat(events(declined)).containsExactly("EmailClaimed", "EmailClaimed", "EmailSent");
  }

  @Test
  void aRecipientWhoIsGoneGetsNothingAndIsNotAskedForAgain() {
    Notice paid = Notices.of(NoticeKind.PAYOUT_PAID, new UserId(new ObjectId().toHexString()), "X");
    var activities = activities(mailpit.smtpPort());

    activities.send(paid);
    activities.send(paid);

    assertThat(emails.find(paid.key()))
        .hasValueSatisfying(
            email -> assertThat(email.status()).isEqualTo(EmailStatus.UNDELIVERABLE));
    assertThat(events(paid)).containsExactly("EmailClaimed", "EmailUndeliverable");
  }

  private UserId user() {
    var id = new UserId(new ObjectId().toHexString());
    addresses.put(id, "user-" + id.value() + "@example.com");
    return id;
  }

  private NotificationActivitiesImpl activities(int smtpPort) {
    return activities(smtpPort, emails);
  }

  private NotificationActivitiesImpl activities(int smtpPort, Emails store) {
    var sender = new JavaMailSenderImpl();
    sender.setHost(mailpit.smtpHost());
    sender.setPort(smtpPort);
    sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
    sender.getJavaMailProperties().put("mail.smtp.timeout", "5000");
    return new NotificationActivitiesImpl(
        store,
        user -> Optional.ofNullable(addresses.get(user)),
        new EmailTemplates(templates(), PUBLIC_URL),
        new Mailer(sender, "Ticketing <tickets@ticketing.localhost>"),
        PUBLIC_URL);
  }

  private List<String> events(Notice notice) {
    return emails.events().of(notice.key()).stream().map(Event::type).toList();
  }

  private static Mustache.Compiler templates() {
    return Mustache.compiler()
        .withLoader(name ->
            new InputStreamReader(
                NotificationActivitiesIntegrationTest.class
                    .getClassLoader()
                    .getResourceAsStream("templates/" + name + ".mustache"),
                StandardCharsets.UTF_8));
  }

  private static List<Throwable> concurrently(int callers, Runnable call) throws Exception {
    try (var pool = Executors.newFixedThreadPool(callers)) {
      var calls = new ArrayList<Callable<Void>>();
      for (int i = 0; i < callers; i++) {
        calls.add(() -> {
          call.run();
          return null;
        });
      }
      var failures = new ArrayList<Throwable>();
      for (var answer : pool.invokeAll(calls)) {
        try {
          answer.get();
        } catch (java.util.concurrent.ExecutionException e) {
          failures.add(e.getCause());
        }
      }
      return failures;
    }
  }
}
