package dev.ticketing.api;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How sessions are signed ({@code JWT_KEY}), how long they last, and whether the cookie is Secure.
 */
@ConfigurationProperties("ticketing.session")
public record SessionSettings(
    @Nullable String key,
    @DefaultValue("PT24H") Duration lifetime,
    @DefaultValue("false") boolean secureCookie) {}
