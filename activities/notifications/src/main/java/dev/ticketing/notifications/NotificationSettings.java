package dev.ticketing.notifications;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the notifications database is, and the users database the recipients' addresses are read
 * from (read only); who the emails come from ({@code MAIL_FROM}); and the web client's address
 * ({@code PUBLIC_URL}), which their links point to. The SMTP server is Spring Boot's {@code
 * spring.mail.*}.
 */
@ConfigurationProperties("ticketing.notifications")
public record NotificationSettings(
    @DefaultValue("mongodb://localhost:27017") String mongodbUri,
    @DefaultValue("mongodb://localhost:27017") String usersMongodbUri,
    @DefaultValue("Ticketing <tickets@ticketing.localhost>") String from,
    @DefaultValue("http://localhost:8080") String publicUrl) {}
