package dev.ticketing.bench.shop;

/** A signed-up user and the session cookie the API gave it. */
public record Account(String id, String email, String session) {}
