package dev.ticketing.api;

import org.jspecify.annotations.Nullable;

/** How the API reads text fields: trimmed as the contract says, in one pass over the text. */
public final class Text {

  /**
   * The OpenAPI pattern of text with no NUL (unpaired surrogates can't be written in a pattern).
   */
  public static final String PLAIN = "^[^\\u0000]*$";

  /** The OpenAPI pattern of {@link EmailAddress}. */
  public static final String EMAIL = "^[^\\s@\\u0000]+@[^\\s@\\u0000]+\\.[^\\s@\\u0000]+$";

  private Text() {}

  /** Without the white space around it. */
  public static @Nullable String trimmed(@Nullable String text) {
    return text == null ? null : text.strip();
  }

  /**
   * Without the space and invisible characters around it: white space, no-break spaces and format
   * characters such as the zero-width space.
   */
  public static @Nullable String visible(@Nullable String text) {
    if (text == null) {
      return null;
    }
    int start = 0;
    while (start < text.length() && isInvisible(text.codePointAt(start))) {
      start += Character.charCount(text.codePointAt(start));
    }
    int end = text.length();
    while (end > start && isInvisible(text.codePointBefore(end))) {
      end -= Character.charCount(text.codePointBefore(end));
    }
    return text.substring(start, end);
  }

  private static boolean isInvisible(int codePoint) {
    return Character.isWhitespace(codePoint)
        || Character.isSpaceChar(codePoint)
        || Character.getType(codePoint) == Character.FORMAT;
  }
}
