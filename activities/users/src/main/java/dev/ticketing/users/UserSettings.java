package dev.ticketing.users;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the users database is, how costly a password hash is (bcrypt's log rounds), and how many
 * failed sign-ins within which window lock an email out.
 */
@ConfigurationProperties("ticketing.users")
public record UserSettings(
    @DefaultValue("mongodb://localhost:27017") String mongodbUri,
    @DefaultValue("10") int passwordStrength,
    @DefaultValue("10") int signInAttempts,
    @DefaultValue("PT15M") Duration signInWindow) {}
