package dev.ticketing.api;

import org.jspecify.annotations.Nullable;

/**
 * How the API reads text fields, and the OpenAPI patterns that say the same: trimmed as the
 * contract says, in one pass. "Space" is the white space that Python's and Java's regular
 * expressions both mean by it, so the document's patterns and the API's checks agree exactly.
 */
public final class Text {

  /** The white space characters, as a regular expression's character class body. */
  static final String SPACE =
      "\\t\\n\\x0B\\f\\r\\x1C-\\x1F \\x85\\xA0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000";

  // Format characters (category Cf) of the Basic Multilingual Plane: invisible, so no title.
  private static final String FORMAT =
      "\\xAD\\u0600-\\u0605\\u061C\\u06DD\\u070F\\u180E\\u200B-\\u200F\\u202A-\\u202E"
          + "\\u2060-\\u2064\\u2066-\\u206F\\uFEFF\\uFFF9-\\uFFFB";

  /**
   * The OpenAPI pattern of text with no NUL (unpaired surrogates can't be written in a pattern).
   */
  public static final String PLAIN = "^[^\\x00]*$";

  /** The OpenAPI pattern of a title: at least one character that is neither space nor invisible. */
  public static final String VISIBLE = "^[^\\x00]*[^\\x00" + SPACE + FORMAT + "][^\\x00]*$";

  /**
   * The OpenAPI pattern of {@link EmailAddress}, space around it allowed, control characters
   * nowhere (one around it was taken for space and cut off as the address was stored).
   */
  public static final String EMAIL =
      "^["
          + SPACE
          + "]*[^@\\x00-\\x1F\\x7F"
          + SPACE
          + "]+@[^@\\x00-\\x1F\\x7F"
          + SPACE
          + "]+\\.[^@\\x00-\\x1F\\x7F"
          + SPACE
          + "]+["
          + SPACE
          + "]*$";

  private Text() {}

  /** Without the space around it. */
  public static @Nullable String trimmed(@Nullable String text) {
    if (text == null) {
      return null;
    }
    int start = 0;
    int end = text.length();
    while (start < end && isSpace(text.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(start, end);
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

  private static boolean isSpace(char c) {
    return (c >= '\t' && c <= '\r')
        || (c >= '\u001C' && c <= ' ')
        || c == '\u0085'
        || c == '\u00A0'
        || c == '\u1680'
        || (c >= '\u2000' && c <= '\u200A')
        || c == '\u2028'
        || c == '\u2029'
        || c == '\u202F'
        || c == '\u205F'
        || c == '\u3000';
  }

  /** Whether the text has a character that is neither space nor invisible. */
  static boolean hasVisible(String text) {
    return text.codePoints().anyMatch(codePoint -> !isInvisible(codePoint));
  }

  private static boolean isInvisible(int codePoint) {
    return (codePoint <= Character.MAX_VALUE && isSpace((char) codePoint))
        || Character.isWhitespace(codePoint)
        || Character.isSpaceChar(codePoint)
        || Character.getType(codePoint) == Character.FORMAT;
  }
}
