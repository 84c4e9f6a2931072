package dev.ticketing.notifications;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/** Sends an email through Spring's mail sender: plain text and HTML, under a given Message-ID. */
final class Mailer {

  private final JavaMailSender sender;
  private final String from;

  Mailer(JavaMailSender sender, String from) {
    this.sender = sender;
    this.from = from;
  }

  /**
   * Sends it; a failure of the server throws, for the activity to retry. The Message-ID is the
   * event's, so that should a crash come between the server taking the email and its record, the
   * one sent again is the same message, which mail servers and clients take once.
   */
  void send(String to, EmailTemplates.Rendered email, String messageId) {
    MimeMessage message = sender.createMimeMessage();
    try {
      var helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
      helper.setFrom(from);
      helper.setTo(to);
      helper.setSubject(email.subject());
      helper.setText(email.text(), email.html());
      // JavaMailSenderImpl keeps a Message-ID set here rather than making one up
      message.setHeader("Message-ID", messageId);
    } catch (MessagingException e) {
      throw new MailPreparationException("Could not write email " + messageId, e);
    }
    sender.send(message);
  }
}
