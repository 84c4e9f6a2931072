package dev.ticketing.notifications;

import dev.ticketing.workflows.notifications.Notice;
import dev.ticketing.workflows.notifications.NotificationActivities;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each notice's email once: claimed in the store first, so a second attempt at the same
 * moment sends nothing and one after it finds the email sent. Logs what was sent, never its body.
 */
public class NotificationActivitiesImpl implements NotificationActivities {

  private static final Logger log = LoggerFactory.getLogger(NotificationActivitiesImpl.class);

  private final Emails emails;
  private final Addresses addresses;
  private final EmailTemplates templates;
  private final Mailer mailer;
  private final String messageIdDomain;

  NotificationActivitiesImpl(
      Emails emails,
      Addresses addresses,
      EmailTemplates templates,
      Mailer mailer,
      String publicUrl) {
    this.emails = emails;
    this.addresses = addresses;
    this.templates = templates;
    this.mailer = mailer;
    String host = URI.create(publicUrl).getHost();
    this.messageIdDomain = host == null ? "ticketing.localhost" : host;
  }

  @Override
  public void send(Notice notice) {
    String claim = UUID.randomUUID().toString();
    Email email = emails.claim(notice, claim);
    if (email.isDone()) {
      return; // sent before this attempt, or to nobody
    }
    Optional<String> address = addresses.of(notice.recipient());
    if (address.isEmpty()) {
      emails.undeliverable(notice.key());
      log.warn("Email {} has no recipient: user {} is unknown", notice.key(), notice.recipient());
      return;
    }
    try {
      mailer.send(address.get(), templates.render(notice), messageId(notice));
    } catch (RuntimeException refused) {
      emails.release(notice.key(), claim); // the retry need not wait out this claim
      throw refused;
    }
    emails.sent(notice.key());
    log.info("Sent {} email {}", notice.kind(), notice.key());
  }

  private String messageId(Notice notice) {
    return "<" + notice.key() + "@" + messageIdDomain + ">";
  }
}
