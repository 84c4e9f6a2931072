package dev.ticketing.notifications;

import com.samskivert.mustache.Mustache;
import dev.ticketing.store.DomainDatabase;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * The notifications store, and the activities that send through Spring Boot's mail sender ({@code
 * spring.mail.*}) from templates compiled by its Mustache compiler.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationSettings.class)
public class NotificationsConfiguration {

  @Bean(destroyMethod = "close")
  Emails emails(NotificationSettings settings) {
    return new Emails(
        DomainDatabase.open(settings.mongodbUri(), "notifications"), Clock.systemUTC());
  }

  @Bean
  NotificationActivitiesImpl notificationActivities(
      Emails emails,
      Addresses addresses,
      Mustache.Compiler mustache,
      JavaMailSender mail,
      NotificationSettings settings) {
    return new NotificationActivitiesImpl(
        emails,
        addresses,
        new EmailTemplates(mustache, settings.publicUrl()),
        new Mailer(mail, settings.from()),
        settings.publicUrl());
  }
}
