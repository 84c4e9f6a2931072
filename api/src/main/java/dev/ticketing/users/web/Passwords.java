package dev.ticketing.users.web;

/** The rules' messages for a password. */
final class Passwords {
  static final String LENGTH = "Password must be between 8 and 64 characters";
  static final String PLAIN = "Password must not contain NUL or unpaired surrogate characters";

  private Passwords() {}
}
