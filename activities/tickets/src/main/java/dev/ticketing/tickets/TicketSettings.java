package dev.ticketing.tickets;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where the tickets database is: a MongoDB connection string, optionally naming the database. */
@ConfigurationProperties("ticketing.tickets")
public record TicketSettings(@DefaultValue("mongodb://localhost:27017") String mongodbUri) {}
