package dev.ticketing.orders;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the orders database is, and how long an order holds its ticket. The expiration is read when
 * an order starts and travels as its workflow's input.
 */
@ConfigurationProperties("ticketing.orders")
public record OrderSettings(
    @DefaultValue("mongodb://localhost:27017") String mongodbUri,
    @DefaultValue("PT15M") Duration expiration) {}
