package dev.ticketing.notifications;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.StringJoiner;
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
      if (email.subject().contains("=?")) {
        message.setHeader("Subject", encodedWords(email.subject()));
      }
      helper.setText(email.text(), email.html());
      // JavaMailSenderImpl keeps a Message-ID set here rather than making one up
      message.setHeader("Message-ID", messageId);
    } catch (MessagingException e) {
      throw new MailPreparationException("Could not write email " + messageId, e);
    }
    sender.send(message);
  }

  /**
   * The subject as RFC 2047's encoded words, every character of it. Jakarta Mail encodes only a
   * subject with a character beyond ASCII, and a mail client decodes any {@code =?...?=} it finds:
   * a title {@code =?utf-8?b?SGFjaw==?=} read "Hack". Words of 45 bytes at most (75 characters once
   * encoded), split between characters, folded onto lines of their own.
   */
  static String encodedWords(String subject) {
    var words = new StringJoiner("\r\n ");
    var word = new ByteArrayOutputStream();
    subject
        .codePoints()
        .forEach(codePoint -> {
          byte[] bytes = Character.toString(codePoint).getBytes(StandardCharsets.UTF_8);
          if (word.size() + bytes.length > 45) {
            words.add(encodedWord(word.toByteArray()));
            word.reset();
          }
          word.writeBytes(bytes);
        });
    if (word.size() > 0) {
      words.add(encodedWord(word.toByteArray()));
    }
    return words.toString();
  }

  private static String encodedWord(byte[] utf8) {
    return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(utf8) + "?=";
  }
}
